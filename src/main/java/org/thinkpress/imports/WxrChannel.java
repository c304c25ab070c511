package org.thinkpress.imports;

import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import org.thinkpress.imports.WxrCursor.Ns;

/**
 * One reading of one WXR file: the {@code <rss>} and its {@code <channel>}, told to a visitor as it
 * goes. The site is told when the channel's header ends (at its first author, term or item), which is
 * also where a WXR file must have said its version. What it keeps across items is one key per term
 * told, so that a term an item names is told once however many items name it.
 */
final class WxrChannel {

  /** 1.0 to 1.2 are known; a later 1.x is read as 1.2, as WordPress's importer reads any version it is given. */
  private static final Pattern VERSION = Pattern.compile("1\\.\\d+");

  private final String file;
  private final WxrCursor in;
  private final SourceVisitor visitor;
  private final Set<String> termsTold = new HashSet<>();
  private int channelLine;
  private String title = "";
  private String link = "";
  private String language = "";
  private String siteUrl = "";
  private String blogUrl = "";
  private String version;
  private int versionLine;
  private boolean siteTold;

  WxrChannel(String file, WxrCursor in, SourceVisitor visitor) {
    this.file = file;
    this.in = in;
    this.visitor = visitor;
  }

  /** Reads the file from its start to its end. */
  void read() throws XMLStreamException {
    root();
    boolean channel = false;
    while (in.nextChild()) {
      if (!channel && in.is(Ns.RSS, "channel")) {
        channel = true;
        channel();
      } else {
        in.skip();
      }
    }
    if (!channel) {
      throw ImportException.at(file, in.line(), "the <rss> has no <channel>, so this is not a WordPress export (WXR)");
    }
    while (in.xml().hasNext()) {
      in.xml().next(); // only blanks and comments may follow </rss>: anything else is refused as malformed
    }
  }

  /** Steps to the root element, refusing a DOCTYPE before it: WordPress's importer refuses one too. */
  private void root() throws XMLStreamException {
    while (true) {
      int event = in.xml().next();
      if (event == XMLStreamConstants.DTD) {
        int start = in.line() - (int) in.xml().getText().chars().filter(c -> c == '\n').count();
        throw ImportException.at(file, start, "the file has a DOCTYPE, which no WordPress export has;"
            + " it is refused, as WordPress refuses it, because a DOCTYPE can make a reader expand or fetch entities");
      }
      if (event == XMLStreamConstants.START_ELEMENT) {
        break;
      }
    }
    if (!in.is(Ns.RSS, "rss")) {
      throw ImportException.at(file, in.line(), "this is not a WordPress export (WXR): it begins with <"
          + in.qualifiedName() + ">, where a WXR file begins with <rss>");
    }
  }

  private void channel() throws XMLStreamException {
    channelLine = in.line();
    while (in.nextChild()) {
      switch (in.ns()) {
        case RSS -> rssElement();
        case WP -> wpElement();
        default -> in.skip();
      }
    }
    site();
  }

  private void rssElement() throws XMLStreamException {
    switch (in.name()) {
      case "title" -> title = in.value();
      case "link" -> link = in.value();
      case "language" -> language = in.value();
      case "item" -> {
        site();
        WxrItem.read(file, in).tell(visitor, this::term);
      }
      default -> in.skip();
    }
  }

  private void wpElement() throws XMLStreamException {
    switch (in.name()) {
      case "wxr_version" -> {
        versionLine = in.line();
        version = in.value();
      }
      case "base_site_url" -> siteUrl = in.value();
      case "base_blog_url" -> blogUrl = in.value();
      case "author" -> {
        site();
        author();
      }
      case "category" -> {
        site();
        term(SourceTerm.CATEGORY, "category_nicename", "category_parent", "cat_name", "category_description");
      }
      case "tag" -> {
        site();
        term(SourceTerm.TAG, "tag_slug", "", "tag_name", "tag_description");
      }
      case "term" -> {
        site();
        term(null, "term_slug", "term_parent", "term_name", "term_description");
      }
      default -> in.skip();
    }
  }

  /**
   * Tells the site, once. Its address is the blog URL (WordPress's home, what readers saw): on a
   * multisite network {@code base_site_url} is the network's address, not this site's.
   */
  private void site() {
    if (siteTold) {
      return;
    }
    if (version == null) {
      throw ImportException.at(file, channelLine, "the channel has no wp:wxr_version before its first author,"
          + " term or item, so this is not a WordPress export (WXR)");
    }
    if (!VERSION.matcher(version).matches()) {
      throw ImportException.at(file, versionLine, "wp:wxr_version \"" + version
          + "\" is not a version ThinkPress reads (WXR 1.0, 1.1, 1.2)");
    }
    String address = !blogUrl.isEmpty() ? blogUrl : !siteUrl.isEmpty() ? siteUrl : link;
    visitor.site(new SourceSite("wordpress", WxrText.withoutTrailingSlash(address), title,
        WxrText.languageTag(language)));
    siteTold = true;
  }

  private void author() throws XMLStreamException {
    String id = "";
    String login = "";
    String email = "";
    String display = "";
    String first = "";
    String last = "";
    while (in.nextChild()) {
      if (in.ns() != Ns.WP) {
        in.skip();
        continue;
      }
      switch (in.name()) {
        case "author_id" -> id = in.value();
        case "author_login" -> login = in.value();
        case "author_email" -> email = in.value();
        case "author_display_name" -> display = in.value();
        case "author_first_name" -> first = in.value();
        case "author_last_name" -> last = in.value();
        default -> in.skip();
      }
    }
    if (login.isEmpty()) {
      visitor.skipped("author", id, "it has no author_login, by which items name their authors");
      return;
    }
    String name = !display.isEmpty() ? display : (first + " " + last).strip();
    visitor.author(new SourceAuthor(login, login, email, name.isEmpty() ? login : name, WxrText.nicename(login),
        "", "", Map.of()));
  }

  /**
   * Reads a {@code wp:category}, {@code wp:tag} or {@code wp:term}; {@code taxonomy} is {@code null} for a
   * {@code wp:term}, which names its own, and {@code parentElement} is {@code ""} for tags, which have none.
   */
  private void term(String taxonomy, String slugElement, String parentElement, String nameElement,
                    String descriptionElement) throws XMLStreamException {
    String id = "";
    String ofTaxonomy = taxonomy;
    String slug = "";
    String parent = "";
    String name = "";
    String description = "";
    while (in.nextChild()) {
      String element = in.ns() == Ns.WP ? in.name() : "";
      if (element.equals("term_id")) {
        id = in.value();
      } else if (element.equals("term_taxonomy") && taxonomy == null) {
        ofTaxonomy = WxrText.taxonomy(in.value());
      } else if (element.equals(slugElement)) {
        slug = WxrText.decodeSlug(in.value());
      } else if (!parentElement.isEmpty() && element.equals(parentElement)) {
        parent = WxrText.decodeSlug(in.value());
      } else if (element.equals(nameElement)) {
        name = in.value();
      } else if (element.equals(descriptionElement)) {
        description = in.value();
      } else {
        in.skip();
      }
    }
    if (slug.isEmpty() || ofTaxonomy == null || ofTaxonomy.isEmpty()) {
      visitor.skipped("term", id, "it has no slug or no taxonomy");
      return;
    }
    term(new SourceTerm(ofTaxonomy, slug, name.isEmpty() ? slug : name, parent, description, false));
  }

  private void term(SourceTerm term) {
    if (termsTold.add(term.taxonomy() + '\n' + term.slug())) {
      visitor.term(term);
    }
  }
}
