package org.thinkpress.imports;

import static java.util.Objects.requireNonNull;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.regex.Pattern;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * Turns an imported body (WordPress's content with blocks and shortcodes, Ghost's rendered HTML
 * with its cards, Substack's post HTML) into ThinkPress Markdown, and lists the URLs it uses so
 * that the importer can bring the files in first.
 *
 * <p>Both steps read the body the same way: the platform's own markup is turned into plain HTML
 * ({@link WordPressBlocks}, {@link Shortcodes}, {@link GhostCards}, {@link SubstackParts}), frames
 * and players become links ({@link MediaElements}), then {@link #references} lists the URLs and
 * {@link #toMarkdown} asks {@link BodyLinks} what each becomes and writes Markdown
 * ({@link HtmlToMarkdown}). What the sanitizer would drop never reaches the Markdown, and whatever
 * a conversion loses or changes is told to a {@code notes} listener, in words an editor can act on.
 */
final class BodyConverter {

  private static final Pattern COMMENT = Pattern.compile("<!--.*?-->", Pattern.DOTALL);

  /** One URL a body uses: {@code embedded} when the body shows or plays it, rather than links to it. */
  record Reference(String url, boolean embedded) {}

  private final BodyUrls urls;

  /** @param baseUrl the old site's address, against which relative URLs are made absolute; {@code ""} when unknown */
  BodyConverter(String baseUrl) {
    this.urls = new BodyUrls(requireNonNull(baseUrl, "baseUrl"));
  }

  /**
   * Every URL the body uses, absolute, in order, each once: images, players' and embedded files'
   * sources (a {@code srcset}'s largest candidate, gallery images through {@code attachmentUrl})
   * as embedded, and links. In-page anchors and {@code javascript:} or {@code data:} URLs are not listed.
   */
  List<Reference> references(String html, Flavour flavour, Function<String, Optional<String>> attachmentUrl) {
    Element body = prepare(html, flavour, attachmentUrl, note -> {});
    Set<Reference> references = new LinkedHashSet<>();
    for (BodyUrls.Use use : urls.uses(body)) {
      references.add(new Reference(use.url(), use.embedded()));
    }
    return List.copyOf(references);
  }

  /**
   * The body as Markdown, ending in a newline ({@code ""} for an empty body).
   *
   * @param links what each URL becomes; a file it calls missing becomes a visible placeholder
   * @param attachmentUrl an attachment's URL by its id, for {@code [gallery ids="..."]}
   * @param notes hears each thing lost or changed, one sentence at a time
   */
  String toMarkdown(String html, Flavour flavour, BodyLinks links, Function<String, Optional<String>> attachmentUrl,
      Consumer<String> notes) {
    requireNonNull(links, "links");
    requireNonNull(notes, "notes");
    Element body = prepare(html, flavour, attachmentUrl, notes);
    urls.rewrite(body, links, notes);
    return HtmlToMarkdown.convert(body);
  }

  /** {@code html} without its comments (block markers, {@code <!--more-->}, Ghost's card markers). */
  static String withoutComments(String html) {
    return COMMENT.matcher(html).replaceAll("");
  }

  private Element prepare(String html, Flavour flavour, Function<String, Optional<String>> attachmentUrl,
      Consumer<String> notes) {
    requireNonNull(flavour, "flavour");
    requireNonNull(attachmentUrl, "attachmentUrl");
    String text = html == null ? "" : html.replace("\r\n", "\n");
    boolean classic = flavour == Flavour.WORDPRESS && !WordPressBlocks.hasBlocks(text);
    text = switch (flavour) {
      case WORDPRESS -> WordPressBlocks.beforeParsing(text, classic, attachmentUrl, notes);
      case GHOST -> GhostCards.beforeParsing(text, notes);
      case SUBSTACK -> withoutComments(text);
    };
    Document document = Jsoup.parseBodyFragment(text);
    document.outputSettings().prettyPrint(false);
    Element body = document.body();
    switch (flavour) {
      case WORDPRESS -> WordPressBlocks.afterParsing(body, classic, notes);
      case GHOST -> GhostCards.afterParsing(body, notes);
      case SUBSTACK -> SubstackParts.afterParsing(body, notes);
    }
    MediaElements.clean(body, notes);
    return body;
  }
}
