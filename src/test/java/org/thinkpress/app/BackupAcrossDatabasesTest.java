package org.thinkpress.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;
import org.junit.jupiter.api.io.TempDir;
import org.thinkpress.storage.Backup;
import org.thinkpress.storage.DatabaseRows;
import org.thinkpress.storage.Restore;
import org.thinkpress.storage.TestDatabase;

/**
 * Moving up from SQLite to PostgreSQL, and back, through backup and restore: every row of every
 * table arrives, compared row by row, and every upload.
 */
@EnabledIfEnvironmentVariable(named = TestDatabase.POSTGRES_URL_VARIABLE, matches = ".+")
class BackupAcrossDatabasesTest {

  @TempDir
  Path temp;

  private static Path backUp(Installation installation, Path file) {
    new Backups(installation.config(), Clock.systemUTC())
        .write(installation.app().database(), file, false, Backup.Progress.NONE);
    return file;
  }

  private static void restore(Path file, Installation into) {
    try (Restore archive = Restore.open(file, Backup.Progress.NONE)) {
      new Backups(into.config(), Clock.systemUTC()).restore(archive, into.app().database(), false, Backup.Progress.NONE);
    }
  }

  private static Map<String, List<String>> withoutOutbox(Map<String, List<String>> rows) {
    Map<String, List<String>> copy = new TreeMap<>(rows);
    copy.remove("outbox"); // waiting rows are held by the first restore; compared on their own below
    copy.remove("published_events"); // and pending events handled
    copy.remove("newsletter_state"); // and the digests' schedule resumed
    return copy;
  }

  @Test
  void sqliteToPostgresToSqliteKeepsEveryRowAndFile() throws Exception {
    try (TestDatabase postgres = TestDatabase.postgres();
         Installation sqlite = Installation.open(temp.resolve("sqlite"), null)) {
      Installation.Filled filled = sqlite.fill();
      Map<String, List<String>> original = DatabaseRows.of(sqlite.app().database());
      Path first = backUp(sqlite, temp.resolve("from-sqlite.zip"));

      Map<String, List<String>> onPostgres;
      try (Installation moved = Installation.open(temp.resolve("postgres"), postgres.url())) {
        restore(first, moved);
        onPostgres = new TreeMap<>(DatabaseRows.of(moved.app().database()));
        assertThat(withoutOutbox(onPostgres)).isEqualTo(withoutOutbox(original));
        assertThat(onPostgres.get("outbox")).hasSameSizeAs(original.get("outbox"));
        backUp(moved, temp.resolve("from-postgres.zip"));
      }

      try (Installation back = Installation.open(temp.resolve("sqlite-again"), null)) {
        restore(temp.resolve("from-postgres.zip"), back);
        Map<String, List<String>> backOnSqlite = new TreeMap<>(DatabaseRows.of(back.app().database()));
        backOnSqlite.remove("newsletter_state"); // each restore resumes the digests at its own time
        onPostgres.remove("newsletter_state");
        assertThat(backOnSqlite).isEqualTo(onPostgres);
        assertThat(Files.readAllBytes(back.dataDir().resolve("uploads").resolve(filled.uploadName())))
            .isEqualTo(filled.uploadBytes());
      }
    }
  }
}
