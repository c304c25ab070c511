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

/** {@code subscribers import --from}: another platform's export as it comes, with a dry run first. */
class SubscribersCommandTest {

  @TempDir
  Path temp;

  record Run(int exitCode, String out, String err) {}

  private Run run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int exitCode = Cli.commandLine(Map.of("THINKPRESS_DATA_DIR", temp.resolve("data").toString()),
        new PrintWriter(out, true), new PrintWriter(err, true)).execute(args);
    return new Run(exitCode, out.toString(), err.toString());
  }

  private Path givenFile(String name, String csv) throws IOException {
    return Files.writeString(temp.resolve(name), csv);
  }

  @Test
  void aGhostMembersFileImportsWithFromGhostAfterADryRunThatWritesNothing() throws IOException {
    Path members = givenFile("members.csv", """
        id,email,name,note,subscribed_to_emails,complimentary_plan,stripe_customer_id,created_at,deleted_at,labels,tiers
        64a1f0c2e4b0a1b2c3d4e5f6,stays@example.org,Ana,,true,false,,2023-04-01T10:00:00.000Z,,weekly-digest,
        64a1f0c2e4b0a1b2c3d4e5f7,left@example.org,Ben,,false,false,,2022-09-15T07:30:00.000Z,,,
        """);

    Run dryRun = run("subscribers", "import", "--from", "ghost", "--dry-run", members.toString());
    Run imported = run("subscribers", "import", "--from", "ghost", members.toString());

    assertThat(dryRun.exitCode()).isZero();
    assertThat(dryRun.out()).isEqualTo("Dry run of " + members + ": nothing was written\n"
        + "  would be added: 2 (pending 0, confirmed 1, paused 0, unsubscribed 1)\n"
        + "  would be updated: 0\n"
        + "  kept as they were: 0\n"
        + "    suppressed here: 0\n"
        + "    erased here on request: 0\n"
        + "    unsubscribed here: 0\n"
        + "    not confirmed in the file: 0\n"
        + "    confirmed here after leaving as the file says: 0\n"
        + "    already as in the file: 0\n");
    assertThat(imported.exitCode()).isZero();
    assertThat(imported.out()).startsWith("Imported " + members + "\n"
        + "  added: 2 (pending 0, confirmed 1, paused 0, unsubscribed 1)\n");
    assertThat(run("subscribers", "counts").out()).contains("confirmed      1\n", "unsubscribed   1\n",
        "  weekly-digest            1\n");
  }

  @Test
  void aSubstackFileReadAsGhostsIsRefusedNamingTheColumnsItLacks() throws IOException {
    Path substack = givenFile("substack.csv", """
        email,active_subscription,expiry,plan,email_disabled,created_at,first_payment_at
        reader@example.org,false,,free,false,2023-04-01T09:15:22.123Z,
        """);

    Run refused = run("subscribers", "import", "--from", "ghost", substack.toString());

    assertThat(refused.exitCode()).isEqualTo(1);
    assertThat(refused.err()).isEqualTo(substack + ":1: the header does not look like Ghost's members export: it lacks"
        + " subscribed_to_emails; it looks like Substack's subscriber export\n"
        + "thinkpress: 1 problem(s) in " + substack + "; nothing was imported\n");
    assertThat(refused.out()).isEmpty();
  }
}
