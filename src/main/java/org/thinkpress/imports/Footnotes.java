package org.thinkpress.imports;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;

/**
 * Footnotes as ThinkPress keeps them from an import: each mark in the text becomes a superscript
 * number and the notes follow the body as a numbered list after a rule, numbered as the source
 * numbered them. The sanitizer keeps ids only on headings, so marks and notes cannot link to each
 * other; the numbers are what joins them.
 */
final class Footnotes {

  /** One note: the id its marks point at, and the element whose content is the note's text. */
  record Note(String id, Element content) {}

  /** One mark in the text: the element to replace and the id of the note it points at. */
  record Mark(Element element, String noteId) {}

  private Footnotes() {}

  /**
   * Replaces the marks, removes the notes from where they stood ({@code containers}) and lists them
   * at the end of {@code body}.
   */
  static void rebuild(Element body, List<Mark> marks, List<Note> notes, List<Element> containers) {
    if (marks.isEmpty() && notes.isEmpty()) {
      return;
    }
    Map<String, Integer> numbers = new HashMap<>();
    for (Note note : notes) {
      numbers.putIfAbsent(note.id(), numbers.size() + 1);
    }
    for (Mark mark : marks) {
      Integer number = numbers.get(mark.noteId());
      String label = number != null ? number.toString() : mark.element().text().replaceAll("[\\[\\]\\s]", "");
      mark.element().replaceWith(new Element("sup").text(label));
    }
    List<Element> items = new ArrayList<>();
    for (Note note : notes) {
      Element item = new Element("li");
      for (Node child : new ArrayList<>(note.content().childNodes())) {
        item.appendChild(child);
      }
      items.add(item);
    }
    containers.forEach(Element::remove);
    if (!items.isEmpty()) {
      body.appendChild(new Element("hr"));
      Element list = body.appendElement("ol");
      items.forEach(list::appendChild);
    }
  }

  /** The id a link points at ({@code #fn1} → {@code fn1}). */
  static String target(Element link) {
    String href = link == null ? "" : link.attr("href");
    int hash = href.indexOf('#');
    return hash < 0 ? "" : href.substring(hash + 1);
  }
}
