package org.thinkpress.research;

import static java.util.Objects.requireNonNull;

import java.time.LocalDate;
import java.util.List;

/**
 * What a citation of a piece says: the facts every style and file is made from.
 *
 * @param key a stable identifier for reference managers (BibTeX key, CSL id), ASCII
 * @param authors the experts, in byline order; empty when the institute is the author
 * @param issued the publication date, in the site's time zone
 * @param publisher the institute
 * @param genre the kind of piece as readers of {@code language} call it ("Policy brief")
 * @param number the report's number, or {@code null}
 * @param language the piece's BCP 47 language tag
 * @param abstractText the standfirst, for files that carry one; may be empty
 */
public record CitationItem(String key, String title, List<Author> authors, LocalDate issued, String publisher,
                           String genre, String number, String url, String language, String abstractText,
                           List<String> keywords) {

  public CitationItem {
    requireNonNull(key, "key");
    requireNonNull(title, "title");
    requireNonNull(issued, "issued");
    requireNonNull(publisher, "publisher");
    requireNonNull(url, "url");
    requireNonNull(language, "language");
    authors = List.copyOf(authors);
    keywords = List.copyOf(keywords);
    abstractText = abstractText == null ? "" : abstractText;
  }

  /**
   * A person's name as citations sort it. A name is split at its last space (family name last, as
   * experts' names are written here); a one-word name is all family name.
   */
  public record Author(String given, String family) {

    public static Author of(String name) {
      String trimmed = name.strip().replaceAll("\\s+", " ");
      int space = trimmed.lastIndexOf(' ');
      return space < 0 ? new Author("", trimmed) : new Author(trimmed.substring(0, space), trimmed.substring(space + 1));
    }

    /** "Family, Given", as RIS and BibTeX write names. */
    public String inverted() {
      return given.isEmpty() ? family : family + ", " + given;
    }
  }
}
