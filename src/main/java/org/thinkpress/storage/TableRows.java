package org.thinkpress.storage;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;
import java.util.function.LongConsumer;
import org.thinkpress.storage.TableSchema.Column;
import org.thinkpress.storage.TableSchema.Kind;
import org.thinkpress.storage.TableSchema.Table;

/**
 * A table's rows as JSON lines, the same on both databases: a header line naming the table and its
 * columns with their kinds, then one JSON array per row in primary-key order. Integers are JSON
 * numbers, booleans {@code true}/{@code false} (SQLite's 0 and 1 become booleans), text is text,
 * and NULL is {@code null}.
 */
final class TableRows {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final JsonFactory FACTORY = JSON.getFactory().copy()
      .disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
  private static final int BATCH = 500;

  private TableRows() {}

  /**
   * Writes the table's rows; returns how many. Text keys are ordered by their bytes on both
   * databases (PostgreSQL's {@code COLLATE "C"}, SQLite's default), so that the same rows give the
   * same entry whichever database they come from.
   */
  static long write(Connection connection, Dialect dialect, Table table, OutputStream out, LongConsumer progress)
      throws SQLException, IOException {
    String columns = String.join(", ", table.columns().stream().map(Column::name).toList());
    String order = String.join(", ", table.key().stream()
        .map(key -> dialect == Dialect.POSTGRESQL && table.column(key).kind() == Kind.TEXT ? key + " COLLATE \"C\"" : key)
        .toList());
    String sql = "SELECT " + columns + " FROM " + table.name() + " ORDER BY " + order;
    long rows = 0;
    try (JsonGenerator json = FACTORY.createGenerator(out);
         Statement statement = connection.createStatement()) {
      statement.setFetchSize(1000);
      json.setRootValueSeparator(null); // each value ends its own line
      header(json, table);
      try (ResultSet rs = statement.executeQuery(sql)) {
        while (rs.next()) {
          json.writeStartArray();
          for (int i = 0; i < table.columns().size(); i++) {
            value(json, rs, i + 1, table.columns().get(i).kind());
          }
          json.writeEndArray();
          json.writeRaw('\n');
          rows++;
          progress.accept(1);
        }
      }
      json.flush();
    }
    return rows;
  }

  private static void header(JsonGenerator json, Table table) throws IOException {
    json.writeStartObject();
    json.writeStringField("table", table.name());
    json.writeArrayFieldStart("columns");
    for (Column column : table.columns()) {
      json.writeStartArray();
      json.writeString(column.name());
      json.writeString(column.kind().name());
      json.writeEndArray();
    }
    json.writeEndArray();
    json.writeEndObject();
    json.writeRaw('\n');
  }

  private static void value(JsonGenerator json, ResultSet rs, int index, Kind kind) throws SQLException, IOException {
    switch (kind) {
      case INTEGER -> {
        long value = rs.getLong(index);
        if (rs.wasNull()) {
          json.writeNull();
        } else {
          json.writeNumber(value);
        }
      }
      case BOOLEAN -> {
        boolean value = rs.getBoolean(index);
        if (rs.wasNull()) {
          json.writeNull();
        } else {
          json.writeBoolean(value);
        }
      }
      case TEXT -> {
        String value = rs.getString(index);
        if (value == null) {
          json.writeNull();
        } else {
          json.writeString(value);
        }
      }
    }
  }

