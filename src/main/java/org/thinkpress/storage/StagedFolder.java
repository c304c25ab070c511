package org.thinkpress.storage;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.UUID;

/** A data folder's files unpacked into {@code FOLDER.restoring-XXXX}, waiting for the commit. */
final class StagedFolder {
  final Path folder;
  final Path staging;

  private StagedFolder(Path folder, Path staging) {
    this.folder = folder;
    this.staging = staging;
  }

  static StagedFolder beside(Path folder) {
    Path absolute = folder.toAbsolutePath();
    Path staging = absolute.resolveSibling(absolute.getFileName() + ".restoring-" + UUID.randomUUID().toString().substring(0, 8));
    try {
      Files.createDirectories(staging);
    } catch (IOException e) {
      throw new BackupException("Cannot write into " + absolute.getParent() + ": "
          + Backup.describe(e, absolute.getParent()), e);
    }
    return new StagedFolder(absolute, staging);
  }

  void putInPlace() {
    try {
      Files.createDirectories(folder);
      for (Path file : Backup.filesOf(staging)) {
        Files.move(file, folder.resolve(file.getFileName()), StandardCopyOption.REPLACE_EXISTING,
            StandardCopyOption.ATOMIC_MOVE);
      }
    } catch (IOException e) {
      throw new BackupException("The database is restored, but its files could not all be moved from " + staging
          + " to " + folder + " (" + e.getMessage() + "): move them by hand", e);
    }
  }

  void deleteQuietly() {
    try {
      for (Path file : Backup.filesOf(staging)) {
        Files.deleteIfExists(file);
      }
      Files.deleteIfExists(staging);
    } catch (IOException ignored) {
      // left for the operator; the restore's outcome does not depend on it
    }
  }
}
