package org.thinkpress.imports;

import static java.util.Objects.requireNonNull;

import java.io.BufferedInputStream;
import java.io.CharConversionException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.XMLConstants;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * Reads a WordPress export (WXR 1.0, 1.1 or 1.2, as WordPress, WordPress.com and WP-CLI write it),
 * streaming it with StAX: nothing of an item is kept once the visitor has heard it, so a file of any
 * size reads in the memory of its largest item.
 *
 * <p>What the visitor hears, in the file's order:
 * <ul>
 *   <li>the site, once, when the channel's header ends: {@code base_blog_url} (else {@code base_site_url},
 *       else the channel's link) without its trailing slash, the title, the language as BCP 47;</li>
 *   <li>each {@code wp:author} (its login is its id; WXR has no biography, portrait or links);</li>
 *   <li>each {@code wp:category}, {@code wp:tag} and {@code wp:term} ({@code post_tag} becomes
 *       {@link SourceTerm#TAG}), slugs percent-decoded; a term an item names that the channel did not
 *       list (WordPress.com sometimes leaves the list out) is told once, just before the first item
 *       naming it;</li>
 *   <li>each post and page as a {@link SourceItem} (see {@link WxrPost} for statuses and
 *       {@link WxrItem} for languages, {@link WxrStamp} for dates), each attachment as a {@link SourceAttachment};</li>
 *   <li>a skip for anything else: menu items, revisions, reusable blocks, custom post types, trashed
 *       posts, and each comment.</li>
 * </ul>
 *
 * <p>A file with a DOCTYPE is refused (as WordPress's importer refuses it), and the parser neither
 * reads DTDs nor resolves external entities, so no export can make it read another file or the
 * network. A file without {@code wp:wxr_version}, a file that is no RSS, and malformed XML are refused
 * with an {@link ImportException} naming the file and line.
 */
final class WxrReader implements SourceReader {

  /** The JDK's own parser messages for namespace faults are message keys; these say them in words. */
  private static final Pattern ELEMENT_PREFIX = Pattern.compile(".*#ElementPrefixUnbound\\?([^&]*)&(.*)");
  private static final Pattern ATTRIBUTE_PREFIX =
      Pattern.compile(".*#AttributePrefixUnbound\\?([^&]*)&([^&]*)&(.*)");

  @Override
  public void read(Path file, SourceVisitor visitor) {
    requireNonNull(file, "file");
    requireNonNull(visitor, "visitor");
    String name = file.getFileName().toString();
    try (InputStream bytes = new BufferedInputStream(Files.newInputStream(file), 1 << 16)) {
      read(name, factory().createXMLStreamReader(bytes), visitor);
    } catch (NoSuchFileException e) {
      throw ImportException.at(name, 0, "there is no such file");
    } catch (IOException e) {
      throw new ImportException(name + ": the file cannot be read: " + e.getMessage(), e);
    } catch (XMLStreamException e) {
      throw malformed(name, e, null);
    }
  }

  private static void read(String name, XMLStreamReader xml, SourceVisitor visitor) {
    try {
      new WxrChannel(name, new WxrCursor(xml), visitor).read();
    } catch (XMLStreamException e) {
      throw malformed(name, e, xml);
    } finally {
      try {
        xml.close();
      } catch (XMLStreamException e) {
        // Closing frees the parser, not the file (the caller's stream closes that): nothing to report.
      }
    }
  }

  /**
   * A parser for one reading. The JDK's own, not whichever StAX implementation the class path offers,
   * so that its safety settings and its messages are the ones this class knows.
   */
  private static XMLInputFactory factory() {
    XMLInputFactory factory = XMLInputFactory.newDefaultFactory();
    factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
    factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
    factory.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
    // WordPress splits a body's "]]>" across two CDATA sections; coalescing joins them back.
    factory.setProperty(XMLInputFactory.IS_COALESCING, true);
    factory.setProperty(XMLInputFactory.IS_NAMESPACE_AWARE, true);
    return factory;
  }

  private static ImportException malformed(String file, XMLStreamException e, XMLStreamReader xml) {
    // A byte that is not UTF-8 reaches here as an IOException too, but it is the file's fault, at a line.
    if (e.getNestedException() instanceof IOException io && !(io instanceof CharConversionException)) {
      return new ImportException(file + ": the file cannot be read: " + io.getMessage(), e);
    }
    int line = e.getLocation() != null ? e.getLocation().getLineNumber()
        : xml != null ? xml.getLocation().getLineNumber() : 0;
    return ImportException.at(file, Math.max(line, 0), "the XML is malformed: " + inWords(e.getMessage()));
  }

  /** The parser's message without its "ParseError at [row,col]" preamble, which the line already says. */
  static String inWords(String message) {
    String text = message == null ? "" : message;
    int at = text.indexOf("Message: ");
    text = at >= 0 ? text.substring(at + "Message: ".length()) : text;
    Matcher element = ELEMENT_PREFIX.matcher(text);
    if (element.matches()) {
      return "the prefix \"" + element.group(1) + "\" of <" + element.group(2)
          + "> is not declared (the <rss> lacks its xmlns:" + element.group(1) + ")";
    }
    Matcher attribute = ATTRIBUTE_PREFIX.matcher(text);
    if (attribute.matches()) {
      return "the prefix \"" + attribute.group(3) + "\" of the attribute " + attribute.group(2) + " of <"
          + attribute.group(1) + "> is not declared (the <rss> lacks its xmlns:" + attribute.group(3) + ")";
    }
    return text.strip();
  }
}
