package org.thinkpress.storage;

import static java.util.Objects.requireNonNull;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Properties;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationVersion;
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
 * failing halfway; the file is checked for writing before the pool opens ({@link SqliteFile}).
 * PostgreSQL is used as it comes.
 */
public final class Database implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(Database.class);

  private final HikariDataSource dataSource;
  private final Dialect dialect;
  private final DatabaseSettings settings;
  private final Jdbi jdbi;
  /** The SQLite file, for telling its faults; null on PostgreSQL and in memory. */
  private final SqliteFile sqliteFile;

  private Database(HikariDataSource dataSource, Dialect dialect, DatabaseSettings settings, SqliteFile sqliteFile) {
    this.dataSource = dataSource;
    this.dialect = dialect;
    this.settings = settings;
    this.sqliteFile = sqliteFile;
    this.jdbi = Jdbi.create(dataSource);
    // Statements share one binder per query shape; a parameter a variant leaves out is not an error.
    this.jdbi.getConfig(SqlStatements.class).setUnusedBindingAllowed(true);
  }

  /**
   * Opens a pool on the configured database. For SQLite, creates the file's folder when missing and
   * first checks, on a connection of its own, that the file can be written now: a file locked by
   * another process (after {@link SqliteFile#START_LOCK_WAIT_MILLIS}), not writable, or on a full
   * disk fails here with one {@link StorageException} naming the file and what to do.
   */
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
    SqliteFile file = null;
    if (dialect == Dialect.SQLITE) {
      file = SqliteFile.of(settings.url()).orElse(null);
      if (file != null) {
        file.createFolder();
        file.checkWritable(sqliteProperties());
      }
      hikari.setDataSourceProperties(sqliteProperties());
    }
    try {
      return new Database(new HikariDataSource(hikari), dialect, settings, file);
    } catch (RuntimeException e) {
      StorageException explained = file == null ? null : file.explain(e).orElse(null);
      throw explained != null ? explained
          : new StorageException("Cannot open the database at " + settings.url() + ": " + rootMessage(e), e);
    }
  }

  /**
   * {@code failure} as an operator should read it: a fault of the SQLite file (locked by another
   * process, not writable, disk full, damaged) becomes one {@link StorageException} naming the file
   * and what to do; any other failure is returned as it is. For the start, where such a fault may
   * surface in whichever service first writes.
   */
  public RuntimeException explained(RuntimeException failure) {
    if (sqliteFile == null) {
      return failure;
    }
    return sqliteFile.explain(failure).<RuntimeException>map(explained -> explained).orElse(failure);
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

  /**
   * The newest migration this build carries ({@code V31__...sql}). A test checks it against the
   * files in {@code db/migration}, so adding a migration without raising it fails the build.
   */
  public static final int SCHEMA_VERSION = 42;

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
    migrateWithFlyway(null);
  }

  /**
   * Applies the migrations up to {@code version} and no further: a restore puts a backup's rows
   * into the schema they were taken in, then migrates them with the rest.
   */
  void migrateTo(int version) {
    if (appliedVersion() < version) {
      migrateWithFlyway(MigrationVersion.fromVersion(Integer.toString(version)));
    }
  }

  /** The newest schema version applied to this database, 0 when it has none yet. */
  int appliedVersion() {
    try (Connection connection = dataSource.getConnection();
         Statement statement = connection.createStatement();
         ResultSet rows = statement.executeQuery("SELECT version FROM flyway_schema_history"
             + " WHERE version IS NOT NULL AND success = TRUE")) {
      int newest = 0;
      while (rows.next()) {
        newest = Math.max(newest, Integer.parseInt(rows.getString(1)));
      }
      return newest;
    } catch (SQLException noHistoryYet) {
      return 0;
    }
  }

  private void migrateWithFlyway(MigrationVersion target) {
    try {
      var configuration = Flyway.configure()
          .dataSource(dataSource)
          .locations("classpath:db/migration")
          .placeholders(dialect.migrationPlaceholders())
          .mixed(true);
      if (target != null) {
        configuration.target(target);
      }
      var result = configuration.load().migrate();
      if (result.migrationsExecuted > 0) {
        log.info("Database schema migrated to version {} ({} migrations applied)",
            result.targetSchemaVersion, result.migrationsExecuted);
      }
    } catch (FlywayException e) {
      throw sqliteFile == null ? new StorageException("Cannot migrate the database schema: " + e.getMessage(), e)
          : sqliteFile.explain(e).orElseGet(() -> new StorageException("Cannot migrate the database schema: "
              + e.getMessage(), e));
    }
  }

  public Jdbi jdbi() {
    return jdbi;
  }

  /** The JDBC URL, for messages (it carries no password: that is a setting of its own). */
  public String url() {
    return settings.url();
  }

  /**
   * A connection inside a read-only transaction that sees one moment of the database while others
   * go on writing: PostgreSQL's {@code REPEATABLE READ}; on SQLite a deferred transaction on a
   * connection of its own (the pool's begin {@code IMMEDIATE}, which would hold the write lock for
   * as long as the reading takes). The caller closes it; nothing it does is committed.
   */
  Connection snapshot() throws SQLException {
    Connection connection;
    if (dialect == Dialect.SQLITE) {
      Properties properties = sqliteProperties();
      properties.setProperty("transaction_mode", "DEFERRED");
      connection = DriverManager.getConnection(settings.url(), properties);
    } else {
      connection = dataSource.getConnection();
      connection.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
      connection.setReadOnly(true);
    }
    connection.setAutoCommit(false);
    return connection;
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
