package org.thinkpress.storage;

import static java.util.Objects.requireNonNull;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.thinkpress.storage.BackupManifest.FileEntry;
import org.thinkpress.storage.BackupManifest.TableEntry;
import org.thinkpress.storage.TableSchema.Table;

/**
 * Writes a backup of a whole installation into one archive while the site keeps serving: every
 * table of the database, read inside one snapshot (so the rows agree with one another), the files
 * of the data folders (uploads), optional secrets, and a {@linkplain BackupManifest manifest}
 * with counts and checksums. {@link Restore} reads it back into either database.
 *
 * <p>The archive is a zip: {@code tables/NAME.jsonl} ({@link TableRows}), {@code files/FOLDER/NAME},
 * {@code secrets/NAME}, and {@code manifest.json} last. It is written under a temporary name beside
 * the target, flushed to disk and then renamed, so a full disk or a crash never leaves a
 * half-written archive under the name asked for.
 */
public final class Backup {

  /** A data folder whose files the archive carries (flat: its regular files, not sub-folders). */
  public record Folder(String name, Path path) {
    public Folder {
      requireNonNull(name, "name");
      requireNonNull(path, "path");
      if (!SAFE_NAME.matcher(name).matches()) {
        throw new IllegalArgumentException("folder name " + name);
      }
    }
  }

  /** A file carried only when asked for ({@code --with-secrets}): {@code secrets/NAME}. */
  public record Secret(String name, Path path) {
    public Secret {
      requireNonNull(name, "name");
      requireNonNull(path, "path");
    }
  }

  /** What to put in the archive besides the database. */
  public record Contents(List<Folder> folders, List<Secret> secrets, Map<String, String> notes, String application) {
    public Contents {
      folders = List.copyOf(folders);
      secrets = List.copyOf(secrets);
      notes = Map.copyOf(notes);
      requireNonNull(application, "application");
    }
  }

  /** Told how much work there is, then each part of it as it is done (rows, and kilobytes of files). */
  public interface Progress {
    void total(long units);

    void advance(long units);

    Progress NONE = new Progress() {
      @Override
      public void total(long units) {}

      @Override
      public void advance(long units) {}
    };
  }

  /** What a backup wrote. */
  public record Written(Path file, int tables, long rows, int files, long bytes, String createdAt) {}

