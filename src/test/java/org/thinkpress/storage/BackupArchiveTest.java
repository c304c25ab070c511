package org.thinkpress.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Collections;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The archive itself: what a restore refuses before it writes anything (damage of every kind, a
 * newer schema), and what a backup does when it cannot write (a name taken, no folder, a full or
 * read-only disk): a message naming the file and the cause, and no half-written archive.
 */
class BackupArchiveTest {

  private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-12-02T10:00:00Z"), ZoneOffset.UTC);

  @TempDir
  Path temp;

  private TestDatabase source;
  private TestDatabase target;
  private Path uploads;

  @BeforeEach
  void givenADatabaseWithRowsAndAnUpload() throws IOException {
    source = TestDatabase.sqlite();
    source.database().jdbi().useHandle(handle -> {
      handle.execute("INSERT INTO topics (slug, name, position, created_at, changed_at) VALUES ('energy', 'Energy', 0, 1, 1)");
      handle.execute("INSERT INTO regions (slug, name, position, created_at, changed_at) VALUES ('armenia', 'Armenia', 1, 1, 1)");
      handle.execute("INSERT INTO regions (slug, name, parent_id, position, created_at, changed_at)"
          + " VALUES ('yerevan', 'Yerevan', NULL, 2, 1, 1)");
      handle.execute("INSERT INTO regions (slug, name, position, created_at, changed_at) VALUES ('caucasus', 'Caucasus', 0, 1, 1)");
      // a parent with a larger id than its child: the restore cannot rely on the rows' order
      handle.execute("UPDATE regions SET parent_id = (SELECT id FROM regions WHERE slug = 'caucasus') WHERE slug = 'armenia'");
      handle.execute("UPDATE regions SET parent_id = (SELECT id FROM regions WHERE slug = 'armenia') WHERE slug = 'yerevan'");
      handle.execute("INSERT INTO settings (name, value) VALUES ('site.title', 'Институт «Меридиан» & <b>co</b>')");
    });
    uploads = Files.createDirectories(temp.resolve("uploads"));
    Files.write(uploads.resolve("0123456789abcdef0123456789abcdef.png"), new byte[] {(byte) 0x89, 'P', 'N', 'G', 1, 2, 3});
    Files.write(uploads.resolve("upload-123.part"), new byte[] {1}); // an upload being written: left out
    target = TestDatabase.sqlite();
  }

  @AfterEach
  void closeDatabases() {
    source.close();
    target.close();
  }

  private Backup.Contents contents() {
    return new Backup.Contents(List.of(new Backup.Folder("uploads", uploads)), List.of(), Map.of("site.url", "https://x"),
        "ThinkPress test");
  }

  private Path backup(String name) {
    Path file = temp.resolve(name);
    Backup.write(source.database(), file, contents(), CLOCK, Backup.Progress.NONE);
    return file;
  }

  private Restore.Restored restore(Path file, Path uploadsInto) {
    try (Restore archive = Restore.open(file, Backup.Progress.NONE)) {
      return archive.into(target.database(), false, Map.of("uploads", uploadsInto), List.of(), Backup.Progress.NONE);
    }
  }

  @Test
  void aRestoreGivesTheSameRowsAndFilesWhateverTheOrderOfParentsAndChildren() throws IOException {
    Path file = backup("backup.zip");
    Path restoredUploads = temp.resolve("restored/uploads");

    Restore.Restored restored = restore(file, restoredUploads);

    assertThat(DatabaseRows.of(target.database())).isEqualTo(DatabaseRows.of(source.database()));
    assertThat(restored.files()).isEqualTo(1);
    try (Stream<Path> files = Files.list(restoredUploads)) {
      assertThat(files.map(p -> p.getFileName().toString())).containsExactly("0123456789abcdef0123456789abcdef.png");
    }
    try (Stream<Path> siblings = Files.list(restoredUploads.getParent())) {
      assertThat(siblings.map(p -> p.getFileName().toString())).containsExactly("uploads");
    }
  }

  @Test
  void aChangedByteIsFoundBeforeAnythingIsWritten() throws IOException {
    Path file = rewritten(backup("backup.zip"), Map.of("tables/topics.jsonl",
        bytes -> new String(bytes, StandardCharsets.UTF_8).replace("Energy", "Enerjy").getBytes(StandardCharsets.UTF_8)));
    Map<String, List<String>> before = DatabaseRows.of(target.database());

    assertThatThrownBy(() -> restore(file, temp.resolve("restored/uploads")))
        .isInstanceOf(BackupException.class)
        .hasMessage(file + " is damaged: the checksum of tables/topics.jsonl does not match its manifest; nothing was"
            + " restored");
    assertThat(DatabaseRows.of(target.database())).isEqualTo(before);
    assertThat(temp.resolve("restored")).doesNotExist();
  }

