package org.thinkpress.research;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.time.format.DateTimeFormatter;
import java.util.stream.Collectors;
import de.undercouch.citeproc.helper.json.StringJsonBuilderFactory;
import org.jbibtex.BibTeXDatabase;
import org.jbibtex.BibTeXEntry;
import org.jbibtex.BibTeXFormatter;
import org.jbibtex.Key;
import org.jbibtex.StringValue;

/**
 * A piece's citation as the files reference managers import: BibTeX (through jbibtex's writer),
 * RIS and CSL-JSON (through citeproc-java's, the same data the styles format).
 */
public enum CitationFile {
  BIBTEX("bib", "application/x-bibtex; charset=utf-8"),
  RIS("ris", "application/x-research-info-systems; charset=utf-8"),
  CSL_JSON("json", "application/vnd.citationstyles.csl+json; charset=utf-8");

  private final String extension;
  private final String contentType;

  CitationFile(String extension, String contentType) {
    this.extension = extension;
    this.contentType = contentType;
  }

  public String extension() {
    return extension;
  }

  public String contentType() {
    return contentType;
  }

  /** The file for its extension ({@code bib}, {@code ris}, {@code json}), or {@code null}. */
  public static CitationFile forExtension(String extension) {
    for (CitationFile file : values()) {
      if (file.extension.equals(extension)) {
        return file;
      }
    }
    return null;
  }

  /** The file's text for one piece. */
  public String write(CitationItem item) {
    return switch (this) {
      case BIBTEX -> bibtex(item);
      case RIS -> ris(item);
      case CSL_JSON -> "[" + CslFormatter.toCsl(item).toJson(new StringJsonBuilderFactory().createJsonBuilder()) + "]\n";
    };
  }

  private static String bibtex(CitationItem item) {
    BibTeXEntry entry = new BibTeXEntry(BibTeXEntry.TYPE_TECHREPORT, new Key(item.key()));
    String authors = item.authors().isEmpty() ? "{" + latex(item.publisher()) + "}"
        : item.authors().stream().map(author -> latex(author.inverted())).collect(Collectors.joining(" and "));
    entry.addField(BibTeXEntry.KEY_AUTHOR, braced(authors));
    entry.addField(BibTeXEntry.KEY_TITLE, braced("{" + latex(item.title()) + "}"));
    entry.addField(BibTeXEntry.KEY_INSTITUTION, braced(latex(item.publisher())));
    entry.addField(BibTeXEntry.KEY_TYPE, braced(latex(item.genre())));
    if (item.number() != null) {
      entry.addField(BibTeXEntry.KEY_NUMBER, braced(latex(item.number())));
    }
    entry.addField(BibTeXEntry.KEY_YEAR, braced(Integer.toString(item.issued().getYear())));
    entry.addField(BibTeXEntry.KEY_MONTH, braced(Integer.toString(item.issued().getMonthValue())));
    entry.addField(new Key("date"), braced(item.issued().toString()));
    entry.addField(BibTeXEntry.KEY_URL, braced(item.url()));
    entry.addField(new Key("language"), braced(item.language()));
    BibTeXDatabase database = new BibTeXDatabase();
    database.addObject(entry);
    StringWriter out = new StringWriter();
    try {
      new BibTeXFormatter().format(database, out);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toString().stripTrailing() + "\n";
  }

  private static StringValue braced(String value) {
    return new StringValue(value, StringValue.Style.BRACED);
  }

  /** Text with TeX's special characters written as TeX reads them back. */
  static String latex(String text) {
    StringBuilder out = new StringBuilder(text.length() + 8);
    for (char c : text.toCharArray()) {
      switch (c) {
        case '\\' -> out.append("\\textbackslash{}");
        case '{', '}', '&', '%', '$', '#', '_' -> out.append('\\').append(c);
        case '~' -> out.append("\\textasciitilde{}");
        case '^' -> out.append("\\textasciicircum{}");
        case '\n', '\r', '\t' -> out.append(' ');
        default -> out.append(c);
      }
    }
    return out.toString();
  }

  /** RIS (Research Information Systems): one {@code TAG  - value} line each, CRLF, ending with ER. */
  private static String ris(CitationItem item) {
    StringBuilder out = new StringBuilder();
    ris(out, "TY", "RPRT");
    ris(out, "TI", item.title());
    if (item.authors().isEmpty()) {
      ris(out, "AU", item.publisher());
    }
    item.authors().forEach(author -> ris(out, "AU", author.inverted()));
    ris(out, "PY", Integer.toString(item.issued().getYear()));
    ris(out, "DA", item.issued().format(DateTimeFormatter.ofPattern("yyyy/MM/dd")));
    ris(out, "PB", item.publisher());
    ris(out, "M3", item.genre());
    if (item.number() != null) {
      ris(out, "SN", item.number());
    }
    ris(out, "UR", item.url());
    ris(out, "LA", item.language());
    if (!item.abstractText().isEmpty()) {
      ris(out, "AB", item.abstractText());
    }
    item.keywords().forEach(keyword -> ris(out, "KW", keyword));
    out.append("ER  - \r\n");
    return out.toString();
  }

  private static void ris(StringBuilder out, String tag, String value) {
    out.append(tag).append("  - ").append(value.replaceAll("[\\r\\n\\t]+", " ").strip()).append("\r\n");
  }
}
