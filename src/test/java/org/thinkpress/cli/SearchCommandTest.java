package org.thinkpress.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.thinkpress.app.ConfigLoader;
import org.thinkpress.app.ThinkPress;
import org.thinkpress.search.Search;
import org.thinkpress.search.SearchRequest;

/** {@code thinkpress search reindex} on a data folder with the demo content. */
class SearchCommandTest {

  Path folder;
  final StringWriter out = new StringWriter();
  final StringWriter err = new StringWriter();

  @BeforeEach
  void createFolder() throws Exception {
    folder = Files.createTempDirectory("thinkpress-cli-search-");
  }

  @AfterEach
  void deleteFolder() throws Exception {
    try (var paths = Files.walk(folder)) {
      paths.sorted(java.util.Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
    }
  }

  int run(String... args) {
    String[] all = new String[args.length + 2];
    all[0] = "--set";
    all[1] = "data.dir=" + folder;
    System.arraycopy(args, 0, all, 2, args.length);
    return Cli.commandLine(Map.of(), new PrintWriter(out, true), new PrintWriter(err, true)).execute(all);
  }

  @Test
  void reindexBuildsTheIndexFromTheDatabase() {
    assertThat(run("demo", "--load-only")).isZero();

    assertThat(run("search", "reindex")).isZero();

    assertThat(out.toString()).containsPattern("Indexed 25 publications in [0-9.]+ s into " + folder.resolve("index")
        .toString().replace("\\", "\\\\") + " \\([0-9.]+ MB\\)");
    assertThat(out.toString()).containsPattern("Merged into [0-9]+ segments in [0-9.]+ s");
    var config = ConfigLoader.load(null, Map.of(), Map.of("data.dir", folder.toString()));
    try (ThinkPress thinkPress = ThinkPress.open(config); Search search = thinkPress.openSearch()) {
      search.catchUp();
      assertThat(search.search(SearchRequest.text("")).total()).isEqualTo(25); // 20 published pieces and 5 pages
    }
  }

  @Test
  void reindexRefusesAnIndexThatARunningServerHasOpen() {
    assertThat(run("demo", "--load-only")).isZero();
    var config = ConfigLoader.load(null, Map.of(), Map.of("data.dir", folder.toString()));
    try (ThinkPress thinkPress = ThinkPress.open(config); Search ignored = thinkPress.openSearch()) {
      assertThat(run("search", "reindex")).isEqualTo(1);
    }
    assertThat(err.toString()).startsWith("thinkpress: The search index at " + folder.resolve("index")
        + " is in use by another ThinkPress process (a running server?)");
  }
}
