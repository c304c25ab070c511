package org.thinkpress.search;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import org.apache.lucene.index.IndexFileNames;
import org.apache.lucene.index.IndexWriter;

/**
 * The index's folder on disk: creating it, and setting a damaged one aside under a new name beside
 * it ({@code index.damaged-20260101-000000}, the time in UTC), renamed rather than deleted so that
 * whoever wants to look at what went wrong still can.
 */
final class IndexFolders {

  private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss").withZone(ZoneOffset.UTC);

  private IndexFolders() {}

  /** Creates {@code folder} (and its parents) when missing; fails when a file is where it should be. */
  static void create(Path folder) throws IOException {
    if (Files.exists(folder, LinkOption.NOFOLLOW_LINKS) && !Files.isDirectory(folder)) {
      throw new FileAlreadyExistsException(folder.toString(), null, "a file, not a folder, is there");
    }
    try {
      Files.createDirectories(folder);
    } catch (IOException e) {
      if (!Files.exists(folder, LinkOption.NOFOLLOW_LINKS)) {
        // nothing there to set aside: the data folder itself is at fault (read-only, full, not ours)
        String reason = e instanceof FileSystemException system && folder.toString().equals(system.getFile())
            && system.getReason() != null ? system.getReason() : describe(e);
        throw new SearchIndexException("Cannot create the search index folder " + folder + ": " + reason
            + "; make data.dir writable, or give a data.dir that is", e);
      }
      throw e;
    }
  }

  /**
   * Fails when a folder has the name of one of the index's files (which Lucene would report as an
   * address space problem when it tries to map it).
   */
  static void refuseFoldersForFiles(Path folder) throws IOException {
    try (var entries = Files.list(folder)) {
      for (Path entry : entries.toList()) {
        String name = entry.getFileName().toString();
        boolean indexFile = name.startsWith(IndexFileNames.SEGMENTS) || name.equals(IndexWriter.WRITE_LOCK_NAME)
            || IndexFileNames.CODEC_FILE_PATTERN.matcher(name).matches();
        if (indexFile && Files.isDirectory(entry, LinkOption.NOFOLLOW_LINKS)) {
          throw new FileSystemException(entry.toString(), null, "a folder where a file of the index should be");
        }
      }
    }
  }

  /**
   * Renames {@code folder} (which {@code damage} made unusable) to the first free name of
   * {@code NAME.damaged-STAMP}, {@code NAME.damaged-STAMP-2}, ... beside it; returns the new name.
   */
  static Path setAside(Path folder, Clock clock, Exception damage) {
    String base = folder.getFileName() + ".damaged-" + STAMP.format(clock.instant());
    Path aside = folder.resolveSibling(base);
    for (int n = 2; Files.exists(aside, LinkOption.NOFOLLOW_LINKS); n++) {
      aside = folder.resolveSibling(base + "-" + n);
    }
    try {
      return Files.move(folder, aside);
    } catch (IOException e) {
      SearchIndexException failure = new SearchIndexException("The search index at " + folder + " is damaged ("
          + describe(damage) + ") and cannot be moved aside to " + aside + ": " + describe(e)
          + "; move or delete it, then start again (it is rebuilt from the database)", damage);
      failure.addSuppressed(e);
      throw failure;
    }
  }

  /** Undoes {@link #setAside}: removes what was created at {@code folder} since, and renames {@code aside} back. */
  static void putBack(Path aside, Path folder, Exception failure) {
    try {
      if (Files.isDirectory(folder, LinkOption.NOFOLLOW_LINKS)) {
        try (var files = Files.list(folder)) {
          for (Path file : files.toList()) {
            Files.delete(file); // only what the failed attempt left: its lock file
          }
        }
        Files.delete(folder);
      }
      Files.move(aside, folder);
    } catch (IOException e) {
      failure.addSuppressed(e);
    }
  }

  /** A failure in one line: what kind, and the file system's or Lucene's words. */
  static String describe(Throwable e) {
    if (e instanceof FileAlreadyExistsException exists) {
      return exists.getFile() + ": " + (exists.getReason() != null ? exists.getReason() : "a file is in the way");
    }
    if (e instanceof AccessDeniedException denied) {
      return denied.getFile() + ": permission denied";
    }
    if (e instanceof FileSystemException system && system.getReason() != null) {
      return (system.getFile() == null ? "" : system.getFile() + ": ") + system.getReason();
    }
    String message = e.getMessage() == null ? "" : ": " + e.getMessage().replaceAll("\\s+", " ").strip();
    return e.getClass().getSimpleName() + message;
  }
}