  @Test
  void anEntryTheManifestDoesNotListIsRefused() throws IOException {
    Path file = rewritten(backup("backup.zip"), Map.of("files/uploads/../../evil.sh", bytes -> new byte[] {1}));

    assertThatThrownBy(() -> restore(file, temp.resolve("restored/uploads")))
        .isInstanceOf(BackupException.class)
        .hasMessage(file + " is damaged: it holds files/uploads/../../evil.sh, which its manifest does not list;"
            + " nothing was restored");
  }

  @Test
  void aFileThatIsNoBackupIsNamedAsSuch() throws IOException {
    Path text = Files.writeString(temp.resolve("notes.zip"), "not a zip");
    Map<String, UnaryOperator<byte[]>> removeManifest = new java.util.HashMap<>();
    removeManifest.put(BackupManifest.ENTRY, null);
    Path zip = rewritten(backup("backup.zip"), removeManifest);

    assertThatThrownBy(() -> restore(text, temp.resolve("r"))).hasMessage(text + " is not a ThinkPress backup (not a zip archive)");
    assertThatThrownBy(() -> restore(zip, temp.resolve("r")))
        .hasMessage(zip + " is not a ThinkPress backup: it has no manifest.json");
    assertThatThrownBy(() -> restore(temp.resolve("absent.zip"), temp.resolve("r")))
        .hasMessage("Cannot restore " + temp.resolve("absent.zip") + ": no such file");
  }

  @Test
  void anArchiveOfANewerSchemaIsRefused() throws IOException {
    Path file = rewritten(backup("backup.zip"), Map.of(BackupManifest.ENTRY, bytes -> new String(bytes, StandardCharsets.UTF_8)
        .replace("\"schemaVersion\" : " + Database.SCHEMA_VERSION, "\"schemaVersion\" : " + (Database.SCHEMA_VERSION + 1))
        .getBytes(StandardCharsets.UTF_8)));

    assertThatThrownBy(() -> restore(file, temp.resolve("r")))
        .hasMessage(file + " was taken at schema version " + (Database.SCHEMA_VERSION + 1) + " by ThinkPress ThinkPress test;"
            + " this ThinkPress knows schema " + Database.SCHEMA_VERSION + ": restore it with that version or a newer one");
  }

  @Test
  void aRowTheDatabaseRefusesRollsTheWholeRestoreBack() throws IOException {
    // a second topic with the same slug: the checksums are right, the unique constraint is not
    Path file = rewritten(backup("backup.zip"), Map.of("tables/topics.jsonl", bytes -> {
      String text = new String(bytes, StandardCharsets.UTF_8);
      String row = text.substring(text.indexOf('\n') + 1);
      return (text + row.replaceFirst("^\\[1,", "[2,")).getBytes(StandardCharsets.UTF_8);
    }), true);
    Map<String, List<String>> before = DatabaseRows.of(target.database());

    assertThatThrownBy(() -> restore(file, temp.resolve("restored/uploads")))
        .isInstanceOf(BackupException.class)
        .hasMessageStartingWith("Cannot restore " + file + " into " + target.database().url() + ": ")
        .hasMessageContaining("UNIQUE constraint failed: topics.slug")
        .hasMessageEndingWith("; nothing was restored");
    assertThat(DatabaseRows.of(target.database())).isEqualTo(before);
    try (Stream<Path> left = Files.list(temp.resolve("restored"))) {
      assertThat(left).isEmpty();
    }
  }

  @Test
  void aBackupNeverOverwritesAFile() throws IOException {
    Path existing = Files.writeString(temp.resolve("existing.zip"), "keep me");

    assertThatThrownBy(() -> Backup.write(source.database(), existing, contents(), CLOCK, Backup.Progress.NONE))
        .hasMessage(existing + " exists already; give a new file name (a backup never overwrites one)");
    assertThat(Files.readString(existing)).isEqualTo("keep me");
  }

  @Test
  void aMissingFolderIsNamed() {
    Path file = temp.resolve("no/such/folder/backup.zip");

    assertThatThrownBy(() -> Backup.write(source.database(), file, contents(), CLOCK, Backup.Progress.NONE))
        .hasMessage("Cannot write the backup " + file + ": the folder " + file.getParent() + " does not exist");
  }

