package org.thinkpress.storage;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Comparator;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * A fresh, migrated database for one test: a SQLite file in a temporary folder, or a schema of its
 * own on the PostgreSQL named by {@code THINKPRESS_TEST_POSTGRES_URL}. Closing it removes it.
 */
public final class TestDatabase implements AutoCloseable {

  /** The environment variable that turns the PostgreSQL variants of store tests on. */
  public static final String POSTGRES_URL_VARIABLE = "THINKPRESS_TEST_POSTGRES_URL";

  private final Database database;
  private final Runnable cleanup;
  private final String url;

  private TestDatabase(String url, Runnable cleanup) {
    this.url = url;
    this.database = Database.open(new DatabaseSettings(url, "", "", 4));
    this.cleanup = cleanup;
    database.migrate();
  }

  public static TestDatabase sqlite() {
    try {
      Path folder = Files.createTempDirectory("thinkpress-test-");
      return new TestDatabase("jdbc:sqlite:" + folder.resolve("test.db"), () -> deleteTree(folder));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A schema of its own on the test PostgreSQL; only call when {@link #postgresAvailable()}. */
  public static TestDatabase postgres() {
    String base = System.getenv(POSTGRES_URL_VARIABLE);
    String schema = "tp_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
    execute(base, "CREATE SCHEMA " + schema);
    String url = base + (base.contains("?") ? "&" : "?") + "currentSchema=" + schema;
    return new TestDatabase(url, () -> execute(base, "DROP SCHEMA " + schema + " CASCADE"));
  }

  public static boolean postgresAvailable() {
    String url = System.getenv(POSTGRES_URL_VARIABLE);
    return url != null && !url.isBlank();
  }

  public static TestDatabase of(Dialect dialect) {
    return dialect == Dialect.SQLITE ? sqlite() : postgres();
  }

  public Database database() {
    return database;
  }

  public String url() {
    return url;
  }

  @Override
  public void close() {
    database.close();
    cleanup.run();
  }

  private static void execute(String url, String sql) {
    try (Connection connection = DriverManager.getConnection(url); Statement statement = connection.createStatement()) {
      statement.execute(sql);
    } catch (SQLException e) {
      throw new IllegalStateException("On " + url + ": " + sql + ": " + e.getMessage(), e);
    }
  }

  private static void deleteTree(Path folder) {
    try (Stream<Path> paths = Files.walk(folder)) {
      paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
