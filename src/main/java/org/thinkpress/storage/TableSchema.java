package org.thinkpress.storage;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The tables of ThinkPress's schema as the database describes them (JDBC metadata), in an order
 * that inserts every referenced row before the rows that refer to it. What a backup copies and a
 * restore writes back: every table but the migration history and the database's own.
 */
final class TableSchema {

  /** How a column's values are written in a backup, whatever the database calls the type. */
  enum Kind { INTEGER, BOOLEAN, TEXT }

  record Column(String name, Kind kind, boolean nullable) {}

  /**
   * One table.
   *
   * @param key the primary key's columns (the dump's order), or every column when it has none
   * @param selfReferences columns referring to this same table (a region's parent): restored as
   *     NULL first and set once every row is in, so the rows' order does not matter
   * @param identity the identity column whose sequence a restore moves past the restored ids, or
   *     null
   */
  record Table(String name, List<Column> columns, List<String> key, Set<String> selfReferences, String identity) {
    Column column(String columnName) {
      return columns.stream().filter(c -> c.name().equals(columnName)).findFirst().orElse(null);
    }
  }

  private static final Set<String> NOT_COPIED = Set.of("flyway_schema_history");

  private final List<Table> tables;

  private TableSchema(List<Table> tables) {
    this.tables = List.copyOf(tables);
  }

  /** Every table, parents before children. */
  List<Table> tables() {
    return tables;
  }

  Table table(String name) {
    return tables.stream().filter(t -> t.name().equals(name)).findFirst().orElse(null);
  }

  static TableSchema read(Connection connection, Dialect dialect) throws SQLException {
    DatabaseMetaData meta = connection.getMetaData();
    String schema = dialect == Dialect.POSTGRESQL ? connection.getSchema() : null;
    Map<String, Table> byName = new TreeMap<>();
    Map<String, Set<String>> parents = new TreeMap<>();
    for (String name : tableNames(meta, schema)) {
      List<Column> columns = new ArrayList<>();
      String identity = null;
      try (ResultSet rs = meta.getColumns(null, schema, name, null)) {
        while (rs.next()) {
          String column = rs.getString("COLUMN_NAME").toLowerCase(Locale.ROOT);
          columns.add(new Column(column, kind(rs.getString("TYPE_NAME")), rs.getInt("NULLABLE") != DatabaseMetaData.columnNoNulls));
          if ("YES".equals(rs.getString("IS_AUTOINCREMENT"))) {
            identity = column;
          }
        }
      }
      List<String> key = primaryKey(meta, schema, name);
      if (identity == null && key.size() == 1 && key.get(0).equals("id") && dialect == Dialect.SQLITE) {
        identity = "id"; // INTEGER PRIMARY KEY AUTOINCREMENT, which the driver does not always flag
      }
      Set<String> selfReferences = new LinkedHashSet<>();
      Set<String> referenced = new LinkedHashSet<>();
      try (ResultSet rs = meta.getImportedKeys(null, schema, name)) {
        while (rs.next()) {
          String parent = rs.getString("PKTABLE_NAME").toLowerCase(Locale.ROOT);
          if (parent.equals(name)) {
            selfReferences.add(rs.getString("FKCOLUMN_NAME").toLowerCase(Locale.ROOT));
          } else {
            referenced.add(parent);
          }
        }
      }
      List<String> order = key.isEmpty() ? columns.stream().map(Column::name).toList() : key;
      byName.put(name, new Table(name, List.copyOf(columns), order, Set.copyOf(selfReferences), identity));
      parents.put(name, referenced);
    }
    return new TableSchema(parentsFirst(byName, parents));
  }

  private static List<String> tableNames(DatabaseMetaData meta, String schema) throws SQLException {
    List<String> names = new ArrayList<>();
    try (ResultSet rs = meta.getTables(null, schema, "%", new String[] {"TABLE"})) {
      while (rs.next()) {
        String name = rs.getString("TABLE_NAME").toLowerCase(Locale.ROOT);
        if (!NOT_COPIED.contains(name) && !name.startsWith("sqlite_")) {
          names.add(name);
        }
      }
    }
    return names;
  }

  private static List<String> primaryKey(DatabaseMetaData meta, String schema, String table) throws SQLException {
    Map<Integer, String> columns = new TreeMap<>();
    try (ResultSet rs = meta.getPrimaryKeys(null, schema, table)) {
      while (rs.next()) {
        columns.put(rs.getInt("KEY_SEQ"), rs.getString("COLUMN_NAME").toLowerCase(Locale.ROOT));
      }
    }
    return List.copyOf(columns.values());
  }

  /** SQLite reports the declared type ({@code BIGINT}, {@code BOOLEAN}), PostgreSQL its own ({@code int8}, {@code bool}). */
  static Kind kind(String typeName) {
    String type = typeName == null ? "" : typeName.toLowerCase(Locale.ROOT);
    if (type.startsWith("bool")) {
      return Kind.BOOLEAN;
    }
    if (type.contains("int") || type.equals("serial") || type.equals("bigserial")) {
      return Kind.INTEGER;
    }
    return Kind.TEXT;
  }

  private static List<Table> parentsFirst(Map<String, Table> tables, Map<String, Set<String>> parents) {
    List<Table> ordered = new ArrayList<>();
    Set<String> done = new LinkedHashSet<>();
    Set<String> visiting = new LinkedHashSet<>();
    for (String name : tables.keySet()) {
      visit(name, tables, parents, done, visiting, ordered);
    }
    return ordered;
  }

  private static void visit(String name, Map<String, Table> tables, Map<String, Set<String>> parents, Set<String> done,
                            Set<String> visiting, List<Table> ordered) {
    if (done.contains(name) || !tables.containsKey(name)) {
      return;
    }
    if (!visiting.add(name)) {
      throw new StorageException("The tables refer to each other in a loop through " + name
          + "; a restore could not order them");
    }
    for (String parent : parents.getOrDefault(name, Set.of())) {
      visit(parent, tables, parents, done, visiting, ordered);
    }
    visiting.remove(name);
    done.add(name);
    ordered.add(tables.get(name));
  }

  /** The column names and kinds, as the backup's header of a table records them. */
  static Map<String, Kind> describe(Table table) {
    Map<String, Kind> columns = new LinkedHashMap<>();
    table.columns().forEach(c -> columns.put(c.name(), c.kind()));
    return columns;
  }
}
