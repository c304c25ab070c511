package org.thinkpress.kit;

import com.rometools.rome.feed.synd.SyndContent;
import com.rometools.rome.feed.synd.SyndContentImpl;
import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.io.FeedException;
import com.rometools.rome.io.SyndFeedOutput;
import org.jdom2.output.Format;
import org.jdom2.output.LineSeparator;
import org.jdom2.output.XMLOutputter;

/**
 * Plain text for the feed elements that readers render as HTML. RSS 2.0 says a
 * {@code <description>} is HTML, and most readers treat titles the same way (some even Atom's
 * {@code type="text"} ones); so every title, summary and description a feed carries is written as
 * HTML whose text is the original, and Atom labels it {@code type="html"}. Decoded and rendered,
 * a standfirst of {@code <img src=x onerror=alert(1)>} shows those characters and runs nothing.
 *
 * <p>Only what an HTML parser would read as markup is escaped: every {@code <}, and every
 * {@code &} that could begin a character reference (followed by a letter, a digit or {@code #}).
 * A reader that shows a title as plain text, as the RSS spec reads, then sees the same title
 * unless it holds one of those ("Energy & Security" is written as it is).
 */
public final class FeedText {

  private FeedText() {}

  /**
   * The HTML whose text is {@code text}. Characters an XML 1.0 document cannot carry (control
   * characters other than tab and line feed, unpaired surrogates, U+FFFE and U+FFFF) are left
   * out, and a carriage return becomes a line feed, as an HTML parser would make it.
   */
  public static String html(String text) {
    if (text == null) {
      return "";
    }
    StringBuilder html = new StringBuilder(text.length() + 16);
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '<') {
        html.append("&lt;");
      } else if (c == '&') {
        html.append(startsReference(text, i + 1) ? "&amp;" : "&");
      } else if (c == '\r') {
        if (i + 1 >= text.length() || text.charAt(i + 1) != '\n') {
          html.append('\n');
        }
      } else if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
        html.append(c).append(text.charAt(++i));
      } else if (isXmlChar(c)) {
        html.append(c);
      }
    }
    return html.toString();
  }

  /** {@link #html} as the content of a feed element, typed {@code html} (Atom writes {@code type="html"}). */
  public static SyndContent content(String text) {
    SyndContent content = new SyndContentImpl();
    content.setType("html");
    content.setValue(html(text));
    return content;
  }

  /**
   * The feed as an XML document, every text as it was given. (Rome's own string output trims and
   * collapses whitespace in every text: a standfirst's line breaks, and a code block's, were lost.)
   */
  public static String write(SyndFeed feed) throws FeedException {
    Format raw = Format.getRawFormat().setEncoding("UTF-8").setLineSeparator(LineSeparator.UNIX);
    return new XMLOutputter(raw).outputString(new SyndFeedOutput().outputJDom(feed));
  }

  private static boolean startsReference(String text, int next) {
    if (next >= text.length()) {
      return false;
    }
    char c = text.charAt(next);
    return c == '#' || (c < 128 && Character.isLetterOrDigit(c));
  }

  /** A character XML 1.0 allows on its own (surrogates come only in pairs, handled by the caller). */
  private static boolean isXmlChar(char c) {
    return c == '\t' || c == '\n' || (c >= 0x20 && c <= 0xD7FF) || (c >= 0xE000 && c <= 0xFFFD);
  }
}
