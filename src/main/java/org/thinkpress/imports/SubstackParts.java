package org.thinkpress.imports;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import org.jsoup.nodes.Element;
import org.jsoup.select.Elements;

/**
 * Substack's post HTML read for what it says: a captioned image is a figure (without the zoom link
 * and buttons around it); subscribe and share widgets and buttons are Substack's own and go, with a
 * note; an embedded tweet, YouTube video or post becomes a link to it (Substack keeps what it shows
 * in a {@code data-attrs} JSON); footnotes ({@code footnote-anchor} marks, {@code footnote} divs)
 * become {@link Footnotes}.
 */
final class SubstackParts {

  private static final ObjectMapper JSON = new ObjectMapper();

  private SubstackParts() {}

  static void afterParsing(Element body, Consumer<String> notes) {
    Elements widgets = body.select("[class*=subscription-widget], .subscribe-widget");
    for (Element widget : widgets) {
      // the widget's own parts carry the same class: one note for the outermost
      if (widget.parents().stream().noneMatch(widgets::contains)) {
        notes.accept("a subscribe widget was removed");
      }
    }
    widgets.remove();
    body.select(".button-wrapper").forEach(button -> button(button, notes));
    body.select("a.image-link").unwrap();
    body.select(".image-link-expand, .restack-image").remove();
    body.select("div.tweet").forEach(tweet -> embed(tweet, "tweet", tweetUrl(tweet), notes));
    body.select(".youtube-wrap").forEach(video -> embed(video, "video", youtubeUrl(video), notes));
    body.select(".embedded-post-wrap").forEach(post -> embed(post, "post", attrs(post).path("url").asText(""), notes));
    footnotes(body);
  }

  private static void button(Element wrapper, Consumer<String> notes) {
    Element anchor = wrapper.selectFirst("a[href]");
    String href = anchor == null ? attrs(wrapper).path("url").asText("") : anchor.attr("href");
    String text = anchor == null ? attrs(wrapper).path("text").asText("") : anchor.text();
    String label = text.strip().toLowerCase(Locale.ROOT);
    if (href.contains("/subscribe") || label.contains("subscribe")) {
      notes.accept("a subscribe button was removed");
      wrapper.remove();
    } else if (href.contains("action=share") || label.equals("share") || label.startsWith("share ")) {
      notes.accept("a share button was removed");
      wrapper.remove();
    } else if (!href.isEmpty()) {
      wrapper.replaceWith(MediaElements.paragraph(new Element("a").attr("href", href).text(text.isBlank() ? href : text)));
    } else {
      wrapper.remove();
    }
  }

  private static String tweetUrl(Element tweet) {
    String url = attrs(tweet).path("url").asText("");
    if (url.isEmpty() && tweet.selectFirst("a[href*=/status/]") != null) {
      url = tweet.selectFirst("a[href*=/status/]").attr("href");
    }
    return url;
  }

  private static String youtubeUrl(Element video) {
    String id = attrs(video).path("videoId").asText("");
    if (!id.isEmpty()) {
      return "https://www.youtube.com/watch?v=" + id;
    }
    Element frame = video.selectFirst("iframe[src]");
    return frame == null ? "" : MediaElements.pageOf(frame.attr("src"));
  }

  private static void embed(Element embed, String what, String url, Consumer<String> notes) {
    if (url.isEmpty()) {
      notes.accept("an embedded " + what + " without an address was removed");
    } else {
      notes.accept("an embedded " + what + " became a link: " + url);
      embed.before(MediaElements.paragraph(MediaElements.link(url)));
    }
    embed.remove();
  }

  private static JsonNode attrs(Element e) {
    try {
      return e.hasAttr("data-attrs") ? JSON.readTree(e.attr("data-attrs")) : JSON.missingNode();
    } catch (JsonProcessingException ex) {
      // a widget whose data does not parse is read from its HTML instead
      return JSON.missingNode();
    }
  }

  private static void footnotes(Element body) {
    List<Footnotes.Mark> marks = new ArrayList<>();
    for (Element anchor : body.select("a.footnote-anchor")) {
      marks.add(new Footnotes.Mark(anchor, Footnotes.target(anchor)));
    }
    List<Footnotes.Note> notes = new ArrayList<>();
    List<Element> containers = new ArrayList<>();
    for (Element note : body.select("div.footnote")) {
      Element number = note.selectFirst("a.footnote-number");
      String id = number != null && number.hasAttr("id") ? number.id() : note.id();
      Element content = note.selectFirst(".footnote-content");
      notes.add(new Footnotes.Note(id, content != null ? content : note));
      if (number != null) {
        number.remove();
      }
      containers.add(note);
    }
    Footnotes.rebuild(body, marks, notes, containers);
  }
}
