package org.thinkpress.imports;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import javax.xml.stream.XMLStreamException;
import org.thinkpress.imports.WxrCursor.Ns;

/**
 * One {@code <item>} of a WXR file while it is being read: what it says, gathered from its elements in
 * whatever order they come, then told to the visitor as a post or page ({@link SourceItem}), an
 * attachment, or something skipped. Made afresh for each item and dropped after it.
 *
 * <p>Multilingual sites: Polylang tags each item with {@code <category domain="language">} and
 * {@code <category domain="post_translations">}. WPML keeps languages in its own table, which
 * WordPress's exporter does not write; the WPML Export and Import add-on copies them into the post
 * meta {@code _wpml_import_language_code} and {@code _wpml_import_translation_group} so that any
 * exporter carries them, and those are read when Polylang's terms are absent.
 */
final class WxrItem {

  /** The post meta this reader uses; the rest (page builders' data can be megabytes) is not kept. */
  private static final Set<String> META_KEYS = Set.of(
      "_thumbnail_id",
      "_yoast_wpseo_title", "_yoast_wpseo_metadesc",
      "rank_math_title", "rank_math_description",
      "_aioseo_title", "_aioseo_description",
      "_wpml_import_language_code", "_wpml_import_translation_group");

  /** A term the item is filed under: {@code <category domain="..." nicename="...">Name</category>}. */
  record Term(String taxonomy, String slug, String name) {}

  private final String file;
  private final int line;
  private String id = "";
  private String type = "post";
  private String status = "";
  private String title = "";
  private String link = "";
  private String guid = "";
  private String slug = "";
  private String html = "";
  private String excerpt = "";
  private String password = "";
  private String sticky = "";
  private String parent = "";
  private String attachmentUrl = "";
  private WxrStamp date;
  private WxrStamp dateGmt;
  private WxrStamp modified;
  private WxrStamp modifiedGmt;
  private final List<String> creators = new ArrayList<>(1);
  private final List<Term> terms = new ArrayList<>();
  private final Map<String, String> meta = new HashMap<>();
  private final List<String> commentIds = new ArrayList<>();

  private WxrItem(String file, int line) {
    this.file = file;
    this.line = line;
  }

  /** Reads the {@code <item>} the cursor stands on, leaving the cursor at its end. */
  static WxrItem read(String file, WxrCursor in) throws XMLStreamException {
    WxrItem item = new WxrItem(file, in.line());
    while (in.nextChild()) {
      switch (in.ns()) {
        case RSS -> item.rssElement(in);
        case WP -> item.wpElement(in);
        case DC -> item.creator(in);
        case CONTENT -> item.html = in.is(Ns.CONTENT, "encoded") ? in.text() : skipped(in);
        case EXCERPT -> item.excerpt = in.is(Ns.EXCERPT, "encoded") ? in.value() : skipped(in);
        default -> in.skip();
      }
    }
    return item;
  }

  private void rssElement(WxrCursor in) throws XMLStreamException {
    switch (in.name()) {
      case "title" -> title = in.value();
      case "link" -> link = in.value();
      case "guid" -> guid = in.value();
      case "category" -> category(in);
      default -> in.skip();
    }
  }

  private void wpElement(WxrCursor in) throws XMLStreamException {
    switch (in.name()) {
      case "post_id" -> id = in.value();
      case "post_type" -> type = in.value();
      case "status" -> status = in.value();
      case "post_name" -> slug = WxrText.decodeSlug(in.value());
      case "post_password" -> password = in.value();
      case "is_sticky" -> sticky = in.value();
      case "post_parent" -> parent = in.value();
      case "attachment_url" -> attachmentUrl = in.value();
      case "post_date" -> date = stamp(in);
      case "post_date_gmt" -> dateGmt = stamp(in);
      case "post_modified" -> modified = stamp(in);
      case "post_modified_gmt" -> modifiedGmt = stamp(in);
      case "postmeta" -> postmeta(in);
      case "comment" -> comment(in);
      default -> in.skip();
    }
  }

  /** WordPress writes one {@code dc:creator}, the author's login; should an exporter write more, all count. */
  private void creator(WxrCursor in) throws XMLStreamException {
    String login = in.is(Ns.DC, "creator") ? in.value() : skipped(in);
    if (!login.isEmpty()) {
      creators.add(login);
    }
  }

