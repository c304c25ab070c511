package org.thinkpress.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code thinkpress backup} and {@code thinkpress restore} as an operator runs them. */
class BackupCommandTest {

  @TempDir
  Path temp;

  record Run(int exitCode, String out, String err) {}

  private Run run(String dataDir, String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int exitCode = Cli.commandLine(Map.of("THINKPRESS_DATA_DIR", temp.resolve(dataDir).toString()),
        new PrintWriter(out, true), new PrintWriter(err, true)).execute(args);
    return new Run(exitCode, out.toString(), err.toString());
  }

  @Test
  void theDemoBacksUpAndRestoresIntoAnotherDataFolder() {
    assertThat(run("old", "demo", "--load-only").exitCode()).isZero();
    Path file = temp.resolve("institute.zip");

    Run backup = run("old", "backup", file.toString());
    Run restore = run("new", "restore", file.toString());

    assertThat(backup.err()).isEmpty();
    assertThat(backup.out()).matches("Backed up \\d+ rows of \\d+ tables and [1-9]\\d* files to " + file.toString().replace(".", "\\.")
        + " \\(\\d+\\.\\d MB\\), as of 20\\d\\d-.*Z\n");
    assertThat(restore.exitCode()).isZero();
    assertThat(restore.err()).isEmpty();
    assertThat(restore.out()).startsWith("Restored ").contains(" from " + file + " (taken ", " from sqlite, schema ",
        " into jdbc:sqlite:" + temp.resolve("new"));
    assertThat(run("new", "content", "export", temp.resolve("export").toString()).out())
        .startsWith("Exported 22 publications, 5 pages, 5 experts, 5 topics, 8 regions and 25 media files");
  }

  @Test
  void aSecondRestoreIsRefusedWithOneLineAndExitStatusOne() {
    run("old", "demo", "--load-only");
    Path file = temp.resolve("institute.zip");
    run("old", "backup", file.toString());
    run("new", "restore", file.toString());

    Run again = run("new", "restore", file.toString());

    assertThat(again.exitCode()).isEqualTo(1);
    assertThat(again.err()).startsWith("thinkpress: The database at jdbc:sqlite:" + temp.resolve("new/thinkpress.db")
        + " is not empty: it holds rows in ").endsWith("; restore into an empty installation, or give --replace to"
        + " delete everything in it first\n");
    assertThat(again.err().lines()).hasSize(1);
    assertThat(run("new", "restore", "--replace", file.toString()).exitCode()).isZero();
  }

  @Test
  void aBackupIntoAMissingFolderSaysSoInOneLine() {
    run("old", "migrate");
    Path file = temp.resolve("no-such-folder/institute.zip");

    Run backup = run("old", "backup", file.toString());

    assertThat(backup.exitCode()).isEqualTo(1);
    assertThat(backup.err()).isEqualTo("thinkpress: Cannot write the backup " + file + ": the folder " + file.getParent()
        + " does not exist\n");
    assertThat(Files.exists(file)).isFalse();
  }
}
