package org.thinkpress.storage;

import static java.util.Objects.requireNonNull;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Properties;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.SqlStatements;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An open database: a connection pool, a {@link Jdbi} on top of it, and the schema migrations.
 *
 * <p>SQLite runs in WAL mode with foreign keys on, a busy timeout, and write transactions that
 * take the write lock when they begin ({@code BEGIN IMMEDIATE}), so two writers queue instead of
 * failing halfway. PostgreSQL is used as it comes.
 */
public final class Database implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(Database.class);

  private final HikariDataSource dataSource;
  private final Dialect dialect;
  private final Jdbi jdbi;

  private Database(HikariDataSource dataSource, Dialect dialect) {
    this.dataSource = dataSource;
    this.dialect = dialect;
    this.jdbi = Jdbi.create(dataSource);
    // Statements share one binder per query shape; a parameter a variant leaves out is not an error.
    this.jdbi.getConfig(SqlStatements.class).setUnusedBindingAllowed(true);
  }

  /** Opens a pool on the configured database; creates the SQLite file's folder when missing. */
  public static Database open(DatabaseSettings settings) {
    requireNonNull(settings, "settings");
    Dialect dialect = settings.dialect();
    HikariConfig hikari = new HikariConfig();
    hikari.setJdbcUrl(settings.url());
    hikari.setPoolName("thinkpress-db");
    hikari.setMaximumPoolSize(settings.maxPoolSize());
    hikari.setMinimumIdle(1);
    if (!settings.user().isEmpty()) {
      hikari.setUsername(settings.user());
    }
    if (!settings.password().isEmpty()) {
      hikari.setPassword(settings.password());
    }
    if (dialect == Dialect.SQLITE) {
      createSqliteFolder(settings.url());
      hikari.setDataSourceProperties(sqliteProperties());
    }
    try {
      return new Database(new HikariDataSource(hikari), dialect);
    } catch (RuntimeException e) {
      throw new StorageException("Cannot open the database at " + settings.url() + ": " + rootMessage(e), e);
    }
  }

  private static Properties sqliteProperties() {
    Properties properties = new Properties();
    properties.setProperty("journal_mode", "WAL");
    properties.setProperty("synchronous", "NORMAL");
    properties.setProperty("foreign_keys", "true");
    properties.setProperty("busy_timeout", "10000");
    properties.setProperty("transaction_mode", "IMMEDIATE");
    properties.setProperty("date_class", "INTEGER");
    return properties;
  }

  private static void createSqliteFolder(String url) {
    String file = url.substring("jdbc:sqlite:".length());
    int query = file.indexOf('?');
    if (query >= 0) {
      file = file.substring(0, query);
    }
    if (file.isEmpty() || file.startsWith(":memory:") || file.startsWith("file:")) {
      return;
    }
    Path parent = Path.of(file).toAbsolutePath().getParent();
    try {
      Files.createDirectories(parent);
    } catch (IOException e) {
      throw new StorageException("Cannot create the database folder " + parent + ": " + e.getMessage(), e);
    }
  }

  /**
   * The newest migration this build carries ({@code V31__...sql}). A test checks it against the
   * files in {@code db/migration}, so adding a migration without raising it fails the build.
   */
  public static final int SCHEMA_VERSION = 34;

  /**
   * Brings the schema up to date; safe to run at every start and from several nodes at once.
   * When the schema history already ends, successfully, at {@link #SCHEMA_VERSION}, Flyway is not
   * even loaded: that check is one query, Flyway's own costs some 400 classes and half a second
   * of every start. {@link #migrateWithFlyway()} always runs Flyway (with its checksum validation).
   */
  public void migrate() {
    if (!isCurrent()) {
      migrateWithFlyway();
    }
  }

  /** Whether the schema history's last entry is a successful migration to {@link #SCHEMA_VERSION}. */
  boolean isCurrent() {
    try (Connection connection = dataSource.getConnection();
         Statement statement = connection.createStatement();
         ResultSet last = statement.executeQuery("SELECT version, success FROM flyway_schema_history"
             + " WHERE version IS NOT NULL ORDER BY installed_rank DESC LIMIT 1")) {
      return last.next() && last.getBoolean(2) && String.valueOf(SCHEMA_VERSION).equals(last.getString(1));
    } catch (SQLException noHistoryYet) {
      return false;
    }
  }

  /** Runs Flyway: applies what is missing and validates what was applied. */
  public void migrateWithFlyway() {
    try {
      var result = Flyway.configure()
          .dataSource(dataSource)
          .locations("classpath:db/migration")
          .placeholders(dialect.migrationPlaceholders())
          .mixed(true)
          .load()
          .migrate();
      if (result.migrationsExecuted > 0) {
        log.info("Database schema migrated to version {} ({} migrations applied)",
            result.targetSchemaVersion, result.migrationsExecuted);
      }
    } catch (FlywayException e) {
      throw new StorageException("Cannot migrate the database schema: " + e.getMessage(), e);
    }
  }

  public Jdbi jdbi() {
    return jdbi;
  }

  public Dialect dialect() {
    return dialect;
  }

  public DataSource dataSource() {
    return dataSource;
  }

  @Override
  public void close() {
    dataSource.close();
  }

  private static String rootMessage(Throwable e) {
    Throwable root = e;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    return root.getMessage();
  }
}
