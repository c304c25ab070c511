package org.thinkpress.imports;

import static java.nio.charset.StandardCharsets.UTF_8;
import static java.util.Objects.requireNonNull;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Reads the zip Substack gives (Settings, Exports): {@code posts.csv}, one row per post, and
 * {@code posts/<post_id>.html}, each post's body. Entries are read by name and never written out, so a
 * hostile entry name ({@code ../../x}) reaches no file.
 *
 * <p>The visitor hears a {@link SourceSite} with only the platform ({@code substack}: the zip says neither
 * the address, the name nor the language), no authors (the export has none: the importer assigns an
 * expert from {@code --map} or its default) and no terms, then per row, in the file's order:
 * <ul>
 * <li>{@code newsletter}: a post; {@code page}: a page. The id is {@code post_id} ({@code 12345.slug}),
 *     the slug what follows its first dot, the old path {@code /p/SLUG}, the excerpt the subtitle, the
 *     body the html file as it is. {@code is_published} {@code true} is {@link SourceStatus#PUBLISHED} at
 *     {@code post_date}; anything else is a {@link SourceStatus#DRAFT} that was never published, and its
 *     {@code post_date}, the only time the export gives it, is kept as {@code modifiedAt}. Paid and
 *     founding-member posts ({@code audience}) are items like the others: who may read them is the
 *     importer's decision.</li>
 * <li>{@code podcast}, {@code thread} and any other type: a skip, "a Substack TYPE is not imported". A
 *     podcast's audio is not in the zip and ThinkPress has no episodes, so its show notes alone would be a
 *     misleading post; a thread is a discussion, not a piece.</li>
 * <li>A row whose html file is missing: a skip, "posts/ID.html is missing from the zip", and no item
 *     (an empty body would look like an imported piece).</li>
 * </ul>
 * The item's line is the line of {@code posts.csv} where its row starts.
 *
 * <p>Errors: not a zip, no {@code posts.csv}, a header without {@code post_id}, {@code post_date},
 * {@code is_published}, {@code type} or {@code title}, and a row with a field too few or too many, no
 * id, no type, an {@code is_published} other than true or false, or a {@code post_date} that is not an
 * ISO-8601 time, each named {@code EXPORT.zip!posts.csv:LINE}.
 */
final class SubstackReader implements SourceReader {

  static final List<String> REQUIRED = List.of("post_id", "post_date", "is_published", "type", "title");
  /** Far above any real post; stops a hostile zip's one entry from filling the memory. */
  static final int MAX_BODY_BYTES = 32 * 1024 * 1024;

  private static final CSVFormat FORMAT = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get();

  @Override
  public void read(Path file, SourceVisitor visitor) {
    requireNonNull(file, "file");
    requireNonNull(visitor, "visitor");
    String zipName = file.getFileName().toString();
    try (ZipFile zip = new ZipFile(file.toFile(), UTF_8)) {
      ZipEntry csv = zip.getEntry("posts.csv");
      if (csv == null) {
        throw ImportException.at(zipName, 0, "no posts.csv in the zip; a Substack export has one at its top");
      }
      visitor.site(new SourceSite("substack", "", "", ""));
      new Rows(zip, zipName, visitor).read(csv);
    } catch (ZipException e) {
      throw ImportException.at(zipName, 0, "not a zip file");
    } catch (IOException e) {
      throw ImportException.at(zipName, 0, "cannot be read: " + e.getMessage());
    }
  }

  /** One pass over {@code posts.csv}, which knows the line it is on for its messages. */
  private static final class Rows {

    private final ZipFile zip;
    private final String zipName;
    private final String csvName;
    private final SourceVisitor visitor;
    /** Where the row being read starts, and where the next one will. */
    private int line = 1;
    private int next = 1;

    Rows(ZipFile zip, String zipName, SourceVisitor visitor) {
      this.zip = zip;
      this.zipName = zipName;
      this.csvName = zipName + "!posts.csv";
      this.visitor = visitor;
    }

    void read(ZipEntry csv) throws IOException {
      try (BufferedReader text = new BufferedReader(new InputStreamReader(zip.getInputStream(csv), UTF_8));
           CSVParser parser = FORMAT.parse(withoutByteOrderMark(text))) {
        List<String> header = parser.getHeaderNames();
        for (String column : REQUIRED) {
          if (!header.contains(column)) {
            throw ImportException.at(csvName, 1, "the header has no column '" + column + "'; Substack's posts.csv has "
                + String.join(", ", REQUIRED));
          }
        }
        next = (int) parser.getCurrentLineNumber() + 1;
        for (CSVRecord record : parser) {
          line = next;
          next = (int) parser.getCurrentLineNumber() + 1;
          // A blank line is a record of one empty field; passing it over, not ignoring it in the parser,
          // keeps the count of lines right.
          if (record.size() == 1 && record.get(0).isEmpty()) {
            continue;
          }
          row(record, header.size());
        }
      } catch (UncheckedIOException | IllegalArgumentException | IllegalStateException e) {
        throw ImportException.at(csvName, next, "not readable as CSV: " + problem(e));
      }
    }

    private void row(CSVRecord record, int columns) {
      if (record.size() != columns) {
        throw at("has " + record.size() + " fields; the header has " + columns);
      }
      String id = field(record, "post_id");
      if (id.isEmpty()) {
        throw at("a row without a post_id");
      }
      String type = field(record, "type");
      if (type.isEmpty()) {
        throw at("post " + id + " has no type");
      }
      boolean published = published(record, id);
      Instant date = time(record, id);
      if (!type.equals("newsletter") && !type.equals("page")) {
        visitor.skipped(type, id, "a Substack " + type + " is not imported");
        return;
      }
      String bodyName = "posts/" + id + ".html";
      ZipEntry body = zip.getEntry(bodyName);
      if (body == null) {
        visitor.skipped("post", id, bodyName + " is missing from the zip");
        return;
      }
      int dot = id.indexOf('.');
      String slug = dot < 0 ? "" : id.substring(dot + 1);
      visitor.item(new SourceItem(id, line, type.equals("page"), field(record, "title"), slug,
          published ? SourceStatus.PUBLISHED : SourceStatus.DRAFT, published ? date : null, published ? null : date,
          field(record, "subtitle"), body(body, bodyName), List.of(), List.of(), List.of(), "", "", "", "", false,
          "", "", "", slug.isEmpty() ? List.of() : List.of("/p/" + slug)));
    }

    private boolean published(CSVRecord record, String id) {
      String value = field(record, "is_published").toLowerCase(Locale.ROOT);
      if (!value.equals("true") && !value.equals("false")) {
        throw at("post " + id + ": is_published is '" + field(record, "is_published") + "', not true or false");
      }
      return value.equals("true");
    }

    private Instant time(CSVRecord record, String id) {
      String value = field(record, "post_date");
      if (value.isEmpty()) {
        return null;
      }
      try {
        return Instant.parse(value);
      } catch (DateTimeParseException e) {
        throw at("post " + id + ": post_date '" + value + "' is not a time such as 2024-03-01T10:00:00.000Z");
      }
    }

    private String body(ZipEntry entry, String name) {
      try (InputStream in = zip.getInputStream(entry)) {
        byte[] bytes = in.readNBytes(MAX_BODY_BYTES + 1);
        if (bytes.length > MAX_BODY_BYTES) {
          throw ImportException.at(zipName + "!" + name, 0, "is larger than " + (MAX_BODY_BYTES >> 20) + " MB");
        }
        return new String(bytes, UTF_8);
      } catch (IOException e) {
        throw ImportException.at(zipName + "!" + name, 0, "cannot be read: " + e.getMessage());
      }
    }

    /** Commons CSV's words, without the exception's class and the line this message gives already. */
    private static String problem(RuntimeException e) {
      Throwable cause = e instanceof UncheckedIOException && e.getCause() != null ? e.getCause() : e;
      return String.valueOf(cause.getMessage()).replaceFirst("^\\((start)?line \\d+\\) ", "");
    }

    private static String field(CSVRecord record, String column) {
      return record.isMapped(column) ? record.get(column).strip() : "";
    }

    private ImportException at(String message) {
      return ImportException.at(csvName, line, message);
    }

    /** Spreadsheets that re-save the file put a byte order mark before the header. */
    private static BufferedReader withoutByteOrderMark(BufferedReader text) throws IOException {
      text.mark(1);
      if (text.read() != '\uFEFF') {
        text.reset();
      }
      return text;
    }
  }
}
