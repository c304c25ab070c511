package org.thinkpress.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.thinkpress.app.ConfigLoader;
import org.thinkpress.app.TestSite;
import org.thinkpress.app.ThinkPress;
import org.thinkpress.search.IndexDamage;
import org.thinkpress.search.Search;
import org.thinkpress.search.SearchRequest;

/**
 * A data folder whose search index was damaged on disk, as {@code serve} and {@code search reindex}
 * find it: the index is set aside under a new name, and rebuilt from the database.
 */
class DamagedSearchIndexTest {

  /** The demo content and an index built by {@code search reindex}, copied for each test. */
  static Path pristine;

  @TempDir
  Path temp;
  Path data;
  Map<String, Long> damaged;

  record Run(int exitCode, String out, String err) {}

  @BeforeAll
  static void buildADataFolder() throws IOException {
    pristine = Files.createTempDirectory("thinkpress-damaged-index-");
    assertThat(run(pristine, "demo", "--load-only").exitCode()).isZero();
    assertThat(run(pristine, "search", "reindex").exitCode()).isZero();
  }

  @AfterAll
  static void deleteIt() throws IOException {
    IndexDamage.delete(pristine);
  }

  @BeforeEach
  void copyIt() throws IOException {
    data = temp.resolve("data");
    IndexDamage.copy(pristine, data);
  }

  void given(IndexDamage damage) {
    damage.applyTo(data.resolve("index"));
    damaged = IndexDamage.contents(data.resolve("index"));
  }

  @ParameterizedTest
  @EnumSource(IndexDamage.class)
  void serveSetsTheDamagedIndexAsideAndRebuildsItWhileTheSiteServes(IndexDamage damage) {
    given(damage);

    try (TestSite site = TestSite.start(Map.of("data.dir", data.toString()), false)) {
      assertThat(site.get("/").statusCode()).isEqualTo(200);
      HttpResponse<String> results = site.get("/search?q=grain+exports");
      assertThat(results.statusCode()).isEqualTo(200);
      assertThat(results.body()).contains("href=\"/publications/black-sea-grain-exports-under-pressure\"");
      assertThat(site.serving().search().search(SearchRequest.text("")).total()).isEqualTo(25); // 20 published pieces and 5 pages
    }
    thenTheDamagedIndexIsKeptUnderANewName();
  }

  @ParameterizedTest
  @EnumSource(IndexDamage.class)
  void searchReindexSetsTheDamagedIndexAsideAndRebuildsIt(IndexDamage damage) {
    given(damage);

    Run reindex = run(data, "search", "reindex");

    assertThat(reindex.err()).isEmpty();
    assertThat(reindex.exitCode()).isZero();
    assertThat(reindex.out()).startsWith("Indexed 25 publications in ");
    thenTheDamagedIndexIsKeptUnderANewName();
    var config = ConfigLoader.load(null, Map.of(), Map.of("data.dir", data.toString()));
    try (ThinkPress thinkPress = ThinkPress.open(config); Search search = thinkPress.openSearch()) {
      search.catchUp();
      assertThat(search.search(SearchRequest.text("grain exports")).hits()).first()
          .satisfies(hit -> assertThat(hit.summary().slug()).isEqualTo("black-sea-grain-exports-under-pressure"));
      assertThat(search.search(SearchRequest.text("")).total()).isEqualTo(25); // 20 published pieces and 5 pages
    }
    assertThat(setAside()).as("a sound index is not set aside").hasSize(1);
  }

  private void thenTheDamagedIndexIsKeptUnderANewName() {
    List<Path> aside = setAside();
    assertThat(aside).hasSize(1);
    assertThat(aside.get(0).getFileName().toString()).matches("index\\.damaged-[0-9]{8}-[0-9]{6}");
    assertThat(IndexDamage.contents(aside.get(0))).isEqualTo(damaged);
    assertThat(data.resolve("index")).isDirectory();
  }

  private List<Path> setAside() {
    try (Stream<Path> files = Files.list(data)) {
      return files.filter(path -> path.getFileName().toString().startsWith("index.")).toList();
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  private static Run run(Path data, String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int exitCode = Cli.commandLine(Map.of("THINKPRESS_DATA_DIR", data.toString()), new PrintWriter(out, true),
        new PrintWriter(err, true)).execute(args);
    return new Run(exitCode, out.toString(), err.toString());
  }
}
