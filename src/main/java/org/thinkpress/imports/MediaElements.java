package org.thinkpress.imports;

import java.util.ArrayList;
import java.util.Set;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;

/**
 * What every flavour's body is cleaned of once its cards are read: scripts, styles and forms go;
 * frames become links to what they showed (the sanitizer allows no frame); players become links to
 * their file; an image keeps one source, the largest its {@code srcset} offers, or the real one a
 * lazy-loading plugin hid in {@code data-src}.
 */
final class MediaElements {

  private static final Pattern YOUTUBE = Pattern.compile("(?:https?:)?//(?:www\\.)?youtube(?:-nocookie)?\\.com/embed/([\\w-]+).*");
  private static final Pattern VIMEO = Pattern.compile("(?:https?:)?//player\\.vimeo\\.com/video/(\\d+).*");
  private static final Set<String> FLOW = Set.of("body", "div", "section", "article", "figure", "blockquote", "main",
      "aside", "header", "footer", "details", "center");
  private static final Pattern DESCRIPTOR = Pattern.compile("([0-9.]+)([wx])");

  private MediaElements() {}

  static void clean(Element body, Consumer<String> notes) {
    body.select("script, style, noscript, template, link, meta, svg, canvas, map, input, button, select, textarea")
        .remove();
    for (Element form : body.select("form")) {
      notes.accept("a form was removed");
      form.remove();
    }
    for (Element object : body.select("object, embed, applet")) {
      notes.accept("an embedded object was removed");
      object.remove();
    }
    for (Element picture : body.select("picture")) {
      picture.select("source").remove();
      picture.unwrap();
    }
    for (Element img : body.select("img")) {
      source(img, notes);
    }
    for (Element frame : body.select("iframe")) {
      frame(frame, notes);
    }
    for (Element player : body.select("video, audio")) {
      player(player, notes);
    }
  }

  /** Where an embedded frame's content lives for a reader: the video page rather than its player. */
  static String pageOf(String frameUrl) {
    Matcher youtube = YOUTUBE.matcher(frameUrl);
    if (youtube.matches()) {
      return "https://www.youtube.com/watch?v=" + youtube.group(1);
    }
    Matcher vimeo = VIMEO.matcher(frameUrl);
    if (vimeo.matches()) {
      return "https://vimeo.com/" + vimeo.group(1);
    }
    return frameUrl.startsWith("//") ? "https:" + frameUrl : frameUrl;
  }

  /** A link to {@code url} with the URL as its text. */
  static Element link(String url) {
    return new Element("a").attr("href", url).text(url);
  }

  /** A link to a file the body showed or played, named by the file (or {@code text}). */
  static Element fileLink(String url, String text) {
    return new Element("a").attr("href", url).attr(BodyUrls.FILE, "").text(text.isBlank() ? BodyUrls.fileName(url) : text);
  }

  static Element paragraph(Element content) {
    return new Element("p").appendChild(content);
  }

  /** A card's caption, moved into an italic paragraph before the card, if it has one with text. */
  static void captionBefore(Element card) {
    Element caption = card.selectFirst("figcaption");
    if (caption == null || caption.text().isBlank()) {
      return;
    }
    Element italic = new Element("em");
    for (Node child : new ArrayList<>(caption.childNodes())) {
      italic.appendChild(child);
    }
    card.before(paragraph(italic));
  }

  private static void source(Element img, Consumer<String> notes) {
    // a lazy-loading plugin keeps the real source aside and shows a placeholder until then
    String src = firstOf(img, "data-src", "data-lazy-src", "data-original", img.attr("src").strip());
    String largest = largest(img.hasAttr("srcset") ? img.attr("srcset") : img.attr("data-srcset"));
    String chosen = largest.isEmpty() ? src : largest;
    if (chosen.isEmpty() || chosen.startsWith("data:")) {
      if (chosen.startsWith("data:")) {
        notes.accept("an image written into the page (a data: URL) was dropped");
      }
      img.remove();
      return;
    }
    img.attr("src", chosen);
    for (String attribute : new String[] {"srcset", "sizes", "data-src", "data-srcset", "data-lazy-src", "data-original"}) {
      img.removeAttr(attribute);
    }
  }

  private static String firstOf(Element e, String a, String b, String c, String fallback) {
    for (String attribute : new String[] {a, b, c}) {
      if (!e.attr(attribute).isBlank()) {
        return e.attr(attribute).strip();
      }
    }
    return fallback;
  }

  /**
   * The largest candidate of a {@code srcset}: by width ({@code 1600w}), else by density ({@code 2x}).
   * Candidates are read as the HTML standard says (a URL is a run without spaces, so the commas
   * inside CDN URLs do not split it).
   */
  static String largest(String srcset) {
    String best = "";
    double bestWidth = -1;
    double bestDensity = -1;
    int i = 0;
    int n = srcset.length();
    while (i < n) {
      while (i < n && (Character.isWhitespace(srcset.charAt(i)) || srcset.charAt(i) == ',')) {
        i++;
      }
      int start = i;
      while (i < n && !Character.isWhitespace(srcset.charAt(i))) {
        i++;
      }
      String url = srcset.substring(start, i);
      String descriptor = "";
      if (url.endsWith(",")) {
        url = url.replaceAll(",+$", "");
      } else {
        int comma = srcset.indexOf(',', i);
        descriptor = srcset.substring(i, comma < 0 ? n : comma);
        i = comma < 0 ? n : comma + 1;
      }
      if (url.isEmpty()) {
        continue;
      }
      double width = -1;
      double density = 1;
      Matcher m = DESCRIPTOR.matcher(descriptor);
      if (m.find()) {
        if (m.group(2).equals("w")) {
          width = parse(m.group(1));
        } else {
          density = parse(m.group(1));
        }
      }
      if (width >= 0 ? width > bestWidth : bestWidth < 0 && density > bestDensity) {
        best = url;
        bestWidth = Math.max(bestWidth, width);
        bestDensity = width >= 0 ? bestDensity : density;
      }
    }
    return best;
  }

  private static double parse(String number) {
    try {
      return Double.parseDouble(number);
    } catch (NumberFormatException e) {
      return 1;
    }
  }

  private static void frame(Element frame, Consumer<String> notes) {
    String src = frame.attr("src").strip();
    if (src.isEmpty()) {
      src = frame.attr("data-src").strip();
    }
    if (src.isEmpty()) {
      notes.accept("an embedded frame without an address was removed");
      frame.remove();
      return;
    }
    String page = pageOf(src);
    notes.accept("an embedded frame became a link: " + page);
    frame.replaceWith(standAlone(frame, link(page)));
  }

  /** The link in a paragraph of its own where the element stood between blocks, as frames and players do. */
  private static Element standAlone(Element replaced, Element link) {
    Element parent = replaced.parent();
    return parent != null && FLOW.contains(parent.normalName()) ? paragraph(link) : link;
  }

  private static void player(Element player, Consumer<String> notes) {
    String src = player.attr("src").strip();
    Element source = player.selectFirst("source[src]");
    if (src.isEmpty() && source != null) {
      src = source.attr("src").strip();
    }
    String kind = player.normalName();
    if (src.isEmpty()) {
      notes.accept("a" + (kind.equals("audio") ? "n " : " ") + kind + " without a file was removed");
      player.remove();
      return;
    }
    notes.accept("a" + (kind.equals("audio") ? "n " : " ") + kind + " became a link to its file: " + src);
    player.replaceWith(standAlone(player, fileLink(src, "")));
  }
}
