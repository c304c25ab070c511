package org.thinkpress.imports;

import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jsoup.nodes.Element;

/**
 * A WordPress body made plain: block comments go ({@code <!-- wp:name {...} -->}, their closing
 * and self-closing forms, {@code <!--more-->}, {@code <!--nextpage-->}), block wrappers are
 * unwrapped keeping their content, embeds become links, shortcodes are expanded
 * ({@link Shortcodes}), and classic-editor text, which has no block markup, gets its paragraphs
 * from blank lines ({@link WordPressAutop}).
 *
 * <p>A self-closing block other than {@code more} and {@code nextpage} is one WordPress renders
 * when a page is served (latest posts, a reusable block, a form): the export holds nothing of it,
 * so a note names it.
 */
final class WordPressBlocks {

  private static final Pattern SELF_CLOSING = Pattern.compile("<!--\\s*wp:([a-z][a-z0-9_-]*(?:/[a-z0-9_-]+)?)[^>]*?/-->");
  private static final Set<String> NOTHING_LOST = Set.of("more", "nextpage", "spacer", "separator");
  private static final Pattern BARE_URL = Pattern.compile("(?m)^[ \t]*(https?://[^\\s<>\"]+)[ \t]*$");
  private static final Pattern URL_TEXT = Pattern.compile("https?://\\S+");

  private WordPressBlocks() {}

  /** Whether the body was written in the block editor; if not, it is classic text that needs paragraphs. */
  static boolean hasBlocks(String html) {
    return html.contains("<!-- wp:");
  }

  /** The text work done before parsing: notes on dynamic blocks, comments out, oEmbed lines, shortcodes. */
  static String beforeParsing(String html, boolean classic, Function<String, Optional<String>> attachmentUrl,
      Consumer<String> notes) {
    Matcher dynamic = SELF_CLOSING.matcher(html);
    while (dynamic.find()) {
      String name = dynamic.group(1).replaceFirst("^core/", "");
      if (!NOTHING_LOST.contains(name)) {
        notes.accept("unsupported block wp:" + name + " removed");
      }
    }
    String text = BodyConverter.withoutComments(html);
    if (classic) {
      // WordPress embeds a URL that stands alone on its line; ThinkPress links to it
      text = BARE_URL.matcher(text).replaceAll(m -> Matcher.quoteReplacement(
          "<p>" + MediaElements.link(m.group(1)).outerHtml() + "</p>"));
    }
    return Shortcodes.expand(text, attachmentUrl, notes);
  }

  /** The work done on the parsed body. */
  static void afterParsing(Element body, boolean classic, Consumer<String> notes) {
    if (classic) {
      WordPressAutop.apply(body);
    }
    for (Element embed : body.select("figure.wp-block-embed, div.wp-block-embed")) {
      embed(embed, notes);
    }
    for (Element verse : body.select("pre.wp-block-verse")) {
      verse.tagName("p");
      WordPressAutop.breakLines(verse);
    }
    body.select(".wp-block-file__button, object.wp-block-file__embed").remove();
    for (Element file : body.select(".wp-block-file a[href]")) {
      file.attr(BodyUrls.FILE, "");
    }
    for (Element button : body.select("div.wp-block-button")) {
      button.tagName("p");
    }
    body.select("ul.blocks-gallery-grid, li.blocks-gallery-item").unwrap();
    body.select("div[class*=wp-block-]").unwrap();
  }

  private static void embed(Element embed, Consumer<String> notes) {
    String url = "";
    Element wrapper = embed.selectFirst(".wp-block-embed__wrapper");
    String text = wrapper == null ? "" : wrapper.ownText().strip();
    if (URL_TEXT.matcher(text).matches()) {
      url = text;
    } else if (embed.selectFirst("iframe[src]") != null) {
      url = MediaElements.pageOf(embed.selectFirst("iframe[src]").attr("src"));
    } else if (embed.selectFirst("a[href]") != null) {
      url = embed.select("a[href]").last().attr("href");
    }
    if (url.isEmpty()) {
      notes.accept("an embed without an address was removed");
    } else {
      notes.accept("an embed became a link: " + url);
      embed.before(MediaElements.paragraph(MediaElements.link(url)));
    }
    MediaElements.captionBefore(embed);
    embed.remove();
  }
}
