package org.thinkpress.content;

import java.util.regex.Pattern;
import org.owasp.html.HtmlPolicyBuilder;
import org.owasp.html.PolicyFactory;

/**
 * The allow-list every piece of user-written or imported HTML passes before it reaches a page.
 *
 * <p>What is allowed is what long-form analysis needs: text formatting, headings, lists, quotes,
 * code, tables, links and images. No script, no style, no event-handler attribute, no frame or
 * form survives, and links and images keep only {@code http}, {@code https} and {@code mailto}
 * URLs or site-relative ones: a {@code javascript:} or {@code data:} URL is dropped with its
 * attribute. An {@code h1} becomes an {@code h2}: the title is a page's only {@code h1}.
 */
public final class HtmlSanitizer {

  private static final Pattern HEADING_ID = Pattern.compile("[\\p{L}\\p{N}_-]{1,100}");
  private static final Pattern CLASS_NAMES = Pattern.compile("(?:language-[a-z0-9+#-]{1,30}|align-(?:left|center|right))");
  private static final Pattern SMALL_NUMBER = Pattern.compile("[0-9]{1,4}");
  private static final Pattern IMAGE_HINT = Pattern.compile("lazy|eager|async|auto|sync");

  private static final PolicyFactory POLICY = new HtmlPolicyBuilder()
      .allowElements("p", "br", "hr", "h2", "h3", "h4", "h5", "h6", "strong", "em", "b", "i", "u", "s", "del", "ins",
          "sub", "sup", "small", "mark", "abbr", "cite", "q", "code", "pre", "kbd", "samp", "var", "blockquote",
          "ul", "ol", "li", "dl", "dt", "dd", "a", "img", "figure", "figcaption",
          "table", "caption", "thead", "tbody", "tfoot", "tr", "th", "td")
      .allowElements((name, attributes) -> "h2", "h1")
      .allowAttributes("id").matching(HEADING_ID).onElements("h2", "h3", "h4", "h5", "h6")
      .allowAttributes("title").globally()
      .allowAttributes("lang").matching(Pattern.compile("[A-Za-z]{2,8}(?:-[A-Za-z0-9]{1,8}){0,3}")).globally()
      .allowAttributes("class").matching(CLASS_NAMES).onElements("code", "th", "td")
      .allowAttributes("href").onElements("a")
      .allowAttributes("src", "alt").onElements("img")
      .allowAttributes("width", "height").matching(SMALL_NUMBER).onElements("img")
      .allowAttributes("loading", "decoding").matching(IMAGE_HINT).onElements("img")
      .allowAttributes("start").matching(SMALL_NUMBER).onElements("ol")
      .allowAttributes("colspan", "rowspan").matching(SMALL_NUMBER).onElements("th", "td")
      .allowAttributes("scope").matching(Pattern.compile("row|col|rowgroup|colgroup")).onElements("th")
      .allowUrlProtocols("http", "https", "mailto")
      .requireRelsOnLinks("noopener")
      .toFactory();

  private HtmlSanitizer() {}

  /** The allow-listed part of {@code html}; everything else is removed, text is kept escaped. */
  public static String sanitize(String html) {
    return POLICY.sanitize(html);
  }
}
