package org.thinkpress.imports;

import java.util.HashMap;
import java.util.Map;
import java.util.regex.Pattern;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * A walk over a WXR file's elements, one level at a time: {@link #nextChild()} steps to the next child of
 * the element the cursor is in, and each child is then read whole ({@link #text()}) or passed over
 * ({@link #skip()}), so that the caller never sees events it did not ask for.
 *
 * <p>Elements are told apart by their namespace's meaning ({@link Ns}), not by prefix or exact URI:
 * WXR 1.0, 1.1 and 1.2 each name the {@code wp} namespace after their version, and WordPress.com writes
 * {@code https://} where WordPress writes {@code http://}.
 */
final class WxrCursor {

  /** What a namespace is to a WXR reader. */
  enum Ns {
    /** No namespace: RSS's own elements ({@code channel}, {@code item}, {@code title}...). */
    RSS,
    /**
     * WordPress's {@code wp:} elements, http or https, of any version: a version it cannot read is then
     * refused by its {@code wp:wxr_version}, in words, rather than as a file without one.
     */
    WP,
    /** WordPress's {@code excerpt:encoded}. */
    EXCERPT,
    /** {@code content:encoded}, the body. */
    CONTENT,
    /** Dublin Core's {@code dc:creator}, the author's login. */
    DC,
    /** Anything else (wfw, atom, a plugin's): passed over. */
    OTHER;

    private static final Pattern WP_URI = Pattern.compile(".*wordpress\\.org/export/\\d+\\.\\d+/?");
    private static final Pattern EXCERPT_URI = Pattern.compile(".*wordpress\\.org/export/\\d+\\.\\d+/excerpt/?");
    private static final Pattern CONTENT_URI = Pattern.compile("https?://purl\\.org/rss/1\\.0/modules/content/?");
    private static final Pattern DC_URI = Pattern.compile("https?://purl\\.org/dc/elements/1\\.1/?");

    static Ns of(String uri) {
      if (uri == null || uri.isEmpty()) {
        return RSS;
      }
      if (WP_URI.matcher(uri).matches()) {
        return WP;
      }
      if (EXCERPT_URI.matcher(uri).matches()) {
        return EXCERPT;
      }
      if (CONTENT_URI.matcher(uri).matches()) {
        return CONTENT;
      }
      return DC_URI.matcher(uri).matches() ? DC : OTHER;
    }
  }

  private final XMLStreamReader xml;
  /** A file uses a handful of namespaces; matching each element's URI against patterns would be waste. */
  private final Map<String, Ns> namespaces = new HashMap<>();

  WxrCursor(XMLStreamReader xml) {
    this.xml = xml;
  }

  XMLStreamReader xml() {
    return xml;
  }

  /** The line the parser stands at: for a start element, the line of its tag. */
  int line() {
    return xml.getLocation().getLineNumber();
  }

  /**
   * Steps to the next child element of the element the cursor is in; {@code false} when that element
   * ends instead (the cursor then stands at its end).
   */
  boolean nextChild() throws XMLStreamException {
    while (true) {
      int event = xml.next();
      if (event == XMLStreamConstants.START_ELEMENT) {
        return true;
      }
      if (event == XMLStreamConstants.END_ELEMENT || event == XMLStreamConstants.END_DOCUMENT) {
        return false;
      }
    }
  }

  Ns ns() {
    String uri = xml.getNamespaceURI();
    return uri == null ? Ns.RSS : namespaces.computeIfAbsent(uri, Ns::of);
  }

  String name() {
    return xml.getLocalName();
  }

  /** Whether the cursor stands on the start of the element {@code ns:name}. */
  boolean is(Ns ns, String name) {
    return ns() == ns && name().equals(name);
  }

  /** The element as written, with its prefix ({@code wp:post_id}), for messages. */
  String qualifiedName() {
    String prefix = xml.getPrefix();
    return prefix == null || prefix.isEmpty() ? name() : prefix + ":" + name();
  }

  /** The attribute's value, or {@code ""} when the element has none. */
  String attribute(String name) {
    String value = xml.getAttributeValue(null, name);
    return value == null ? "" : value;
  }

  /**
   * The text of the element the cursor stands on, exactly as written (CDATA sections joined, nested
   * elements' text included), leaving the cursor at its end.
   */
  String text() throws XMLStreamException {
    String first = null;
    StringBuilder more = null;
    int depth = 0;
    while (true) {
      switch (xml.next()) {
        case XMLStreamConstants.CHARACTERS, XMLStreamConstants.CDATA, XMLStreamConstants.SPACE -> {
          if (first == null) {
            first = xml.getText();
          } else {
            more = more == null ? new StringBuilder(first) : more;
            more.append(xml.getText());
          }
        }
        case XMLStreamConstants.START_ELEMENT -> depth++;
        case XMLStreamConstants.END_ELEMENT -> {
          if (depth-- == 0) {
            return more != null ? more.toString() : first == null ? "" : first;
          }
        }
        default -> { }
      }
    }
  }

  /** {@link #text()} without the blanks around it, for ids, slugs, dates and names. */
  String value() throws XMLStreamException {
    return text().strip();
  }

  /** Passes over the element the cursor stands on, leaving the cursor at its end. */
  void skip() throws XMLStreamException {
    int depth = 0;
    while (true) {
      int event = xml.next();
      if (event == XMLStreamConstants.START_ELEMENT) {
        depth++;
      } else if (event == XMLStreamConstants.END_ELEMENT && depth-- == 0) {
        return;
      }
    }
  }
}
