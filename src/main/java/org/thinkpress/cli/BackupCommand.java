package org.thinkpress.cli;

import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import java.util.concurrent.Callable;
import org.thinkpress.app.Backups;
import org.thinkpress.app.Config;
import org.thinkpress.storage.Backup;
import org.thinkpress.storage.Database;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code thinkpress backup FILE}: the whole installation in one archive, while the site serves. */
@Command(name = "backup", mixinStandardHelpOptions = true,
    description = {"Write a backup of the whole installation into one new archive: every table of the database (one",
        "consistent snapshot; the site keeps serving), the uploads, and a manifest with counts and checksums.",
        "Restore it with: thinkpress restore FILE"})
final class BackupCommand implements Callable<Integer> {

  @ParentCommand
  ThinkPressCommand root;

  @Spec
  CommandSpec spec;

  @Parameters(paramLabel = "FILE", description = "the archive to write (a new file; its folder must exist)")
  Path file;

  @Option(names = "--with-secrets", description = "also carry the DKIM private key (mail.dkim.key-file); keep such an"
      + " archive as you keep the key")
  boolean withSecrets;

  @Override
  public Integer call() {
    Config config = root.config(Map.of());
    try (Database database = Database.open(config.database())) {
      database.migrate();
      Backup.Written written;
      try (ProgressBars progress = new ProgressBars("Backing up")) {
        written = new Backups(config, Clock.systemUTC()).write(database, file, withSecrets, progress);
      }
      spec.commandLine().getOut().printf("Backed up %,d rows of %d tables and %d files to %s (%.1f MB), as of %s%n",
          written.rows(), written.tables(), written.files(), written.file(), written.bytes() / 1e6, written.createdAt());
    }
    return 0;
  }
}
