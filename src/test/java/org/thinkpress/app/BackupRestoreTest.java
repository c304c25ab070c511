package org.thinkpress.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.TestInstance;
import org.thinkpress.content.PublicationInput;
import org.thinkpress.content.Status;
import org.thinkpress.storage.Backup;
import org.thinkpress.storage.BackupException;
import org.thinkpress.storage.DatabaseRows;
import org.thinkpress.storage.Dialect;
import org.thinkpress.storage.EachDatabase;
import org.thinkpress.storage.Restore;
import org.thinkpress.storage.TestDatabase;
import org.thinkpress.subscribers.SubscribeRequest;

/**
 * Backup and restore of a whole installation, on each database ({@link EachDatabase}): what comes
 * back is every row of every table and every upload, compared row by row, and nothing is sent
 * because of it.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
final class BackupRestoreTest {

  /** A folder for the class's installations and archives (a {@code @TempDir} field is not there yet at {@code @BeforeAll}). */
  private Path temp;

  private final List<AutoCloseable> opened = new ArrayList<>();
  private final List<AutoCloseable> openedForAll = new ArrayList<>();
  /** Per database, made by its first test: one filled installation and its backup, which the tests restore into new ones. */
  private final Map<Dialect, Source> sources = new EnumMap<>(Dialect.class);
  private Dialect dialect;
  private Installation source;
  private Installation.Filled filled;
  private Map<String, List<String>> before;
  private Path file;
  private Backup.Written written;
  private int installations;
  /** What a restore changes on purpose: waiting mail held, pending events handled, digests resumed. */
  private static final java.util.Set<String> SETTLED_BY_THE_RESTORE = java.util.Set.of("outbox", "published_events",
      "newsletter_state");

  /** The filled installation of one database and what its backup wrote. */
  private record Source(Installation installation, Installation.Filled filled, Map<String, List<String>> before,
                        Path file, Backup.Written written) {}

  /** A new installation on an empty database of the current test's kind. */
  Installation newInstallation(String name) {
    String url = null;
    if (dialect == Dialect.POSTGRESQL) {
      TestDatabase database = TestDatabase.postgres();
      opened.add(database);
      url = database.url();
    }
    Installation installation = Installation.open(temp.resolve(name + "-" + (++installations)), url);
    opened.add(0, installation);
    return installation;
  }

  @BeforeAll
  void makeTheFolder() throws IOException {
    temp = Files.createTempDirectory("thinkpress-backup-");
  }

  @BeforeEach
  void fillAndBackUpOneInstallation(Dialect dialect) {
    this.dialect = dialect;
    Source made = sources.computeIfAbsent(dialect, this::fillAndBackUp);
    source = made.installation();
    filled = made.filled();
    before = made.before();
    file = made.file();
    written = made.written();
  }

  private Source fillAndBackUp(Dialect dialect) {
    Installation installation = newInstallation("source-" + dialect.name().toLowerCase(java.util.Locale.ROOT));
    openedForAll.addAll(opened);
    opened.clear();
    Installation.Filled made = installation.fill();
    Map<String, List<String>> rows = DatabaseRows.of(installation.app().database());
    Path backup = temp.resolve("backup-" + dialect.name().toLowerCase(java.util.Locale.ROOT) + ".zip");
    return new Source(installation, made, rows, backup, backup(installation, backup));
  }

  @AfterEach
  void closeTargets() throws Exception {
    for (AutoCloseable closeable : opened) {
      closeable.close();
    }
    opened.clear();
  }

  @AfterAll
  void closeSource() throws Exception {
    for (AutoCloseable closeable : openedForAll) {
      closeable.close();
    }
    try (var paths = Files.walk(temp)) {
      paths.sorted(java.util.Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
    }
  }

  Backup.Written backup(Installation installation, Path file) {
    return new Backups(installation.config(), java.time.Clock.systemUTC())
        .write(installation.app().database(), file, false, Backup.Progress.NONE);
  }

  Backups.Restored restore(Path file, Installation into, boolean replace) {
    try (Restore archive = Restore.open(file, Backup.Progress.NONE)) {
      return new Backups(into.config(), java.time.Clock.systemUTC())
          .restore(archive, into.app().database(), replace, Backup.Progress.NONE);
    }
  }

  @EachDatabase
  void aRestoreBringsBackEveryRowOfEveryTableAndEveryUpload() throws IOException {
    Installation target = newInstallation("target");
    Backups.Restored restored = restore(file, target, false);

    Map<String, List<String>> after = DatabaseRows.of(target.app().database());
    assertThat(after.keySet()).isEqualTo(before.keySet());
    for (String table : before.keySet()) {
      if (!SETTLED_BY_THE_RESTORE.contains(table)) {
        assertThat(after.get(table)).as(table).isEqualTo(before.get(table));
      }
    }
    assertThat(after.get("outbox")).hasSameSizeAs(before.get("outbox"));
    assertThat(after.get("published_events")).hasSameSizeAs(before.get("published_events"))
        .allSatisfy(row -> assertThat(row).doesNotEndWith(",null]"));
    assertThat(after.get("newsletter_state")).singleElement().asString().startsWith("[\"digests_after\",");
    assertThat(before.get("publications")).hasSizeGreaterThan(20);
    assertThat(before.get("revisions")).hasSize(2);
    assertThat(before.get("slug_redirects")).hasSize(1);
    assertThat(before.get("erased_addresses")).hasSize(1);
    assertThat(written.rows()).isEqualTo(before.values().stream().mapToLong(List::size).sum());
    assertThat(restored.rows().rows()).isEqualTo(written.rows());
    assertThat(restored.rows().files()).as("the upload and its two variants (one width, WebP and JPEG)").isEqualTo(3);
    assertThat(Files.readAllBytes(target.dataDir().resolve("uploads").resolve(filled.uploadName())))
        .isEqualTo(filled.uploadBytes());
    assertThat(target.app().contentStore().findPublication(filled.renamedTo())).isPresent();
  }

  @EachDatabase
  void mailWaitingWhenTheBackupWasTakenIsHeldNotSent() {
    assertThat(source.app().newsletterService().progress(filled.campaignSend()).queued()).isEqualTo(1);
    assertThat(source.app().newsletterService().waiting()).isEqualTo(3); // and two confirmation messages

    Installation target = newInstallation("target");
    Backups.Restored restored = restore(file, target, false);

    assertThat(target.app().newsletterService().waiting()).isZero();
    assertThat(target.app().newsletterService().progress(filled.campaignSend()).failed()).isEqualTo(1);
    assertThat(target.app().newsletterService().failures(filled.campaignSend(), 10))
        .extracting(org.thinkpress.newsletter.SendFailure::lastError).containsOnly(org.thinkpress.newsletter.AfterRestore.HELD);
    assertThat(restored.notes()).anySatisfy(note -> assertThat(note)
        .isEqualTo("3 message(s) of 2 send(s) were waiting when the backup was taken: they are held, not sent; retry"
            + " them from /admin/sends (or thinkpress newsletter retry SEND) once you know they were never delivered"));
    assertThat(target.app().newsletterService().retryFailed(filled.campaignSend())).isEqualTo(1);
  }

  @EachDatabase
  void theNewsletterSweepAfterARestoreAnnouncesNothingAndComposesNoDigest() {
    Installation target = newInstallation("target");
    Backups.Restored restored = restore(file, target, false);
    Map<String, List<String>> sends = Map.of("sends", DatabaseRows.of(target.app().database()).get("sends"));

    target.app().newsletter().sweep();

    assertThat(restored.notes()).anySatisfy(note -> assertThat(note).contains("1 piece(s) published just before the backup"
        + " had not been announced yet: they will not be (send one with thinkpress newsletter send alert SLUG)"));
    assertThat(target.app().newsletterService().waiting()).isZero();
    assertThat(Map.of("sends", DatabaseRows.of(target.app().database()).get("sends"))).isEqualTo(sends);
    // what the same sweep does on the installation the backup came from: it announces the piece
    source.app().newsletter().sweep();
    assertThat(source.app().newsletterService().waiting()).isGreaterThan(3);
  }

  @EachDatabase
  void aRestoredInstallationGoesOnNumberingAfterTheRestoredRows() {
    Installation target = newInstallation("target");
    restore(file, target, false);

    target.app().subscribers().subscribe(new SubscribeRequest("new@reader.example", "", "en", List.of(), List.of(),
        List.of(), true, "after the restore"));
    PublicationInput piece = new PublicationInput("written-after-the-restore", "en", null, "Written after the restore", "",
        "Body.", "analysis", Status.DRAFT, null, null, false, List.of(), List.of(), List.of());
    target.app().contentStore().savePublication(piece);

    assertThat(target.app().subscribers().find("new@reader.example")).isPresent();
    assertThat(target.app().contentStore().findPublication("written-after-the-restore")).isPresent();
  }

  @EachDatabase
  void aDatabaseThatHoldsAnythingIsRefusedUnlessReplaceIsGiven() {
    Installation target = newInstallation("target");
    target.app().subscribers().subscribe(new SubscribeRequest("someone@reader.example", "", "en", List.of(), List.of(),
        List.of(), true, "before the restore"));
    Map<String, List<String>> targetBefore = DatabaseRows.of(target.app().database());

    assertThatThrownBy(() -> restore(file, target, false))
        .isInstanceOf(BackupException.class)
        .hasMessage("The database at " + target.app().database().url() + " is not empty: it holds rows in"
            + " outbox (1), sends (1), subscriber_lists (1), subscribers (1); restore into an empty installation, or"
            + " give --replace to delete everything in it first");
    assertThat(DatabaseRows.of(target.app().database())).isEqualTo(targetBefore);

    restore(file, target, true);
    assertThat(target.app().subscribers().find("someone@reader.example")).isEmpty();
    assertThat(target.app().subscribers().find("confirmed@reader.example")).isPresent();
  }

  private static long cell(String jsonRow, int index) {
    try {
      return new com.fasterxml.jackson.databind.ObjectMapper().readTree(jsonRow).get(index).longValue();
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  @EachDatabase
  void aBackupTakenWhileWritesGoOnIsOneConsistentMoment() throws Exception {
    AtomicBoolean writing = new AtomicBoolean(true);
    AtomicInteger started = new AtomicInteger();
    AtomicInteger saved = new AtomicInteger();
    Thread writer = new Thread(() -> {
      while (writing.get()) {
        int n = started.incrementAndGet();
        source.app().contentStore().savePublication(new PublicationInput("written-during-backup-" + n, "en", null,
            "Written during the backup " + n, "", "Body " + n + ".", "analysis", Status.DRAFT, null, null, false,
            List.of("lilit-arakelyan"), List.of("energy"), List.of()));
        saved.incrementAndGet();
      }
    });
    writer.start();
    Path during = temp.resolve("during-" + dialect.name().toLowerCase(java.util.Locale.ROOT) + ".zip");
    try {
      org.thinkpress.testing.Eventually.eventually("three pieces saved beside the backup", java.time.Duration.ofMinutes(1),
          () -> saved.get() >= 3);
      backup(source, during);
    } finally {
      writing.set(false);
      writer.join();
    }

    Installation target = newInstallation("target");
    restore(during, target, false); // the foreign keys hold, or the restore would have failed
    Map<String, List<String>> rows = DatabaseRows.of(target.app().database());
    long version = cell(rows.get("content_state").get(0), 1);
    long newestChange = rows.get("content_changes").stream().mapToLong(line -> cell(line, 0)).max().orElseThrow();
    assertThat(version).isEqualTo(newestChange);
    assertThat(rows.get("publication_bodies")).hasSameSizeAs(rows.get("publications"));
    Map<String, Integer> bySlugPrefix = new HashMap<>();
    rows.get("publications").forEach(line -> bySlugPrefix.merge(line.contains("written-during-backup-") ? "during" : "other",
        1, Integer::sum));
    assertThat(bySlugPrefix.get("during")).isGreaterThanOrEqualTo(3).isLessThanOrEqualTo(started.get());
  }
}
