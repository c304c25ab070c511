package org.thinkpress.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.thinkpress.cli.Cli;
import org.thinkpress.search.IndexDamage;

/**
 * Starting the real command line ({@code Main}, in a process of its own) where the data folder
 * cannot be used: read-only, full, its SQLite file locked by another process, its search index
 * damaged. Each failure is one line on standard error naming the path and what to do, with exit
 * status 1, and no stack trace; a damaged index is rebuilt instead.
 */
class StartupFaultsTest {

  /** The demo content with an index built by {@code search reindex}, made once and copied by the tests that need it. */
  private static Path demo;

  @TempDir
  Path temp;

  @AfterAll
  static void deleteTheDemo() throws IOException {
    if (demo != null) {
      IndexDamage.delete(demo);
    }
  }

  private Path copyOfTheDemo() throws IOException {
    if (demo == null) {
      demo = Files.createTempDirectory("thinkpress-startup-demo-");
      assertThat(cli(demo, "demo", "--load-only")).isZero();
      assertThat(cli(demo, "search", "reindex")).isZero();
    }
    Path data = temp.resolve("data");
    IndexDamage.copy(demo, data);
    return data;
  }

  @Test
  void aLockedDatabaseFileStopsTheStartWithOneLineNamingTheFile() throws Exception {
    Path data = temp.resolve("data");
    migrated(data);
    Path file = data.resolve("thinkpress.db");
    try (Connection other = DriverManager.getConnection("jdbc:sqlite:" + file); Statement lock = other.createStatement()) {
      lock.execute("BEGIN EXCLUSIVE");

      ChildThinkPress.Outcome serve = ChildThinkPress.run(temp, "--set", "data.dir=" + data, "serve", "--port", "0");

      thenItFailedWith(serve, "thinkpress: The database file " + file + " is locked by another process (which holds"
          + " a write transaction); end that transaction or stop that process (a sqlite3 shell, a backup, another"
          + " thinkpress command), then start again");
      lock.execute("ROLLBACK");
    }
  }

  @Test
  void aReadOnlyDataFolderStopsTheStartWithOneLineNamingIt() {
    try (Tmpfs disk = Tmpfs.mount(temp.resolve("disk"), "16m")) {
      Path data = disk.folder().resolve("data");
      migrated(data);
      disk.readOnly();

      ChildThinkPress.Outcome serve = ChildThinkPress.run(temp, "--set", "data.dir=" + data, "serve", "--port", "0");

      thenItFailedWith(serve, "thinkpress: The database file " + data.resolve("thinkpress.db") + " cannot be written:"
          + " its folder " + data + " is not writable; make it writable, or point data.dir (or database.url) at a"
          + " writable folder");
    }
  }

  @Test
  void aDataFolderThatCannotBeCreatedStopsTheStartWithOneLineNamingIt() {
    try (Tmpfs disk = Tmpfs.mount(temp.resolve("disk"), "16m").readOnly()) {
      Path data = disk.folder().resolve("data");

      ChildThinkPress.Outcome serve = ChildThinkPress.run(temp, "--set", "data.dir=" + data, "serve", "--port", "0");

      thenItFailedWith(serve, "thinkpress: Cannot create the database folder " + data + ": Read-only file system;"
          + " make its parent writable, or point data.dir (or database.url) at a writable folder");
      assertThat(data).doesNotExist();
    }
  }

  /** 64k: room for the file, not for the schema; 16k: not even for SQLite's shared memory file. */
  @ParameterizedTest
  @ValueSource(strings = {"64k", "16k"})
  void aFullDataFolderStopsTheStartWithOneLineNamingIt(String size) {
    try (Tmpfs disk = Tmpfs.mount(temp.resolve("disk"), size)) {
      Path data = disk.folder().resolve("data");

      ChildThinkPress.Outcome serve = ChildThinkPress.run(temp, "--set", "data.dir=" + data, "serve", "--port", "0");

      thenItFailedWith(serve, "thinkpress: The disk holding the database file " + data.resolve("thinkpress.db")
          + " is full; free some space there, or point data.dir (or database.url) at another disk, then start again");
    }
  }

  @Test
  void aDamagedSearchIndexIsSetAsideAndRebuiltWhileTheSiteServes() throws Exception {
    Path data = copyOfTheDemo();
    IndexDamage.RANDOM_BYTES_IN_SEGMENTS_N.applyTo(data.resolve("index"));

    try (ChildThinkPress serve = ChildThinkPress.start(temp, "--set", "data.dir=" + data, "serve", "--port", "0")) {
      int port = serve.awaitServing();

      assertThat(get(port, "/").statusCode()).isEqualTo(200);
      HttpResponse<String> results = get(port, "/search?q=grain+exports");
      assertThat(results.statusCode()).isEqualTo(200);
      assertThat(results.body()).contains("href=\"/publications/black-sea-grain-exports-under-pressure\"");
      String err = serve.stop().err();
      assertThat(err.lines().filter(line -> line.contains("The search index at " + data.resolve("index"))))
          .singleElement().asString().contains(" WARN  SearchIndex - The search index at " + data.resolve("index")
              + " is damaged (IndexFormatTooOldException: ", "); it was moved to " + data + "/index.damaged-");
      thenNoStackTraceIn(err);
    }
    try (Stream<Path> files = Files.list(data)) {
      assertThat(files.map(path -> path.getFileName().toString()).filter(name -> name.startsWith("index.")))
          .singleElement().asString().matches("index\\.damaged-[0-9]{8}-[0-9]{6}");
    }
  }

  @Test
  void searchReindexSetsADamagedIndexAsideAndRebuildsIt() throws IOException {
    Path data = copyOfTheDemo();
    IndexDamage.EMPTIED_FILES.applyTo(data.resolve("index"));

    ChildThinkPress.Outcome reindex = ChildThinkPress.run(temp, "--set", "data.dir=" + data, "search", "reindex");

    assertThat(reindex.exitCode()).as(reindex.err()).isZero();
    assertThat(reindex.out()).startsWith("Indexed 25 publications in ");
    assertThat(reindex.err()).contains(" is damaged (");
    thenNoStackTraceIn(reindex.err());
  }

  private static void thenItFailedWith(ChildThinkPress.Outcome outcome, String line) {
    assertThat(outcome.err()).isEqualTo(line + "\n");
    assertThat(outcome.out()).isEmpty();
    assertThat(outcome.exitCode()).isEqualTo(1);
  }

  private static void thenNoStackTraceIn(String err) {
    assertThat(err.lines().filter(line -> line.startsWith("\tat ") || line.startsWith("Caused by: ")
        || line.contains("Exception in thread")).toList()).as(err).isEmpty();
  }

  /** A data folder with a migrated database and nothing else. */
  private static void migrated(Path data) {
    ThinkPress.open(ConfigLoader.load(null, Map.of(), Map.of("data.dir", data.toString()))).close();
  }

  private static int cli(Path data, String... args) {
    StringWriter ignored = new StringWriter();
    return Cli.commandLine(Map.of("THINKPRESS_DATA_DIR", data.toString()), new PrintWriter(ignored, true),
        new PrintWriter(ignored, true)).execute(args);
  }

  private static HttpResponse<String> get(int port, String path) throws IOException, InterruptedException {
    return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).build(),
        HttpResponse.BodyHandlers.ofString());
  }

}
