package org.thinkpress.storage;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import org.thinkpress.storage.TableSchema.Table;

/** What a restore does to the tables as a whole, around writing their rows. */
final class TableWrites {

  /**
   * Tables whose rows a first start writes by itself (the content version's row, the key that
   * signs subscriber links, a sender's heartbeat, failed-login counters); an installation holding
   * only these is empty.
   */
  static final Set<String> WRITTEN_AT_FIRST_START = Set.of("content_state", "subscriber_keys", "newsletter_senders",
      "login_throttle");

  private TableWrites() {}

  /** Refuses a database that holds anything but what a first start writes. */
  static void requireEmpty(Connection connection, TableSchema schema, Database database) throws SQLException {
    List<String> holding = new ArrayList<>();
    for (Table table : schema.tables()) {
      if (WRITTEN_AT_FIRST_START.contains(table.name())) {
        continue;
      }
      try (Statement statement = connection.createStatement();
           ResultSet rs = statement.executeQuery("SELECT COUNT(*) FROM " + table.name())) {
        rs.next();
        if (rs.getLong(1) > 0) {
          holding.add(table.name() + " (" + rs.getLong(1) + ")");
        }
      }
    }
    java.util.Collections.sort(holding);
    if (!holding.isEmpty()) {
      throw new BackupException("The database at " + database.url() + " is not empty: it holds rows in "
          + String.join(", ", holding.subList(0, Math.min(5, holding.size()))) + (holding.size() > 5 ? ", ..." : "")
          + "; restore into an empty installation, or give --replace to delete everything in it first");
    }
  }

  static void moveSequencePastRows(Connection connection, Table table) throws SQLException {
    try (Statement statement = connection.createStatement()) {
      statement.execute("SELECT setval(pg_get_serial_sequence('" + table.name() + "', '" + table.identity() + "'),"
          + " COALESCE((SELECT MAX(" + table.identity() + ") FROM " + table.name() + "), 0) + 1, false)");
    }
  }

  /** Deletes every row of every table, children first, in the caller's transaction. */
  static void deleteEveryRow(Connection connection, TableSchema schema) throws SQLException {
    List<Table> childrenFirst = new ArrayList<>(schema.tables());
    Collections.reverse(childrenFirst);
    for (Table table : childrenFirst) {
      try (Statement statement = connection.createStatement()) {
        statement.executeUpdate("DELETE FROM " + table.name());
      }
    }
  }
}
