package org.thinkpress.storage;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class DatabaseTest {

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
      assertThat(applied).isEqualTo(8); // V1, V10, V20, V30, V31, V32, V33, V34
    }
  }
}
