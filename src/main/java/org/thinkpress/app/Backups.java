package org.thinkpress.app;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.thinkpress.newsletter.AfterRestore;
import org.thinkpress.newsletter.MailSettings;
import org.thinkpress.storage.Backup;
import org.thinkpress.storage.Database;
import org.thinkpress.storage.Restore;

/**
 * The wiring of backup and restore: which folders of {@code data.dir} an archive carries, which
 * secrets it may carry, and what each feature settles when one is restored. {@code storage} does
 * the copying; this class knows what the installation is made of.
 */
public final class Backups {

  /** The application's version, recorded in each archive's manifest. */
  public static final String APPLICATION = "ThinkPress 0.1.0";
  /** The name of the DKIM private key inside an archive taken {@code --with-secrets}. */
  static final String DKIM_SECRET = "dkim.pem";

  private final Config config;
  private final Clock clock;

  public Backups(Config config, Clock clock) {
    this.config = requireNonNull(config, "config");
    this.clock = requireNonNull(clock, "clock");
  }

  /** Writes a backup of the installation {@code database} belongs to. */
  public Backup.Written write(Database database, Path target, boolean withSecrets, Backup.Progress progress) {
    MailSettings mail = config.mail();
    List<Backup.Secret> secrets = new ArrayList<>();
    if (withSecrets && mail.signs()) {
      secrets.add(new Backup.Secret(DKIM_SECRET, mail.dkimKeyFile()));
    }
    Map<String, String> notes = new LinkedHashMap<>();
    notes.put("site.url", config.site().baseUrl().toString());
    if (mail.signs()) {
      notes.put("mail.dkim.domain", mail.dkimDomain());
      notes.put("mail.dkim.selector", mail.dkimSelector());
      notes.put("mail.dkim.key-file", mail.dkimKeyFile().toString());
    }
    Backup.Contents contents = new Backup.Contents(List.of(new Backup.Folder("uploads", uploads())), secrets, notes,
        APPLICATION);
    return Backup.write(database, target, contents, clock, progress);
  }

  /** What a restore did, with what the operator should know. */
  public record Restored(Restore.Restored rows, List<String> notes) {}

  /**
   * Restores an opened archive into {@code database}: the rows, the uploads, each feature's
   * settling (mail waiting at the backup's time is held), then this node's search index is
   * removed, since it describes another database (the next start rebuilds it).
   */
  public Restored restore(Restore archive, Database database, boolean replace, Backup.Progress progress) {
    Restore.Restored restored = archive.into(database, replace, Map.of("uploads", uploads()),
        List.of(AfterRestore.step(clock)), progress);
    List<String> notes = new ArrayList<>(restored.notes());
    deleteTree(config.search().indexDir());
    if (archive.hasSecret(DKIM_SECRET)) {
      Path key = config.mail().signs() ? config.mail().dkimKeyFile() : config.dataDir().resolve("secrets").resolve(DKIM_SECRET);
      if (Files.exists(key)) {
        notes.add("The backup carries a DKIM key; " + key + " exists already and was left as it is");
      } else {
        archive.writeSecret(DKIM_SECRET, key);
        notes.add("The DKIM key was written to " + key + (config.mail().signs() ? "" : "; to sign mail, set"
            + " mail.dkim.key-file=" + key + " with mail.dkim.domain=" + archive.notes().getOrDefault("mail.dkim.domain", "...")
            + " and mail.dkim.selector=" + archive.notes().getOrDefault("mail.dkim.selector", "...")));
      }
    } else if (archive.notes().containsKey("mail.dkim.key-file") && !config.mail().signs()) {
      notes.add("The backed-up installation signed mail with the DKIM key " + archive.notes().get("mail.dkim.key-file")
          + " (domain " + archive.notes().get("mail.dkim.domain") + ", selector " + archive.notes().get("mail.dkim.selector")
          + "), which the backup does not carry: copy it here and set mail.dkim.*");
    }
    return new Restored(restored, notes);
  }

  private Path uploads() {
    return config.dataDir().resolve("uploads");
  }

  private static void deleteTree(Path folder) {
    if (!Files.exists(folder)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(folder)) {
      for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(path);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot remove the search index " + folder + " (it describes the database"
          + " before the restore): delete it by hand before starting", e);
    }
  }
}