  /** Names of folders and files an archive may carry: no path separators, no leading dot. */
  static final Pattern SAFE_NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,200}");

  private Backup() {}

  /**
   * Writes the archive {@code target}, which must not exist; its folder must exist and be
   * writable.
   */
  public static Written write(Database database, Path target, Contents contents, Clock clock, Progress progress) {
    requireNonNull(database, "database");
    requireNonNull(target, "target");
    Path folder = target.toAbsolutePath().getParent();
    if (Files.exists(target)) {
      throw new BackupException(target + " exists already; give a new file name (a backup never overwrites one)");
    }
    if (!Files.isDirectory(folder)) {
      throw new BackupException("Cannot write the backup " + target + ": the folder " + folder + " does not exist");
    }
    Path partial = folder.resolve("." + target.getFileName() + ".partial-" + UUID.randomUUID().toString().substring(0, 8));
    try {
      Written written = writeArchive(database, partial, target, contents, clock, progress);
      Files.move(partial, target, StandardCopyOption.ATOMIC_MOVE);
      return written;
    } catch (IOException e) {
      deleteQuietly(partial);
      throw new BackupException("Cannot write the backup " + target + ": " + describe(e, folder)
          + "; nothing was written under that name", e);
    } catch (SQLException e) {
      deleteQuietly(partial);
      throw new BackupException("Cannot read the database for the backup: " + e.getMessage(), e);
    } catch (RuntimeException e) {
      deleteQuietly(partial);
      throw e;
    }
  }

  private static Written writeArchive(Database database, Path partial, Path target, Contents contents, Clock clock,
                                      Progress progress) throws IOException, SQLException {
    try (FileChannel channel = FileChannel.open(partial, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
         OutputStream file = Channels.newOutputStream(channel);
         ZipOutputStream zip = new ZipOutputStream(file);
         Connection snapshot = database.snapshot()) {
      String createdAt = clock.instant().toString();
      TableSchema schema = TableSchema.read(snapshot, database.dialect());
      List<long[]> counts = new ArrayList<>();
      long totalRows = 0;
      for (Table table : schema.tables()) {
        long count = count(snapshot, table);
        counts.add(new long[] {count});
        totalRows += count;
      }
      // Listed after the snapshot began: every upload a snapshot row names was on disk before it.
      List<Path[]> files = new ArrayList<>();
      long fileUnits = 0;
      for (Folder folder : contents.folders()) {
        for (Path path : filesOf(folder.path())) {
          files.add(new Path[] {Path.of(folder.name()), path});
          fileUnits += kilobytes(Files.size(path));
        }
      }
      for (Secret secret : contents.secrets()) {
        fileUnits += kilobytes(Files.size(secret.path()));
      }
      progress.total(totalRows + fileUnits);

      Entry entry = new Entry(zip);
      List<TableEntry> tables = new ArrayList<>();
      long rows = 0;
      for (Table table : schema.tables()) {
        String name = "tables/" + table.name() + ".jsonl";
        entry.begin(name);
        long written = TableRows.write(snapshot, database.dialect(), table, entry, progress::advance);
        entry.end();
        tables.add(new TableEntry(table.name(), written, name, entry.bytes, entry.sha256()));
        rows += written;
      }
      snapshot.rollback();
      List<FileEntry> entries = new ArrayList<>();
      for (Path[] data : files) {
        entries.add(copyFile(entry, "files/" + data[0] + "/" + data[1].getFileName(), data[1], progress));
      }
      for (Secret secret : contents.secrets()) {
        entries.add(copyFile(entry, "secrets/" + secret.name(), secret.path(), progress));
      }
      BackupManifest manifest = new BackupManifest(BackupManifest.FORMAT, BackupManifest.FORMAT_VERSION,
          contents.application(), schemaVersion(database), createdAt, database.dialect().name().toLowerCase(java.util.Locale.ROOT),
          tables, entries, contents.notes());
      zip.putNextEntry(new ZipEntry(BackupManifest.ENTRY));
      zip.write(manifest.toJson());
      zip.closeEntry();
      zip.finish();
      file.flush();
      channel.force(true);
      return new Written(target, tables.size(), rows, files.size(), channel.size(), createdAt);
    }
  }

  private static int schemaVersion(Database database) {
    int applied = database.appliedVersion();
    if (applied != Database.SCHEMA_VERSION) {
      throw new BackupException("The database is at schema version " + applied + ", this ThinkPress at "
          + Database.SCHEMA_VERSION + ": run thinkpress migrate (or start the server once) before taking a backup");
    }
    return applied;
  }

  private static long count(Connection connection, Table table) throws SQLException {
    try (Statement statement = connection.createStatement();
         ResultSet rs = statement.executeQuery("SELECT COUNT(*) FROM " + table.name())) {
      rs.next();
      return rs.getLong(1);
    }
  }

  /** The folder's regular files with names an archive may carry; none when it does not exist. */
  static List<Path> filesOf(Path folder) throws IOException {
    if (!Files.isDirectory(folder)) {
      return List.of();
    }
    try (Stream<Path> entries = Files.list(folder)) {
      return entries.filter(Files::isRegularFile)
          .filter(p -> SAFE_NAME.matcher(p.getFileName().toString()).matches())
          .filter(p -> !p.getFileName().toString().endsWith(".part"))
          .sorted()
          .toList();
    }
  }

  private static FileEntry copyFile(Entry entry, String name, Path path, Progress progress) throws IOException {
    entry.begin(name);
    try (InputStream in = Files.newInputStream(path)) {
      byte[] buffer = new byte[64 * 1024];
      int read;
      long sinceStep = 0;
      while ((read = in.read(buffer)) >= 0) {
        entry.write(buffer, 0, read);
        sinceStep += read;
        if (sinceStep >= 1024) {
          progress.advance(sinceStep / 1024);
          sinceStep %= 1024;
        }
      }
      if (sinceStep > 0) {
        progress.advance(1);
      }
    } catch (NoSuchFileException gone) {
      throw new BackupException(path + " disappeared while the backup was being written; run the backup again");
    }
    entry.end();
    return new FileEntry(name, entry.bytes, entry.sha256());
  }

  static long kilobytes(long bytes) {
    return (bytes + 1023) / 1024;
  }

  /** What an operator can act on, from an I/O failure. */
  static String describe(IOException e, Path folder) {
    String message = String.valueOf(e.getMessage());
    if (message.contains("No space left on device") || message.contains("Disk quota exceeded")) {
      return "the disk is full";
    }
    if (e instanceof AccessDeniedException || message.contains("Permission denied")) {
      return "permission denied in " + folder;
    }
    if (message.contains("Read-only file system")) {
      return "the file system of " + folder + " is read-only";
    }
    if (e instanceof FileSystemException fs && fs.getReason() != null) {
      return fs.getReason();
    }
    return message;
  }

  static void deleteQuietly(Path path) {
    try {
      Files.deleteIfExists(path);
    } catch (IOException ignored) {
      // nothing more to do: the name asked for was never written
    }
  }

  /** The entry being written: passes bytes to the zip, counting them and hashing them. */
  private static final class Entry extends FilterOutputStream {
    private final ZipOutputStream zip;
    private MessageDigest digest;
    long bytes;

    Entry(ZipOutputStream zip) {
      super(zip);
      this.zip = zip;
    }

    void begin(String name) throws IOException {
      zip.putNextEntry(new ZipEntry(name));
      digest = sha256Digest();
      bytes = 0;
    }

    @Override
    public void write(int b) throws IOException {
      zip.write(b);
      digest.update((byte) b);
      bytes++;
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
      zip.write(b, off, len);
      digest.update(b, off, len);
      bytes += len;
    }

    @Override
    public void flush() {
      // the zip is flushed once, when it is finished
    }

    @Override
    public void close() {
      // the zip outlives its entries
    }

    void end() throws IOException {
      zip.closeEntry();
    }

    String sha256() {
      return HexFormat.of().formatHex(digest.digest());
    }
  }

  static MessageDigest sha256Digest() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
