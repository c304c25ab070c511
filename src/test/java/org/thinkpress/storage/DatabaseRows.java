package org.thinkpress.storage;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Every row of every table of a database, as a backup writes them (one JSON line per row, in key
 * order, booleans as booleans whichever database), so that tests can compare two databases row by
 * row, also across SQLite and PostgreSQL.
 */
public final class DatabaseRows {

  private DatabaseRows() {}

  /** Table name → its rows, one JSON array per row (the header line left out). */
  public static Map<String, List<String>> of(Database database) {
    try (Connection connection = database.snapshot()) {
      Map<String, List<String>> tables = new TreeMap<>();
      for (TableSchema.Table table : TableSchema.read(connection, database.dialect()).tables()) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        TableRows.write(connection, database.dialect(), table, out, n -> {});
        List<String> lines = Arrays.asList(out.toString(StandardCharsets.UTF_8).split("\n"));
        tables.put(table.name(), List.copyOf(lines.subList(1, lines.size())));
      }
      connection.rollback();
      return tables;
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
