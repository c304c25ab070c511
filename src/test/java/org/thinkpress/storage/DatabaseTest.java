package org.thinkpress.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DatabaseTest {

  @TempDir
  Path temp;

  private static final Pattern MIGRATION = Pattern.compile("V(\\d+)__.+\\.sql");

  @Test
  void schemaVersionIsTheNewestMigration() throws IOException {
    int newest = 0;
    try (Stream<Path> files = Files.list(Path.of("src/main/resources/db/migration"))) {
      for (Path file : files.toList()) {
        Matcher name = MIGRATION.matcher(file.getFileName().toString());
        if (name.matches()) {
          newest = Math.max(newest, Integer.parseInt(name.group(1)));
        }
      }
    }
    assertThat(Database.SCHEMA_VERSION)
        .as("Database.SCHEMA_VERSION must name the newest migration in src/main/resources/db/migration")
        .isEqualTo(newest);
  }

  @Test
  void aFileLockedByAnotherProcessIsRefusedNamingItAfterAShortWait() throws Exception {
    Path file = temp.resolve("t.db");
    try (Database database = Database.open(DatabaseSettings.of("jdbc:sqlite:" + file))) {
      database.migrate();
    }
    try (Connection other = DriverManager.getConnection("jdbc:sqlite:" + file); Statement lock = other.createStatement()) {
      lock.execute("BEGIN EXCLUSIVE");

      assertThatThrownBy(() -> Database.open(DatabaseSettings.of("jdbc:sqlite:" + file)))
          .isInstanceOf(StorageException.class)
          .hasMessage("The database file " + file + " is locked by another process (which holds a write transaction);"
              + " end that transaction or stop that process (a sqlite3 shell, a backup, another thinkpress command),"
              + " then start again");
      lock.execute("ROLLBACK");
    }
    Database.open(DatabaseSettings.of("jdbc:sqlite:" + file)).close(); // once the lock is gone
  }

  @Test
  void aFileThatIsNoDatabaseIsRefusedNamingIt() throws Exception {
    Path file = temp.resolve("t.db");
    Files.writeString(file, "not a database, but long enough to be read as one's header: " + "x".repeat(200));

    assertThatThrownBy(() -> Database.open(DatabaseSettings.of("jdbc:sqlite:" + file)))
        .isInstanceOf(StorageException.class)
        .hasMessage("The database file " + file + " is damaged or not a SQLite database (SQLITE_NOTADB); restore it"
            + " from a backup, or point database.url at the right file");
  }

  @Test
  void aFolderWhereTheFileShouldBeIsRefusedNamingIt() throws Exception {
    Path file = Files.createDirectory(temp.resolve("t.db"));

    assertThatThrownBy(() -> Database.open(DatabaseSettings.of("jdbc:sqlite:" + file)))
        .isInstanceOf(StorageException.class)
        .hasMessage("Cannot open the database file " + file + ": it is a folder (SQLITE_CANTOPEN); point database.url"
            + " at a file ThinkPress may read and write");
  }

  @Test
  void aCurrentSchemaIsRecognisedAndAnEmptyOneIsNot() throws IOException {
    Path folder = Files.createTempDirectory("thinkpress-db-");
    try (Database database = Database.open(DatabaseSettings.of("jdbc:sqlite:" + folder.resolve("t.db")))) {
      assertThat(database.isCurrent()).isFalse();
      database.migrate();
      assertThat(database.isCurrent()).isTrue();
      database.migrate(); // a no-op now
      database.migrateWithFlyway(); // validates and finds nothing to do
      int applied = database.jdbi().withHandle(h -> h.createQuery("SELECT COUNT(*) FROM flyway_schema_history")
          .mapTo(Integer.class).one());
      assertThat(applied).isEqualTo(13); // V1, V10, V20, V30, V31, V32, V33, V34, V35, V40, V41, V42, V43
    }
  }
}
