package org.thinkpress.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.thinkpress.app.ConfigLoader;
import org.thinkpress.app.ThinkPress;

/** The command line as a user runs it: exit codes, messages, and what ends up in the database. */
class CliTest {

  @TempDir
  Path temp;

  record Run(int exitCode, String out, String err) {}

  private Run run(String... args) {
    return runWith(Map.of(), args);
  }

  private Run runWith(Map<String, String> environment, String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    Map<String, String> all = new java.util.HashMap<>(environment);
    all.put("THINKPRESS_DATA_DIR", temp.resolve("data").toString());
    int exitCode = Cli.commandLine(all, new PrintWriter(out, true), new PrintWriter(err, true)).execute(args);
    return new Run(exitCode, out.toString(), err.toString());
  }

  private int publicationsInDatabase() {
    try (ThinkPress thinkPress = ThinkPress.open(ConfigLoader.load(null,
        Map.of("THINKPRESS_DATA_DIR", temp.resolve("data").toString()), Map.of()))) {
      return thinkPress.contentStore().exportBundle().publications().size();
    }
  }

  @Test
  void helpListsTheCommands() {
    Run help = run("--help");

    assertThat(help.exitCode()).isZero();
    assertThat(help.out()).contains("serve", "demo", "migrate", "content", "THINKPRESS_SERVER_PORT");
    assertThat(run("content", "--help").out()).contains("import", "export");
  }

  @Test
  void migrateCreatesTheDatabase() {
    Run migrate = run("migrate");

    assertThat(migrate.exitCode()).isZero();
    assertThat(migrate.out()).contains("is up to date");
    assertThat(temp.resolve("data/thinkpress.db")).exists();
  }

  @Test
  void loadingTheDemoTwiceDoesNotDuplicateIt() {
    assertThat(run("demo", "--load-only").exitCode()).isZero();
    assertThat(run("demo", "--load-only").exitCode()).isZero();

    assertThat(publicationsInDatabase()).isEqualTo(27); // 22 pieces and 5 pages
  }

  @Test
  void aBrokenFolderIsRefusedByFileAndLineAndNothingIsWritten() throws IOException, URISyntaxException {
    Path folder = copyOfDemo();
    Path piece = folder.resolve("publications/black-sea-grain-exports-under-pressure.md");
    Files.writeString(piece, Files.readString(piece).replace("topics: [economy,", "topics: [economics,"));

    Run imported = run("content", "import", folder.toString());

    assertThat(imported.exitCode()).isEqualTo(1);
    assertThat(imported.err()).isEqualTo("thinkpress: 1 problem in " + folder + "; nothing was imported:\n"
        + "  publications/black-sea-grain-exports-under-pressure.md:11: unknown topic 'economics'\n");
    assertThat(publicationsInDatabase()).isZero();
  }

  @Test
  void exportThenImportElsewhereGivesTheSameContent() throws IOException, URISyntaxException {
    assertThat(run("content", "import", copyOfDemo().toString()).out())
        .startsWith("Imported 22 publications, 5 pages, 5 experts, 5 topics, 8 regions and 0 media files from ");
    Path export = temp.resolve("export");

    Run exported = run("content", "export", export.toString());

    assertThat(exported.exitCode()).isZero();
    assertThat(exported.out()).startsWith("Exported 22 publications, 5 pages, 5 experts, 5 topics, 8 regions and 0 media files to ");
    try (Stream<Path> files = Files.list(export.resolve("publications"))) {
      assertThat(files.count()).isEqualTo(22);
    }
    try (Stream<Path> files = Files.list(export.resolve("pages"))) {
      assertThat(files.map(f -> f.getFileName().toString())).containsExactlyInAnyOrder("about.md", "o-nas.md",
          "mer-masin.md", "contact.md", "privacy.md");
    }
    Run again = run("content", "export", export.toString());
    assertThat(again.exitCode()).isEqualTo(1);
    assertThat(again.err()).contains("is not empty; give a new or empty folder");
  }

  @Test
  void badSettingsAreNamed() {
    assertThat(run("--set", "server.prot=80", "migrate").err()).startsWith("thinkpress: Unknown setting 'server.prot' on the command line");
    assertThat(run("--set", "database.url=jdbc:mysql://db/x", "migrate").err())
        .isEqualTo("thinkpress: database.url: unsupported database 'jdbc:mysql'; use jdbc:sqlite:FILE or jdbc:postgresql://HOST/DB\n");
  }

  @Test
  void aMistypedEnvironmentVariableStopsServeWithTheMessageSetGives() {
    Run mistyped = runWith(Map.of("THINKPRESS_SERVER_PROT", "9000"), "serve");
    Run set = run("--set", "server.prot=9000", "serve");

    assertThat(mistyped.exitCode()).isEqualTo(1);
    assertThat(mistyped.err()).startsWith("thinkpress: Unknown setting 'THINKPRESS_SERVER_PROT' in the environment;"
        + " did you mean 'THINKPRESS_SERVER_PORT' (server.port)? Known settings: ").endsWith("\n");
    assertThat(set.err()).startsWith("thinkpress: Unknown setting 'server.prot' on the command line;"
        + " did you mean 'server.port'? Known settings: ");
    String known = "? Known settings: ";
    assertThat(mistyped.err().substring(mistyped.err().indexOf(known))).isEqualTo(set.err().substring(set.err().indexOf(known)));
    assertThat(mistyped.err().lines()).hasSize(1);
    assertThat(temp.resolve("data")).doesNotExist();
  }

  @Test
  void thePropertiesFilesVariableAndTheTestSuitesVariablesStopNothing() throws IOException {
    Path file = temp.resolve("thinkpress.properties");
    Files.writeString(file, "site.page-size = 20\n");

    Run migrate = runWith(Map.of("THINKPRESS_CONFIG", file.toString(),
        "THINKPRESS_TEST_POSTGRES_URL", "jdbc:postgresql://127.0.0.1:5432/test?user=postgres"), "migrate");

    assertThat(migrate.err()).isEmpty();
    assertThat(migrate.exitCode()).isZero();
  }

  private Path copyOfDemo() throws IOException, URISyntaxException {
    Path demo = Path.of(CliTest.class.getResource("/demo/topics.yaml").toURI()).getParent();
    Path copy = temp.resolve("content");
    try (Stream<Path> paths = Files.walk(demo)) {
      for (Path path : paths.toList()) {
        Path target = copy.resolve(demo.relativize(path).toString());
        if (Files.isDirectory(path)) {
          Files.createDirectories(target);
        } else {
          Files.copy(path, target);
        }
      }
    }
    return copy;
  }
}
