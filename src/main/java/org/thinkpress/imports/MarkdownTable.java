package org.thinkpress.imports;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.StringJoiner;
import org.jsoup.nodes.Element;

/**
 * A table as a GFM pipe table when it is simple (one header row, no merged cells, only inline
 * content in its cells, no caption), otherwise as the table's HTML, which the sanitizer keeps.
 */
final class MarkdownTable {

  private static final String BLOCKS_IN_CELLS = "table, ul, ol, pre, blockquote, h1, h2, h3, h4, h5, h6, figure, dl";

  private MarkdownTable() {}

  static String of(Element table) {
    List<Element> rows = rows(table);
    if (rows.isEmpty()) {
      return "";
    }
    return simple(table, rows) ? pipes(rows) : HtmlFragments.table(table);
  }

  private static List<Element> rows(Element table) {
    List<Element> rows = new ArrayList<>();
    for (Element child : table.children()) {
      if (child.normalName().equals("tr")) {
        rows.add(child);
      } else if (List.of("thead", "tbody", "tfoot").contains(child.normalName())) {
        for (Element row : child.children()) {
          if (row.normalName().equals("tr")) {
            rows.add(row);
          }
        }
      }
    }
    rows.removeIf(row -> cells(row).isEmpty());
    return rows;
  }

  private static boolean simple(Element table, List<Element> rows) {
    if (table.children().stream().anyMatch(child -> child.normalName().equals("caption"))) {
      return false;
    }
    Element header = rows.get(0);
    boolean headed = header.parent().normalName().equals("thead")
        || cells(header).stream().allMatch(cell -> cell.normalName().equals("th"));
    long headRows = rows.stream().filter(row -> row.parent().normalName().equals("thead")).count();
    if (!headed || headRows > 1) {
      return false;
    }
    for (Element row : rows) {
      for (Element cell : cells(row)) {
        if (span(cell, "colspan") > 1 || span(cell, "rowspan") > 1 || cell.selectFirst(BLOCKS_IN_CELLS) != null) {
          return false;
        }
      }
    }
    return true;
  }

  private static List<Element> cells(Element row) {
    List<Element> cells = new ArrayList<>();
    for (Element cell : row.children()) {
      if (cell.normalName().equals("th") || cell.normalName().equals("td")) {
        cells.add(cell);
      }
    }
    return cells;
  }

  private static int span(Element cell, String attribute) {
    try {
      return cell.hasAttr(attribute) ? Integer.parseInt(cell.attr(attribute).strip()) : 1;
    } catch (NumberFormatException e) {
      return 1;
    }
  }

  private static String pipes(List<Element> rows) {
    int columns = rows.stream().mapToInt(row -> cells(row).size()).max().orElse(0);
    List<String> lines = new ArrayList<>();
    Element header = rows.get(0);
    lines.add(line(header, columns));
    StringJoiner delimiter = new StringJoiner(" | ", "| ", " |");
    List<Element> headerCells = cells(header);
    for (int i = 0; i < columns; i++) {
      delimiter.add(alignment(i < headerCells.size() ? headerCells.get(i) : null));
    }
    lines.add(delimiter.toString());
    for (Element row : rows.subList(1, rows.size())) {
      lines.add(line(row, columns));
    }
    return String.join("\n", lines);
  }

  private static String line(Element row, int columns) {
    List<Element> cells = cells(row);
    StringBuilder line = new StringBuilder("|");
    for (int i = 0; i < columns; i++) {
      String text = i < cells.size() ? MarkdownInline.line(cells.get(i).childNodes(), MarkdownInline.Where.CELL) : "";
      line.append(text.isEmpty() ? " |" : " " + text + " |");
    }
    return line.toString();
  }

  private static String alignment(Element cell) {
    if (cell == null) {
      return "---";
    }
    String style = cell.attr("style").toLowerCase(Locale.ROOT).replace(" ", "");
    String align = cell.attr("align").toLowerCase(Locale.ROOT);
    if (align.equals("center") || style.contains("text-align:center") || cell.hasClass("has-text-align-center")) {
      return ":---:";
    }
    if (align.equals("right") || style.contains("text-align:right") || cell.hasClass("has-text-align-right")) {
      return "---:";
    }
    if (align.equals("left") || style.contains("text-align:left") || cell.hasClass("has-text-align-left")) {
      return ":---";
    }
    return "---";
  }
}
