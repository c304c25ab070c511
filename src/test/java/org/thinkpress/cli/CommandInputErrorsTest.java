package org.thinkpress.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What a command says of a wrong option value or a file it cannot use: exit status 1 and one
 * line naming the option or the file, nothing on standard output, and no key or file written.
 */
class CommandInputErrorsTest {

  @TempDir
  Path temp;

  private void thenRefused(String message, String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int exitCode = Cli.commandLine(Map.of("THINKPRESS_DATA_DIR", temp.resolve("data").toString()),
        new PrintWriter(out, true), new PrintWriter(err, true)).execute(args);

    assertThat(err.toString()).as(String.join(" ", args)).isEqualTo("thinkpress: " + message + System.lineSeparator());
    assertThat(exitCode).isEqualTo(1);
    assertThat(out.toString()).isEmpty();
  }

  @Test
  void aDkimKeyIsMadeOnlyForADomainASelectorAndANewFile() throws IOException {
    Path key = temp.resolve("dkim.pem");
    thenRefused("--domain 'not a domain' is not a domain such as institute.example",
        "mail", "dkim-key", "--domain", "not a domain", "--out", key.toString());
    thenRefused("--selector 'bad_selector' must be letters, digits and dashes",
        "mail", "dkim-key", "--domain", "institute.example", "--selector", "bad_selector", "--out", key.toString());
    assertThat(key).doesNotExist();

    Files.writeString(key, "an older key");
    thenRefused(key + " exists; choose a new file so that no key is overwritten",
        "mail", "dkim-key", "--domain", "institute.example", "--out", key.toString());
    assertThat(key).hasContent("an older key");
  }

  @Test
  void filesThatCannotBeReadOrWouldBeOverwrittenAreNamed() throws IOException {
    Path missing = temp.resolve("missing.csv");
    thenRefused("cannot read " + missing, "newsletter", "send", "campaign", "--subject", "S", "--list", "news",
        missing.toString());
    thenRefused("cannot read " + missing + ": " + missing, "subscribers", "import", missing.toString());

    Path taken = Files.writeString(temp.resolve("taken.csv"), "kept");
    thenRefused(taken + " exists; choose a new file name", "subscribers", "export", taken.toString());
    assertThat(taken).hasContent("kept");
    Path noFolder = temp.resolve("no-such-folder").resolve("export.csv");
    thenRefused("cannot write " + noFolder + ": " + noFolder, "subscribers", "export", noFolder.toString());
  }

  @Test
  void anImportReadsOnlyTheFormatsItKnows() {
    thenRefused("--from 'wordpress' is not one of thinkpress, substack, ghost",
        "subscribers", "import", "--from", "wordpress", temp.resolve("people.csv").toString());
  }

  @Test
  void aDigestTimeMustBeAnInstant() {
    thenRefused("--at 'monday' is not an instant such as 2026-03-02T09:00:00Z", "newsletter", "digest", "--at", "monday");
  }
}
