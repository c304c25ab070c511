package org.thinkpress.storage;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;
import org.jdbi.v3.core.Handle;
import org.thinkpress.storage.BackupManifest.FileEntry;
import org.thinkpress.storage.BackupManifest.TableEntry;
import org.thinkpress.storage.TableSchema.Table;

/**
 * Restores a {@link Backup} archive into an empty installation, on either database: every row of
 * every table and every file of the data folders, checked against the manifest's checksums before
 * anything is written, then written in one transaction (the files are put in place once it has
 * committed). Features may settle what they own in the same transaction ({@link Step}): the
 * newsletter holds the mail that was waiting when the backup was taken, so a restore sends nothing.
 */
public final class Restore implements AutoCloseable {

  /**
   * Work a feature does in the restoring transaction, after every row is in; returns what the
   * operator should know, a line each, or an empty string.
   */
  public interface Step {
    String apply(Handle handle);
  }

  /** What a restore wrote. */
  public record Restored(int tables, long rows, int files, List<String> notes) {}


  private final Path archive;
  private final ZipFile zip;
  private final BackupManifest manifest;

  private Restore(Path archive, ZipFile zip, BackupManifest manifest) {
    this.archive = archive;
    this.zip = zip;
    this.manifest = manifest;
  }

  /**
   * Opens an archive and checks it whole: a manifest this ThinkPress can read, every entry it
   * names present with its size and SHA-256, nothing else in the archive, only safe names.
   */
  public static Restore open(Path archive, Backup.Progress progress) {
    requireNonNull(archive, "archive");
    if (!Files.isRegularFile(archive)) {
      throw new BackupException("Cannot restore " + archive + ": no such file");
    }
    ZipFile zip;
    try {
      zip = new ZipFile(archive.toFile());
    } catch (ZipException e) {
      throw new BackupException(archive + " is not a ThinkPress backup (not a zip archive)");
    } catch (IOException e) {
      throw new BackupException("Cannot read " + archive + ": " + e.getMessage(), e);
    }
    try {
      Restore restore = new Restore(archive, zip, readManifest(archive, zip));
      restore.verify(progress);
      return restore;
    } catch (RuntimeException e) {
      closeQuietly(zip);
      throw e;
    }
  }

  private static BackupManifest readManifest(Path archive, ZipFile zip) {
    ZipEntry entry = zip.getEntry(BackupManifest.ENTRY);
    if (entry == null) {
      throw new BackupException(archive + " is not a ThinkPress backup: it has no " + BackupManifest.ENTRY);
    }
    try (InputStream in = zip.getInputStream(entry)) {
      return BackupManifest.parse(in.readNBytes(16 * 1024 * 1024), archive.toString());
    } catch (IOException e) {
      throw new BackupException(archive + ": " + BackupManifest.ENTRY + " cannot be read: " + e.getMessage(), e);
    }
  }

  public BackupManifest manifest() {
    return manifest;
  }

  /** The manifest's notes (the DKIM key's reference...). */
  public Map<String, String> notes() {
    return manifest.notes();
  }

  /** Whether the archive carries a secret of this name ({@code backup --with-secrets}). */
  public boolean hasSecret(String name) {
    return manifest.files().stream().anyMatch(f -> f.entry().equals("secrets/" + name));
  }

