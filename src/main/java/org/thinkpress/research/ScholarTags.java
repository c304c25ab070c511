package org.thinkpress.research;

import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

/**
 * The {@code <meta name=...>} tags by which Google Scholar and Zotero read a piece: Highwire
 * Press's {@code citation_*} (Scholar's inclusion guidelines ask for title, each author, the date
 * as {@code YYYY/MM/DD} and, where one exists, the PDF) and Dublin Core's {@code DC.*}.
 */
public final class ScholarTags {

  private ScholarTags() {}

  /** One tag: its {@code name} and {@code content}. */
  public record Tag(String name, String content) {}

  /** The tags of a piece, authors in byline order; {@code pdfUrl} is absolute, or {@code null}. */
  public static List<Tag> of(CitationItem item, String pdfUrl) {
    List<Tag> tags = new ArrayList<>();
    tags.add(new Tag("citation_title", item.title()));
    if (item.authors().isEmpty()) {
      tags.add(new Tag("citation_author", item.publisher()));
    }
    item.authors().forEach(author -> tags.add(new Tag("citation_author", author.inverted())));
    tags.add(new Tag("citation_publication_date", item.issued().format(DateTimeFormatter.ofPattern("yyyy/MM/dd"))));
    tags.add(new Tag("citation_publisher", item.publisher()));
    tags.add(new Tag("citation_technical_report_institution", item.publisher()));
    if (item.number() != null) {
      tags.add(new Tag("citation_technical_report_number", item.number()));
    }
    tags.add(new Tag("citation_language", item.language()));
    tags.add(new Tag("citation_abstract_html_url", item.url()));
    if (pdfUrl != null) {
      tags.add(new Tag("citation_pdf_url", pdfUrl));
    }
    item.keywords().forEach(keyword -> tags.add(new Tag("citation_keywords", keyword)));
    tags.add(new Tag("DC.title", item.title()));
    item.authors().forEach(author -> tags.add(new Tag("DC.creator", author.inverted())));
    tags.add(new Tag("DC.date", item.issued().toString()));
    tags.add(new Tag("DC.publisher", item.publisher()));
    tags.add(new Tag("DC.language", item.language()));
    tags.add(new Tag("DC.type", "Text"));
    tags.add(new Tag("DC.identifier", item.url()));
    return tags;
  }
}
