package org.thinkpress.cli;

import java.util.Map;
import java.util.concurrent.Callable;
import org.thinkpress.app.ThinkPress;
import org.thinkpress.search.Search;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code thinkpress search reindex}: rebuilds this node's search index from the database. */
@Command(name = "search", mixinStandardHelpOptions = true, description = "Manage this node's search index.",
    subcommands = {SearchCommand.Reindex.class})
final class SearchCommand {

  @ParentCommand
  ThinkPressCommand root;

  @Command(name = "reindex", mixinStandardHelpOptions = true,
      description = {"Rebuild the search index (data.dir/index) from every published piece in the database.",
          "The server rebuilds it by itself when it is missing, damaged or out of date; run this with the server stopped.",
          "A damaged index is set aside (renamed index.damaged-STAMP) and rebuilt."})
  static final class Reindex implements Callable<Integer> {
    @ParentCommand
    SearchCommand search;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
      var config = search.root.config(Map.of());
      try (ThinkPress thinkPress = ThinkPress.open(config); Search index = thinkPress.openSearch()) {
        long started = System.nanoTime();
        int count;
        try (ContentCommand.Progress progress = new ContentCommand.Progress("Indexing", index.publishedCount())) {
          count = index.reindex(progress);
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        spec.commandLine().getOut().printf("Indexed %d publications in %.1f s into %s (%.1f MB)%n", count, seconds,
            config.search().indexDir(), index.indexBytes() / 1e6);
        // a server merges in the background; this process is about to end, which would abandon the merges
        long merging = System.nanoTime();
        int segments = index.settle();
        spec.commandLine().getOut().printf("Merged into %d segments in %.1f s (%.1f MB)%n", segments,
            (System.nanoTime() - merging) / 1e9, index.indexBytes() / 1e6);
      }
      return 0;
    }
  }
}