  @Test
  void aFullDiskLeavesNothingUnderTheNameAskedFor() throws IOException {
    Path small = mount("size=16k");
    try {
      Files.write(uploads.resolve("ffffffffffffffffffffffffffffffff.png"), randomBytes(64 * 1024));
      Path file = small.resolve("backup.zip");

      assertThatThrownBy(() -> Backup.write(source.database(), file, contents(), CLOCK, Backup.Progress.NONE))
          .isInstanceOf(BackupException.class)
          .hasMessage("Cannot write the backup " + file + ": the disk is full; nothing was written under that name");
      try (Stream<Path> left = Files.list(small)) {
        assertThat(left).isEmpty();
      }
    } finally {
      unmount(small);
    }
  }

  @Test
  void aReadOnlyFolderIsNamed() throws IOException {
    Path readOnly = mount("ro,size=16k");
    try {
      Path file = readOnly.resolve("backup.zip");

      assertThatThrownBy(() -> Backup.write(source.database(), file, contents(), CLOCK, Backup.Progress.NONE))
          .hasMessage("Cannot write the backup " + file + ": the file system of " + readOnly + " is read-only;"
              + " nothing was written under that name");
    } finally {
      unmount(readOnly);
    }
  }

  // --- helpers ---------------------------------------------------------------------------------

  /** The archive with some entries replaced (null: removed), the manifest left as it was. */
  private Path rewritten(Path archive, Map<String, UnaryOperator<byte[]>> changes) throws IOException {
    return rewritten(archive, changes, false);
  }

  /** The same; with {@code fixChecksums}, the manifest's sizes and checksums follow the changes. */
  private Path rewritten(Path archive, Map<String, UnaryOperator<byte[]>> changes, boolean fixChecksums) throws IOException {
    Map<String, byte[]> entries = new LinkedHashMap<>();
    try (ZipFile zip = new ZipFile(archive.toFile())) {
      for (ZipEntry entry : Collections.list(zip.entries())) {
        try (InputStream in = zip.getInputStream(entry)) {
          entries.put(entry.getName(), in.readAllBytes());
        }
      }
    }
    for (Map.Entry<String, UnaryOperator<byte[]>> change : changes.entrySet()) {
      if (change.getValue() == null) {
        entries.remove(change.getKey());
      } else {
        entries.put(change.getKey(), change.getValue().apply(entries.getOrDefault(change.getKey(), new byte[0])));
      }
    }
    if (fixChecksums) {
      var json = new com.fasterxml.jackson.databind.ObjectMapper();
      var manifest = (com.fasterxml.jackson.databind.node.ObjectNode) json.readTree(entries.get(BackupManifest.ENTRY));
      for (var table : manifest.get("tables")) {
        String name = table.get("entry").asText();
        if (changes.containsKey(name)) {
          ((com.fasterxml.jackson.databind.node.ObjectNode) table).put("bytes", entries.get(name).length)
              .put("sha256", sha256(entries.get(name)));
        }
      }
      entries.put(BackupManifest.ENTRY, json.writeValueAsBytes(manifest));
    }
    Path changed = temp.resolve("changed-" + archive.getFileName());
    try (OutputStream file = Files.newOutputStream(changed); ZipOutputStream zip = new ZipOutputStream(file)) {
      for (Map.Entry<String, byte[]> entry : entries.entrySet()) {
        zip.putNextEntry(new ZipEntry(entry.getKey()));
        zip.write(entry.getValue());
        zip.closeEntry();
      }
    }
    return changed;
  }

  private static String sha256(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private static byte[] randomBytes(int size) {
    byte[] bytes = new byte[size];
    new java.util.Random(7).nextBytes(bytes);
    return bytes;
  }

  /**
   * A tmpfs of its own (a full disk, a read-only one): the tests run as root, for whom folder
   * permissions refuse nothing. Skipped where mounting is not possible, except when {@code CI=true}.
   */
  private Path mount(String options) throws IOException {
    Path point = Files.createDirectories(temp.resolve("mount-" + options.replace(',', '-').replace('=', '-')));
    int status = command("mount", "-t", "tmpfs", "-o", options, "tmpfs", point.toString());
    if (status != 0) {
      if ("true".equalsIgnoreCase(System.getenv("CI"))) {
        throw new IllegalStateException("CI=true but mounting a tmpfs failed: the disk-full and read-only tests need root");
      }
      Assumptions.abort("mounting a tmpfs needs root; skipped (mandatory when CI=true)");
    }
    return point;
  }

  private static void unmount(Path point) {
    command("umount", point.toString());
  }

  private static int command(String... words) {
    try {
      Process process = new ProcessBuilder(words).redirectErrorStream(true).start();
      process.getInputStream().transferTo(new ByteArrayOutputStream());
      return process.waitFor();
    } catch (IOException e) {
      return -1;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return -1;
    }
  }
}
