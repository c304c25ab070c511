package org.thinkpress.imports;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.TextNode;

/**
 * The URLs a cleaned body uses ({@code a href}, {@code img src}), made absolute against the old
 * site's address, and what {@link BodyLinks} says each becomes. In-page anchors ({@code #notes}) are
 * left alone; {@code javascript:} and {@code data:} URLs are dropped, as the sanitizer would drop them.
 */
final class BodyUrls {

  /** Marks a link to a file the body shows or plays (a video, a PDF card): the importer fetches it. */
  static final String FILE = "data-tp-file";

  /** One URL in the body: the element, its attribute, the absolute URL and whether it is embedded. */
  record Use(Element element, String attribute, String url, boolean embedded) {}

  private final String base;

  BodyUrls(String baseUrl) {
    String trimmed = baseUrl.strip();
    // URI.resolve against a bare host ("https://old.example") would glue the path onto the host
    this.base = trimmed.matches("[a-zA-Z][a-zA-Z0-9+.-]*://[^/]+") ? trimmed + "/" : trimmed;
  }

  /** Every URL in document order. */
  List<Use> uses(Element body) {
    List<Use> uses = new ArrayList<>();
    for (Element e : body.select("a[href], img[src]")) {
      boolean image = e.normalName().equals("img");
      String attribute = image ? "src" : "href";
      String raw = e.attr(attribute).strip();
      String scheme = raw.toLowerCase(Locale.ROOT).replaceAll("\\s", "");
      if (raw.isEmpty() || raw.startsWith("#") || scheme.startsWith("javascript:") || scheme.startsWith("data:")) {
        continue;
      }
      uses.add(new Use(e, attribute, absolute(raw), image || e.hasAttr(FILE)));
    }
    return uses;
  }

  /** Writes what {@code links} says for each URL; a file that was not brought over becomes a placeholder. */
  void rewrite(Element body, BodyLinks links, Consumer<String> notes) {
    dropUnsafe(body);
    for (Use use : uses(body)) {
      BodyLinks.Rewrite rewrite = links.rewrite(use.url(), use.embedded());
      switch (rewrite.kind()) {
        case KEEP -> use.element().attr(use.attribute(), use.url());
        case REPLACE -> use.element().attr(use.attribute(), rewrite.url());
        case MISSING -> missing(use, notes);
      }
      use.element().removeAttr(FILE);
    }
  }

  String absolute(String url) {
    String candidate = url.replace(" ", "%20");
    if (candidate.startsWith("//")) {
      String scheme = base.startsWith("http://") ? "http:" : "https:";
      return scheme + candidate;
    }
    try {
      URI uri = new URI(candidate);
      if (uri.isAbsolute() || base.isEmpty()) {
        return candidate;
      }
      return new URI(base).resolve(uri).toString();
    } catch (java.net.URISyntaxException | IllegalArgumentException e) {
      return base.isEmpty() || candidate.matches("[a-zA-Z][a-zA-Z0-9+.-]*:.*") ? candidate
          : base.replaceAll("(?<=[^/:])/.*$", "") + (candidate.startsWith("/") ? "" : "/") + candidate;
    }
  }

  /** The file's name as a reader knows it: the URL's last path segment, decoded. */
  static String fileName(String url) {
    String path = url.replaceFirst("[?#].*$", "");
    try {
      String decoded = new URI(path.replace(" ", "%20")).getPath();
      path = decoded == null ? path : decoded;
    } catch (java.net.URISyntaxException e) {
      // keep the raw path: a name that does not parse is still a name
    }
    String name = path.replaceFirst("/+$", "");
    name = name.substring(name.lastIndexOf('/') + 1);
    return name.isEmpty() ? "file" : name;
  }

  private static void dropUnsafe(Element body) {
    for (Element e : body.select("a[href], img[src]")) {
      String attribute = e.normalName().equals("img") ? "src" : "href";
      String scheme = e.attr(attribute).toLowerCase(Locale.ROOT).replaceAll("\\s", "");
      if (scheme.startsWith("javascript:") || scheme.startsWith("data:")) {
        if (attribute.equals("src")) {
          e.remove();
        } else {
          e.unwrap();
        }
      }
    }
  }

  private static void missing(Use use, Consumer<String> notes) {
    notes.accept("missing file " + use.url());
    Element e = use.element();
    String name = fileName(use.url());
    if (use.attribute().equals("src")) {
      e.replaceWith(placeholder("Image not brought over: " + name));
      return;
    }
    String text = e.text().strip();
    if (text.isEmpty() && e.selectFirst("img") != null) {
      e.unwrap();
    } else if (text.isEmpty() || text.equals(name)) {
      e.replaceWith(placeholder("File not brought over: " + name));
    } else {
      e.after(placeholder("File not brought over: " + name));
      e.after(new TextNode(" "));
      e.unwrap();
    }
  }

  private static Element placeholder(String text) {
    return new Element(MarkdownInline.PLACEHOLDER).text(text);
  }
}
