package org.thinkpress.imports;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;

/**
 * One Ghost JSON export, walked table by table with Jackson's streaming parser: only the row being
 * handed over is ever held as a tree, so the bodies of a large site's posts pass through one at a time.
 *
 * <p>The tables live in a {@code data} object, either at the top of the file or in the first element of
 * a {@code db} array (Ghost writes the wrapper; its importer accepts both, and so does this). Every other
 * member ({@code meta}, a {@code _comment}, further {@code db} elements) is skipped.
 */
final class GhostExport {

  /** Hears one row of one table and the line where the row starts. */
  @FunctionalInterface
  interface Rows {
    void row(String table, ObjectNode row, int line);
  }

  private static final ObjectMapper JSON = new ObjectMapper();

  private final Path file;
  private final String name;

  GhostExport(Path file) {
    this.file = file;
    this.name = file.getFileName().toString();
  }

  String name() {
    return name;
  }

  /**
   * Hands over every row of the tables named, in the file's order, and reads past the rest.
   *
   * @return the names of the members of {@code data} whose value is an array
   * @throws ImportException when the file is not JSON, has no {@code data} object, or a wanted table is
   *     not an array of objects
   */
  Set<String> walk(Set<String> tables, Rows rows) {
    try (InputStream in = Files.newInputStream(file); JsonParser parser = JSON.createParser(in)) {
      if (parser.nextToken() != JsonToken.START_OBJECT) {
        throw notGhost();
      }
      Set<String> arrays = null;
      while (parser.nextToken() == JsonToken.FIELD_NAME) {
        String field = parser.currentName();
        JsonToken value = parser.nextToken();
        if (arrays == null && field.equals("data") && value == JsonToken.START_OBJECT) {
          arrays = data(parser, tables, rows);
        } else if (arrays == null && field.equals("db") && value == JsonToken.START_ARRAY) {
          arrays = firstDatabase(parser, tables, rows);
        } else {
          parser.skipChildren();
        }
      }
      if (parser.nextToken() != null) {
        throw at(parser, "there is more after the export's closing brace");
      }
      if (arrays == null) {
        throw notGhost();
      }
      return arrays;
    } catch (JsonProcessingException e) {
      JsonLocation where = e.getLocation();
      int line = where == null ? 0 : where.getLineNr();
      String column = where == null ? "" : " (column " + where.getColumnNr() + ")";
      throw ImportException.at(name, line, "not valid JSON" + column + ": " + problem(e));
    } catch (IOException e) {
      throw ImportException.at(name, 0, "cannot be read: " + e.getMessage());
    }
  }

  private Set<String> firstDatabase(JsonParser parser, Set<String> tables, Rows rows) throws IOException {
    Set<String> arrays = null;
    if (parser.nextToken() == JsonToken.START_OBJECT) {
      while (parser.nextToken() == JsonToken.FIELD_NAME) {
        String field = parser.currentName();
        if (parser.nextToken() == JsonToken.START_OBJECT && arrays == null && field.equals("data")) {
          arrays = data(parser, tables, rows);
        } else {
          parser.skipChildren();
        }
      }
      // Ghost reads the first database only; a second one is not part of this site.
      while (parser.nextToken() != JsonToken.END_ARRAY) {
        parser.skipChildren();
      }
    }
    return arrays;
  }

  private Set<String> data(JsonParser parser, Set<String> tables, Rows rows) throws IOException {
    Set<String> arrays = new HashSet<>();
    while (parser.nextToken() == JsonToken.FIELD_NAME) {
      String table = parser.currentName();
      JsonToken value = parser.nextToken();
      if (value == JsonToken.START_ARRAY) {
        arrays.add(table);
      }
      if (!tables.contains(table)) {
        parser.skipChildren();
        continue;
      }
      if (value != JsonToken.START_ARRAY) {
        throw at(parser, "\"" + table + "\" in \"data\" is not an array");
      }
      while (parser.nextToken() != JsonToken.END_ARRAY) {
        if (parser.currentToken() != JsonToken.START_OBJECT) {
          throw at(parser, "a row of \"" + table + "\" is not an object");
        }
        int line = parser.currentTokenLocation().getLineNr();
        rows.row(table, parser.readValueAsTree(), line);
      }
    }
    return arrays;
  }

  private ImportException notGhost() {
    return ImportException.at(name, 0, "not a Ghost export: no \"data\" object at the top or in \"db\"");
  }

  private ImportException at(JsonParser parser, String message) {
    return ImportException.at(name, parser.currentTokenLocation().getLineNr(), message);
  }

  /** Jackson's words without the location it appends, which would name the stream rather than the file. */
  private static String problem(JsonProcessingException e) {
    String message = e.getOriginalMessage();
    for (String tail : new String[] {"\n", " (start marker at"}) {
      int cut = message.indexOf(tail);
      if (cut >= 0) {
        message = message.substring(0, cut);
      }
    }
    return message;
  }

  /** A field as text: {@code ""} when it is missing or null. */
  static String text(JsonNode row, String field) {
    JsonNode value = row.get(field);
    return value == null || value.isNull() ? "" : value.asText();
  }
}
