package org.thinkpress.imports;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;

/**
 * Ghost's cards ({@code kg-*} classed HTML) read for what they say: an image or gallery card stays
 * a figure of images; a bookmark becomes a link with its title and description; a callout a quote;
 * a toggle a bold line and its content; an embed, a button, a video, audio or file card a link
 * (video, audio and file links are marked as the body's files, so the importer fetches them); a
 * product or header card its text. Footnotes from Ghost's Markdown card (markdown-it's
 * {@code footnote-ref} and {@code footnotes} list) become {@link Footnotes}.
 */
final class GhostCards {

  static final String MEMBERS_ONLY = "<!--members-only-->";

  private GhostCards() {}

  /** Notes the members-only marker; the comments themselves go with all others. */
  static String beforeParsing(String html, Consumer<String> notes) {
    if (html.contains(MEMBERS_ONLY)) {
      notes.accept("members-only marker removed: the whole piece is public now");
    }
    return BodyConverter.withoutComments(html);
  }

  static void afterParsing(Element body, Consumer<String> notes) {
    for (Element card : body.select(".kg-signup-card")) {
      notes.accept("a sign-up form was removed");
      card.remove();
    }
    body.select(".kg-bookmark-card").forEach(GhostCards::bookmark);
    body.select(".kg-callout-card").forEach(GhostCards::callout);
    body.select(".kg-toggle-card").forEach(GhostCards::toggle);
    body.select(".kg-embed-card").forEach(card -> embed(card, notes));
    body.select(".kg-button-card").forEach(GhostCards::button);
    body.select(".kg-video-card, .kg-audio-card").forEach(card -> player(card, notes));
    body.select(".kg-file-card").forEach(GhostCards::file);
    body.select(".kg-product-card").forEach(GhostCards::product);
    body.select(".kg-header-card").forEach(GhostCards::header);
    footnotes(body);
  }

  private static void bookmark(Element card) {
    Element anchor = card.selectFirst("a[href]");
    String url = anchor == null ? "" : anchor.attr("href");
    String title = text(card, ".kg-bookmark-title");
    String description = text(card, ".kg-bookmark-description");
    Element p = new Element("p");
    if (url.isEmpty()) {
      p.text(title);
    } else {
      p.appendChild(new Element("a").attr("href", url).text(title.isEmpty() ? url : title));
    }
    if (!description.isEmpty()) {
      p.appendText(" — " + description);
    }
    card.before(p);
    MediaElements.captionBefore(card);
    card.remove();
  }

  private static void callout(Element card) {
    Element quote = new Element("blockquote");
    Element p = quote.appendElement("p");
    String emoji = text(card, ".kg-callout-emoji");
    if (!emoji.isEmpty()) {
      p.appendText(emoji + " ");
    }
    Element text = card.selectFirst(".kg-callout-text");
    if (text != null) {
      moveChildren(text, p);
    }
    card.replaceWith(quote);
  }

  private static void toggle(Element card) {
    Element heading = card.selectFirst(".kg-toggle-heading-text, .kg-toggle-heading");
    if (heading != null && !heading.text().isBlank()) {
      Element strong = new Element("strong").text(heading.text());
      card.before(MediaElements.paragraph(strong));
    }
    Element content = card.selectFirst(".kg-toggle-content");
    if (content != null) {
      for (Node child : new ArrayList<>(content.childNodes())) {
        card.before(child);
      }
    }
    card.remove();
  }

  private static void embed(Element card, Consumer<String> notes) {
    Element frame = card.selectFirst("iframe[src]");
    String url = frame != null ? MediaElements.pageOf(frame.attr("src")) : card.attr("data-url");
    if (url.isEmpty() && card.selectFirst("blockquote a[href]") != null) {
      url = card.select("blockquote a[href]").last().attr("href");
    }
    if (url.isEmpty()) {
      notes.accept("an embed without an address was removed");
    } else {
      notes.accept("an embed became a link: " + url);
      card.before(MediaElements.paragraph(MediaElements.link(url)));
    }
    MediaElements.captionBefore(card);
    card.remove();
  }

  private static void button(Element card) {
    Element anchor = card.selectFirst("a[href]");
    if (anchor != null) {
      card.before(MediaElements.paragraph(new Element("a").attr("href", anchor.attr("href")).text(anchor.text())));
    }
    card.remove();
  }

  private static void player(Element card, Consumer<String> notes) {
    Element player = card.selectFirst("video[src], audio[src]");
    if (player == null) {
      notes.accept("a media card without a file was removed");
      card.remove();
      return;
    }
    String url = player.attr("src");
    notes.accept("a" + (player.normalName().equals("audio") ? "n " : " ") + player.normalName()
        + " became a link to its file: " + url);
    card.before(MediaElements.paragraph(MediaElements.fileLink(url, text(card, ".kg-audio-title"))));
    MediaElements.captionBefore(card);
    card.remove();
  }

  private static void file(Element card) {
    Element anchor = card.selectFirst("a[href]");
    if (anchor != null) {
      String title = text(card, ".kg-file-card-title");
      Element p = MediaElements.paragraph(MediaElements.fileLink(anchor.attr("href"),
          title.isEmpty() ? text(card, ".kg-file-card-filename") : title));
      String caption = text(card, ".kg-file-card-caption");
      if (!caption.isEmpty()) {
        p.appendText(" — " + caption);
      }
      card.before(p);
    }
    card.remove();
  }

  private static void product(Element card) {
    Element image = card.selectFirst("img");
    if (image != null) {
      card.before(MediaElements.paragraph(image));
    }
    boldLine(card, text(card, ".kg-product-card-title"));
    Element description = card.selectFirst(".kg-product-card-description");
    if (description != null) {
      for (Node child : new ArrayList<>(description.childNodes())) {
        card.before(child);
      }
    }
    buttonLine(card, card.selectFirst("a.kg-product-card-button"));
    card.remove();
  }

  private static void header(Element card) {
    boldLine(card, text(card, ".kg-header-card-header, .kg-header-card-heading"));
    String subheading = text(card, ".kg-header-card-subheader, .kg-header-card-subheading");
    if (!subheading.isEmpty()) {
      card.before(new Element("p").text(subheading));
    }
    buttonLine(card, card.selectFirst("a.kg-header-card-button"));
    card.remove();
  }

  private static void footnotes(Element body) {
    List<Footnotes.Mark> marks = new ArrayList<>();
    for (Element sup : body.select("sup.footnote-ref")) {
      marks.add(new Footnotes.Mark(sup, Footnotes.target(sup.selectFirst("a[href]"))));
    }
    List<Footnotes.Note> notes = new ArrayList<>();
    for (Element item : body.select("li.footnote-item")) {
      item.select("a.footnote-backref").remove();
      notes.add(new Footnotes.Note(item.id(), item));
    }
    Footnotes.rebuild(body, marks, notes, body.select("section.footnotes, div.footnotes, hr.footnotes-sep"));
  }

  private static void boldLine(Element card, String text) {
    if (!text.isEmpty()) {
      card.before(MediaElements.paragraph(new Element("strong").text(text)));
    }
  }

  private static void buttonLine(Element card, Element anchor) {
    if (anchor != null && !anchor.text().isBlank()) {
      card.before(MediaElements.paragraph(new Element("a").attr("href", anchor.attr("href")).text(anchor.text())));
    }
  }

  private static String text(Element card, String selector) {
    Element found = card.selectFirst(selector);
    return found == null ? "" : found.text().strip();
  }

  private static void moveChildren(Element from, Element to) {
    for (Node child : new ArrayList<>(from.childNodes())) {
      to.appendChild(child);
    }
  }
}