  /** Writes a carried secret to {@code target}, readable by its owner only. */
  public void writeSecret(String name, Path target) {
    try (InputStream in = zip.getInputStream(zip.getEntry("secrets/" + name))) {
      Files.createDirectories(target.toAbsolutePath().getParent());
      Path partial = target.resolveSibling(target.getFileName() + ".partial");
      Files.copy(in, partial, StandardCopyOption.REPLACE_EXISTING);
      try {
        Files.setPosixFilePermissions(partial, java.nio.file.attribute.PosixFilePermissions.fromString("rw-------"));
      } catch (UnsupportedOperationException notPosix) {
        // the folder's own protection applies
      }
      Files.move(partial, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException e) {
      throw new BackupException("Cannot write " + target + ": " + Backup.describe(e, target.getParent()), e);
    }
  }

  private void verify(Backup.Progress progress) {
    Map<String, Long> expected = new LinkedHashMap<>();
    List<String[]> checks = new ArrayList<>();
    for (TableEntry table : manifest.tables()) {
      if (!Backup.SAFE_NAME.matcher(table.name()).matches() || !table.entry().equals("tables/" + table.name() + ".jsonl")) {
        throw damaged("the manifest names a table entry '" + table.entry() + "'");
      }
      expected.put(table.entry(), table.bytes());
      checks.add(new String[] {table.entry(), table.sha256()});
    }
    for (FileEntry file : manifest.files()) {
      String[] parts = file.entry().split("/", -1);
      boolean dataFile = parts.length == 3 && parts[0].equals("files") && Backup.SAFE_NAME.matcher(parts[1]).matches()
          && Backup.SAFE_NAME.matcher(parts[2]).matches();
      boolean secret = parts.length == 2 && parts[0].equals("secrets") && Backup.SAFE_NAME.matcher(parts[1]).matches();
      if (!dataFile && !secret) {
        throw damaged("the manifest names a file entry '" + file.entry() + "'");
      }
      expected.put(file.entry(), file.bytes());
      checks.add(new String[] {file.entry(), file.sha256()});
    }
    for (ZipEntry entry : Collections.list(zip.entries())) {
      if (!entry.getName().equals(BackupManifest.ENTRY) && !expected.containsKey(entry.getName())) {
        throw damaged("it holds " + entry.getName() + ", which its manifest does not list");
      }
    }
    long units = manifest.totalRows() + manifest.tables().stream().mapToLong(t -> Backup.kilobytes(t.bytes())).sum()
        + manifest.files().stream().mapToLong(f -> Backup.kilobytes(f.bytes())).sum();
    progress.total(units);
    for (String[] check : checks) {
      ZipEntry entry = zip.getEntry(check[0]);
      if (entry == null) {
        throw damaged(check[0] + " is missing");
      }
      MessageDigest digest = Backup.sha256Digest();
      long size = 0;
      try (InputStream in = new DigestInputStream(zip.getInputStream(entry), digest)) {
        byte[] buffer = new byte[64 * 1024];
        int read;
        while ((read = in.read(buffer)) >= 0) {
          size += read;
        }
      } catch (IOException e) {
        throw damaged(check[0] + " cannot be read (" + e.getMessage() + ")");
      }
      if (size != expected.get(check[0]) || !HexFormat.of().formatHex(digest.digest()).equals(check[1])) {
        throw damaged("the checksum of " + check[0] + " does not match its manifest");
      }
      progress.advance(Backup.kilobytes(size));
    }
  }

  private BackupException damaged(String what) {
    return new BackupException(archive + " is damaged: " + what + "; nothing was restored");
  }

  /**
   * Restores into {@code database}: refuses a database holding anything but what a first start
   * writes, unless {@code replace}, which deletes every row first (in the same transaction).
   *
   * @param folders where each data folder the archive carries goes (by its name in the archive)
   * @param steps features' work in the same transaction, after the rows
   */
  public Restored into(Database database, boolean replace, Map<String, Path> folders, List<Step> steps,
                       Backup.Progress progress) {
    requireNonNull(database, "database");
    int schema = manifest.schemaVersion();
    if (schema > Database.SCHEMA_VERSION) {
      throw new BackupException(archive + " was taken at schema version " + schema + " by ThinkPress "
          + manifest.application() + "; this ThinkPress knows schema " + Database.SCHEMA_VERSION
          + ": restore it with that version or a newer one");
    }
    int applied = database.appliedVersion();
    if (applied > schema) {
      throw new BackupException("The database at " + database.url() + " is at schema version " + applied
          + " and the backup at " + schema + ": restore into a new database (an empty SQLite file, or a PostgreSQL"
          + " database without ThinkPress's tables), so that the rows go in before the upgrade");
    }
    database.migrateTo(schema);
    List<StagedFolder> staged = stage(folders);
    Restored restored;
    try {
      progress.total(manifest.totalRows());
      restored = database.jdbi().inTransaction(handle -> write(handle, database, replace, steps, progress));
    } catch (RuntimeException e) {
      staged.forEach(StagedFolder::deleteQuietly);
      throw e;
    }
    database.migrate();
    for (StagedFolder folder : staged) {
      folder.putInPlace();
      folder.deleteQuietly();
    }
    return restored;
  }

  private Restored write(Handle handle, Database database, boolean replace, List<Step> steps, Backup.Progress progress) {
    try {
      return writeRows(handle, database, replace, steps, progress);
    } catch (SQLException | IOException e) {
      throw new BackupException("Cannot restore " + archive + " into " + database.url() + ": " + e.getMessage()
          + "; nothing was restored", e);
    }
  }

  private Restored writeRows(Handle handle, Database database, boolean replace, List<Step> steps,
                             Backup.Progress progress) throws SQLException, IOException {
    Connection connection = handle.getConnection();
    TableSchema schema = TableSchema.read(connection, database.dialect());
    Map<String, TableEntry> entries = new LinkedHashMap<>();
    manifest.tables().forEach(t -> entries.put(t.name(), t));
    for (Table table : schema.tables()) {
      if (!entries.containsKey(table.name())) {
        throw damaged("it has no rows for table " + table.name() + ", which schema " + manifest.schemaVersion() + " has");
      }
    }
    for (String name : entries.keySet()) {
      if (schema.table(name) == null) {
        throw damaged("it has a table " + name + ", which schema " + manifest.schemaVersion() + " does not have");
      }
    }
    if (!replace) {
      TableWrites.requireEmpty(connection, schema, database);
    }
    TableWrites.deleteEveryRow(connection, schema);
    long rows = 0;
    for (Table table : schema.tables()) {
      TableEntry entry = entries.get(table.name());
      try (InputStream in = zip.getInputStream(zip.getEntry(entry.entry()))) {
        long inserted = TableRows.insert(connection, table, in, entry.entry(), progress::advance);
        if (inserted != entry.rows()) {
          throw damaged(entry.entry() + " holds " + inserted + " rows; its manifest says " + entry.rows());
        }
        rows += inserted;
      }
      try (InputStream in = zip.getInputStream(zip.getEntry(entry.entry()))) {
        TableRows.linkSelfReferences(connection, table, in, entry.entry());
      }
      if (database.dialect() == Dialect.POSTGRESQL && table.identity() != null) {
        TableWrites.moveSequencePastRows(connection, table);
      }
    }
    List<String> notes = new ArrayList<>();
    for (Step step : steps) {
      step.apply(handle).lines().filter(line -> !line.isBlank()).map(String::strip).forEach(notes::add);
    }
    int files = (int) manifest.files().stream().filter(f -> f.entry().startsWith("files/")).count();
    return new Restored(schema.tables().size(), rows, files, notes);
  }

  /** Unpacks the data folders' files beside their folders, so that putting them in place is a rename. */
  private List<StagedFolder> stage(Map<String, Path> folders) {
    Map<String, StagedFolder> staged = new LinkedHashMap<>();
    try {
      for (FileEntry file : manifest.files()) {
        String[] parts = file.entry().split("/");
        if (!parts[0].equals("files")) {
          continue;
        }
        Path folder = folders.get(parts[1]);
        if (folder == null) {
          throw damaged("it carries a folder '" + parts[1] + "' that this installation does not have");
        }
        StagedFolder stage = staged.computeIfAbsent(parts[1], name -> StagedFolder.beside(folder));
        try (InputStream in = zip.getInputStream(zip.getEntry(file.entry()))) {
          Files.copy(in, stage.staging.resolve(parts[2]));
        }
      }
      return new ArrayList<>(staged.values());
    } catch (IOException e) {
      staged.values().forEach(StagedFolder::deleteQuietly);
      throw new BackupException("Cannot unpack the backup's files: " + e.getMessage(), e);
    } catch (RuntimeException e) {
      staged.values().forEach(StagedFolder::deleteQuietly);
      throw e;
    }
  }

  @Override
  public void close() {
    closeQuietly(zip);
  }

  private static void closeQuietly(ZipFile zip) {
    try {
      zip.close();
    } catch (IOException ignored) {
      // read-only; nothing to lose
    }
  }
}