  /**
   * Inserts the rows of one table's entry, which must describe the columns this database has (by
   * name; their order may differ). Columns referring to the same table are left NULL and set by
   * {@link #linkSelfReferences} once every row is in. Returns how many rows.
   */
  static long insert(Connection connection, Table table, InputStream entry, String entryName, LongConsumer progress)
      throws SQLException, IOException {
    try (MappingIterator<JsonNode> lines = JSON.readerFor(JsonNode.class).readValues(entry)) {
      if (!lines.hasNext()) {
        throw new BackupException(entryName + " is empty: it has no header line");
      }
      List<String> columns = checkHeader(lines.next(), table, entryName);
      String sql = "INSERT INTO " + table.name() + " (" + String.join(", ", columns) + ") VALUES ("
          + String.join(", ", columns.stream().map(c -> "?").toList()) + ")";
      long rows = 0;
      try (PreparedStatement insert = connection.prepareStatement(sql)) {
        int batched = 0;
        while (lines.hasNext()) {
          JsonNode row = lines.next();
          if (!row.isArray() || row.size() != columns.size()) {
            throw new BackupException(entryName + ": row " + (rows + 1) + " has " + row.size() + " values; the header names "
                + columns.size() + " columns");
          }
          for (int i = 0; i < columns.size(); i++) {
            Column column = table.column(columns.get(i));
            bind(insert, i + 1, table.selfReferences().contains(column.name()) ? null : row.get(i), column, entryName, rows + 1);
          }
          insert.addBatch();
          rows++;
          if (++batched == BATCH) {
            insert.executeBatch();
            progress.accept(batched);
            batched = 0;
          }
        }
        if (batched > 0) {
          insert.executeBatch();
          progress.accept(batched);
        }
      }
      return rows;
    }
  }

  /** Sets the self-referring columns (a region's parent) that {@link #insert} left NULL. */
  static void linkSelfReferences(Connection connection, Table table, InputStream entry, String entryName)
      throws SQLException, IOException {
    if (table.selfReferences().isEmpty()) {
      return;
    }
    try (MappingIterator<JsonNode> lines = JSON.readerFor(JsonNode.class).readValues(entry)) {
      List<String> columns = checkHeader(lines.next(), table, entryName);
      for (String reference : table.selfReferences()) {
        int referenceAt = columns.indexOf(reference);
        String where = String.join(" AND ", table.key().stream().map(k -> k + " = ?").toList());
        try (PreparedStatement update = connection.prepareStatement("UPDATE " + table.name() + " SET " + reference
            + " = ? WHERE " + where)) {
          long row = 0;
          while (lines.hasNext()) {
            JsonNode values = lines.next();
            row++;
            if (values.get(referenceAt).isNull()) {
              continue;
            }
            bind(update, 1, values.get(referenceAt), table.column(reference), entryName, row);
            for (int k = 0; k < table.key().size(); k++) {
              String key = table.key().get(k);
              bind(update, k + 2, values.get(columns.indexOf(key)), table.column(key), entryName, row);
            }
            update.executeUpdate();
          }
        }
      }
    }
  }

  private static List<String> checkHeader(JsonNode header, Table table, String entryName) {
    if (!header.isObject() || !table.name().equals(header.path("table").asText()) || !header.path("columns").isArray()) {
      throw new BackupException(entryName + ": the first line is not the header of table " + table.name());
    }
    List<String> columns = new ArrayList<>();
    for (JsonNode column : header.get("columns")) {
      String name = column.path(0).asText();
      Column ours = table.column(name);
      if (ours == null) {
        throw new BackupException(entryName + ": column " + table.name() + "." + name
            + " is not in this database's schema");
      }
      columns.add(name);
    }
    for (Column column : table.columns()) {
      if (!columns.contains(column.name()) && !column.nullable()) {
        throw new BackupException(entryName + ": column " + table.name() + "." + column.name() + " is missing");
      }
    }
    return columns;
  }

  private static void bind(PreparedStatement statement, int index, JsonNode value, Column column, String entryName, long row)
      throws SQLException {
    if (value == null || value.isNull()) {
      statement.setNull(index, switch (column.kind()) {
        case INTEGER -> Types.BIGINT;
        case BOOLEAN -> Types.BOOLEAN;
        case TEXT -> Types.VARCHAR;
      });
      return;
    }
    switch (column.kind()) {
      case INTEGER -> {
        if (!value.isIntegralNumber()) {
          throw badValue(entryName, row, column, "a whole number");
        }
        statement.setLong(index, value.longValue());
      }
      case BOOLEAN -> {
        if (!value.isBoolean()) {
          throw badValue(entryName, row, column, "true or false");
        }
        statement.setBoolean(index, value.booleanValue());
      }
      case TEXT -> {
        if (!value.isTextual()) {
          throw badValue(entryName, row, column, "text");
        }
        statement.setString(index, value.textValue());
      }
    }
  }

  private static BackupException badValue(String entryName, long row, Column column, String expected) {
    return new BackupException(entryName + ": row " + row + ": " + column.name() + " is not " + expected);
  }
}