  private static String skipped(WxrCursor in) throws XMLStreamException {
    in.skip();
    return "";
  }

  /** WXR 1.0 also writes each term bare ({@code <category>Name</category>}); only the full form names a slug. */
  private void category(WxrCursor in) throws XMLStreamException {
    String domain = in.attribute("domain").strip();
    String nicename = in.attribute("nicename");
    String name = in.value();
    if (!domain.isEmpty() && !nicename.isBlank()) {
      terms.add(new Term(WxrText.taxonomy(domain), WxrText.decodeSlug(nicename), name));
    }
  }

  private WxrStamp stamp(WxrCursor in) throws XMLStreamException {
    String element = in.qualifiedName();
    int at = in.line();
    return new WxrStamp(file, at, element, in.value());
  }

  private void postmeta(WxrCursor in) throws XMLStreamException {
    String key = "";
    String value = "";
    while (in.nextChild()) {
      if (in.is(Ns.WP, "meta_key")) {
        key = in.value();
      } else if (in.is(Ns.WP, "meta_value")) {
        value = in.value();
      } else {
        in.skip();
      }
    }
    if (META_KEYS.contains(key)) {
      meta.putIfAbsent(key, value);
    }
  }

  private void comment(WxrCursor in) throws XMLStreamException {
    String commentId = "";
    while (in.nextChild()) {
      if (in.is(Ns.WP, "comment_id")) {
        commentId = in.value();
      } else {
        in.skip();
      }
    }
    commentIds.add(commentId);
  }

  /**
   * Tells the visitor what the item is: a post or page (after handing each term it names to
   * {@code terms}, which tells those the visitor has not heard), an attachment, or a skip; then a skip
   * per comment.
   */
  void tell(SourceVisitor visitor, Consumer<SourceTerm> terms) {
    if (id.isEmpty()) {
      throw ImportException.at(file, line, "the <item> has no wp:post_id");
    }
    switch (type) {
      case "post", "page" -> {
        if ("trash".equals(status)) {
          visitor.skipped(type, id, "it is in the WordPress trash");
        } else {
          this.terms.forEach(t -> terms.accept(new SourceTerm(t.taxonomy(), t.slug(), t.name(), "", "", false)));
          visitor.item(WxrPost.of(this));
        }
      }
      case "attachment" -> visitor.attachment(new SourceAttachment(id,
          attachmentUrl.isEmpty() ? guid : attachmentUrl, "0".equals(parent) ? "" : parent, title, line));
      default -> visitor.skipped(type, id, "a WordPress " + type + " is not content");
    }
    commentIds.forEach(comment -> visitor.skipped("comment", comment, "comments are not imported"));
  }

  // What WxrPost reads to make a SourceItem.

  String id() {
    return id;
  }

  int line() {
    return line;
  }

  boolean page() {
    return "page".equals(type);
  }

  String title() {
    return title;
  }

  String slug() {
    return slug;
  }

  String wordpressStatus() {
    return status;
  }

  boolean hasPassword() {
    return !password.isEmpty();
  }

  boolean sticky() {
    return "1".equals(sticky);
  }

  String link() {
    return link;
  }

  String html() {
    return html;
  }

  String excerpt() {
    return excerpt;
  }

  List<String> creators() {
    return creators;
  }

  List<Term> terms() {
    return terms;
  }

  /** The post meta's value, {@code ""} when absent; only {@link #META_KEYS} are kept. */
  String meta(String key) {
    return meta.getOrDefault(key, "").strip();
  }

  /**
   * When the item was (or is due to be) published: its GMT date, or, where WordPress left that
   * zero (items imported into WordPress from elsewhere), its local date taken as UTC, except for a draft,
   * whose zero GMT date means it never had one.
   */
  Instant publishedAt(boolean draft) {
    return WxrStamp.instant(dateGmt, date, draft);
  }

  /** When the item was last changed, read as {@link #publishedAt} is. */
  Instant modifiedAt(boolean draft) {
    return WxrStamp.instant(modifiedGmt, modified, draft);
  }
}
