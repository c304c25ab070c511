package org.thinkpress.storage;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Optional;
import java.util.Properties;
import org.sqlite.SQLiteErrorCode;
import org.sqlite.SQLiteException;

/**
 * The SQLite database file, as the start sees it: its folder made, the file checked for writing
 * before anything else runs, and SQLite's failures told as an operator acts on them (locked by
 * another process, not writable, disk full, damaged): one line naming the file and what to do.
 */
final class SqliteFile {

  /**
   * How long the start waits for another process's write transaction to end, where a running
   * server waits {@code busy_timeout} (10 s) for a queued writer: a write lock still held after
   * two seconds at start is a process holding the file (a sqlite3 shell, a backup, a long import),
   * which waiting the full timeout would only report later.
   */
  static final int START_LOCK_WAIT_MILLIS = 2_000;

  /** Below this, a disk that fails a write is taken to be full: SQLite's pages and files need more. */
  private static final long FULL_BELOW_BYTES = 1024 * 1024;

  private final String url;
  private final Path file;

  private SqliteFile(String url, Path file) {
    this.url = url;
    this.file = file;
  }

  /** The file of a {@code jdbc:sqlite:} URL; empty for an in-memory database or a {@code file:} URI. */
  static Optional<SqliteFile> of(String url) {
    String name = url.substring("jdbc:sqlite:".length());
    int query = name.indexOf('?');
    if (query >= 0) {
      name = name.substring(0, query);
    }
    if (name.isEmpty() || name.startsWith(":memory:") || name.startsWith("file:")) {
      return Optional.empty();
    }
    return Optional.of(new SqliteFile(url, Path.of(name).toAbsolutePath()));
  }

  Path file() {
    return file;
  }

  /** Creates the file's folder when missing. */
  void createFolder() {
    Path folder = file.getParent();
    try {
      Files.createDirectories(folder);
    } catch (IOException e) {
      throw new StorageException("Cannot create the database folder " + folder + ": " + reason(e)
          + "; make its parent writable, or point data.dir (or database.url) at a writable folder", e);
    }
  }

  /**
   * Takes the write lock and writes (the header's {@code user_version}, unchanged) on a connection
   * of its own, so that a file that another process holds, that cannot be written, or whose disk is
   * full stops the start at once, before the pool, the migrations and the services each fail on it.
   */
  void checkWritable(Properties connectionProperties) {
    Properties properties = new Properties();
    properties.putAll(connectionProperties);
    properties.setProperty("busy_timeout", Integer.toString(START_LOCK_WAIT_MILLIS));
    try (Connection connection = DriverManager.getConnection(url, properties);
         Statement statement = connection.createStatement()) {
      statement.execute("BEGIN IMMEDIATE");
      try {
        int version;
        try (ResultSet row = statement.executeQuery("PRAGMA user_version")) {
          version = row.getInt(1);
        }
        statement.execute("PRAGMA user_version = " + version);
        statement.execute("COMMIT");
      } catch (SQLException e) {
        rollBack(statement, e);
        throw e;
      }
    } catch (SQLException e) {
      throw explain(e).orElseGet(() -> new StorageException("Cannot open the database at " + url + ": " + e.getMessage(), e));
    }
  }

  private static void rollBack(Statement statement, SQLException failure) {
    try {
      statement.execute("ROLLBACK");
    } catch (SQLException e) {
      failure.addSuppressed(e); // SQLite may have rolled back already (a full disk does)
    }
  }

  /**
   * {@code failure} as an operator should read it, when SQLite's error (anywhere in its causes)
   * is one of the file's: locked, not writable, disk full, damaged; empty for any other failure.
   */
  Optional<StorageException> explain(Throwable failure) {
    SQLiteException sqlite = sqliteCause(failure);
    if (sqlite == null) {
      return Optional.empty();
    }
    int primary = sqlite.getResultCode().code & 0xFF;
    String message;
    if (primary == SQLiteErrorCode.SQLITE_BUSY.code || primary == SQLiteErrorCode.SQLITE_LOCKED.code) {
      message = "The database file " + file + " is locked by another process (which holds a write transaction);"
          + " end that transaction or stop that process (a sqlite3 shell, a backup, another thinkpress command),"
          + " then start again";
    } else if (primary == SQLiteErrorCode.SQLITE_FULL.code
        || primary == SQLiteErrorCode.SQLITE_IOERR.code && usableBytes() < FULL_BELOW_BYTES) {
      message = "The disk holding the database file " + file + " is full; free some space there, or point data.dir"
          + " (or database.url) at another disk, then start again";
    } else if (primary == SQLiteErrorCode.SQLITE_READONLY.code || primary == SQLiteErrorCode.SQLITE_PERM.code
        || primary == SQLiteErrorCode.SQLITE_CANTOPEN.code && !Files.isWritable(file.getParent())) {
      message = notWritable(sqlite);
    } else if (primary == SQLiteErrorCode.SQLITE_CANTOPEN.code) {
      message = "Cannot open the database file " + file + (Files.isDirectory(file) ? ": it is a folder" : "")
          + " (" + sqlite.getResultCode().name() + "); point database.url at a file ThinkPress may read and write";
    } else if (primary == SQLiteErrorCode.SQLITE_IOERR.code) {
      message = "Cannot read or write the database file " + file + ": a disk I/O error (" + sqlite.getResultCode().name()
          + "); check the disk it is on";
    } else if (primary == SQLiteErrorCode.SQLITE_CORRUPT.code || primary == SQLiteErrorCode.SQLITE_NOTADB.code) {
      message = "The database file " + file + " is damaged or not a SQLite database (" + sqlite.getResultCode().name()
          + "); restore it from a backup, or point database.url at the right file";
    } else {
      return Optional.empty();
    }
    return Optional.of(new StorageException(message, failure));
  }

  private String notWritable(SQLiteException sqlite) {
    Path folder = file.getParent();
    if (!Files.isWritable(folder)) {
      return "The database file " + file + " cannot be written: its folder " + folder + " is not writable; make it"
          + " writable, or point data.dir (or database.url) at a writable folder";
    }
    if (Files.exists(file) && !Files.isWritable(file)) {
      return "The database file " + file + " is read-only; make it writable, or point database.url at another file";
    }
    return "The database file " + file + " cannot be written (" + sqlite.getResultCode().name() + "); check that"
        + " ThinkPress may write it, its -wal and -shm files and its folder " + folder;
  }

  private long usableBytes() {
    try {
      return Files.getFileStore(file.getParent()).getUsableSpace();
    } catch (IOException e) {
      return Long.MAX_VALUE; // cannot tell: not called full
    }
  }

  private static SQLiteException sqliteCause(Throwable failure) {
    for (Throwable cause = failure; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
      if (cause instanceof SQLiteException sqlite) {
        return sqlite;
      }
    }
    return null;
  }

  private static String reason(IOException e) {
    if (e instanceof FileAlreadyExistsException) {
      return "a file is in the way";
    }
    if (e instanceof AccessDeniedException) {
      return "permission denied";
    }
    if (e instanceof FileSystemException system && system.getReason() != null) {
      return system.getReason();
    }
    return e.getMessage();
  }
}
