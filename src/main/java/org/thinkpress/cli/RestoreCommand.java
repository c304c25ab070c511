package org.thinkpress.cli;

import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import java.util.concurrent.Callable;
import org.thinkpress.app.Backups;
import org.thinkpress.app.Config;
import org.thinkpress.storage.BackupManifest;
import org.thinkpress.storage.Database;
import org.thinkpress.storage.Restore;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code thinkpress restore FILE}: a backup into an empty installation, on either database. */
@Command(name = "restore", mixinStandardHelpOptions = true,
    description = {"Restore a backup into this installation's database (SQLite or PostgreSQL, whichever the backup came",
        "from) and data folder. The archive is checked whole first; the database must be empty unless --replace.",
        "Nothing is sent afterwards: mail that was waiting when the backup was taken is held. Run it with the server",
        "stopped."})
final class RestoreCommand implements Callable<Integer> {

  @ParentCommand
  ThinkPressCommand root;

  @Spec
  CommandSpec spec;

  @Parameters(paramLabel = "FILE", description = "an archive written by thinkpress backup")
  Path file;

  @Option(names = "--replace", description = "delete everything in the database first (in the same transaction)")
  boolean replace;

  @Override
  public Integer call() {
    Config config = root.config(Map.of());
    try (Database database = Database.open(config.database())) {
      Restore archive;
      try (ProgressBars progress = new ProgressBars("Checking")) {
        archive = Restore.open(file, progress);
      }
      try (archive) {
        BackupManifest manifest = archive.manifest();
        Backups.Restored restored;
        try (ProgressBars progress = new ProgressBars("Restoring")) {
          restored = new Backups(config, Clock.systemUTC()).restore(archive, database, replace, progress);
        }
        var out = spec.commandLine().getOut();
        out.printf("Restored %,d rows of %d tables and %d files from %s (taken %s by %s from %s, schema %d) into %s%n",
            restored.rows().rows(), restored.rows().tables(), restored.rows().files(), file, manifest.createdAt(),
            manifest.application(), manifest.source(), manifest.schemaVersion(), config.database().url());
        restored.notes().forEach(note -> out.println("  " + note));
      }
    }
    return 0;
  }
}
