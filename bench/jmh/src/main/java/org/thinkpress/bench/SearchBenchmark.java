package org.thinkpress.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.thinkpress.content.ContentReader;
import org.thinkpress.content.ContentStore;
import org.thinkpress.content.ContentVersion;
import org.thinkpress.content.MarkdownRenderer;
import org.thinkpress.content.Publication;
import org.thinkpress.content.PublicationTypes;
import org.thinkpress.search.Search;
import org.thinkpress.search.SearchRequest;
import org.thinkpress.search.SearchResults;
import org.thinkpress.search.SearchSettings;
import org.thinkpress.storage.Database;
import org.thinkpress.storage.DatabaseSettings;

/**
 * The search benchmark behind {@code bench/search.sh}: a program of its own rather than a JMH
 * benchmark, since what it reports (reindex rate per CPU-second, latency percentiles for one and
 * for 8 concurrent clients over a fixed query mix) are the numbers docs/benchmarks.md compares. Generates N publications of
 * about 1,000 words (English 80 %, Russian 15 %, Armenian 5 %, words drawn from a Zipf
 * distribution over a synthetic vocabulary per language) into a SQLite database (kept between
 * runs), then measures: full reindex rate, query latency over a mix of queries for one client and
 * for 8 concurrent clients, "other materials" latency, and the index size. Latencies are of the
 * search service in process (query, facets, snippets, stored fields), without HTTP.
 *
 * <p>Two corpora. {@code prose} (the default since 260b8fc, 2026-11-30): each
 * language's 33 commonest words are its function words (the, of, and; и, в, не; և, է, որ), which
 * the analyzers drop as stop words, as in real text: they make 38 % of its words here, about a
 * third in a real think-tank article (431 of the 1,318 words of {@code shared/samples}).
 * {@code dense} (the only one until b974cea, 2026-11-30): the same generator without function words,
 * so all of a piece's ~1,100 words are indexed, as many as a real article of 1,700 words has, and
 * its ten commonest words, which the index must pair for phrases, make a quarter of the text.
 * Queries and phrases are made of content words in both.
 *
 * <p>Arguments: {@code FOLDER N REINDEX_RUNS QUERIES [CORPUS]}.
 */
public final class SearchBenchmark {

  public static void main(String[] args) throws Exception {
    Path folder = Path.of(args[0]);
    int count = Integer.parseInt(args[1]);
    int reindexRuns = Integer.parseInt(args[2]);
    int queries = Integer.parseInt(args[3]);
    boolean prose = args.length <= 4 || args[4].equals("prose");
    if (!prose && !args[4].equals("dense")) {
      throw new IllegalArgumentException("the corpus is dense or prose, not " + args[4]);
    }
    String name = (prose ? "prose-" : "") + count;
    Files.createDirectories(folder);
    Path db = folder.resolve("bench-" + name + ".db");
    boolean fresh = !Files.exists(db);
    try (Database database = Database.open(new DatabaseSettings("jdbc:sqlite:" + db, "", "", 8))) {
      database.migrate();
      Clock clock = Clock.fixed(Instant.parse("2026-06-01T00:00:00Z"), ZoneOffset.UTC);
      ContentVersion version = new ContentVersion(database.jdbi());
      ContentStore store = new ContentStore(database.jdbi(), clock, new MarkdownRenderer(), PublicationTypes.DEFAULT,
          version);
      ContentReader reader = new ContentReader(database.jdbi(), version);
      SyntheticCorpus corpus = new SyntheticCorpus(new Random(42), prose);
      if (fresh) {
        long started = System.nanoTime();
        corpus.generate(store, count);
        System.out.printf("generated %d publications in %.0f s%n", count, (System.nanoTime() - started) / 1e9);
      }
      Path indexDir = folder.resolve("index-" + name);
      SearchSettings settings = new SearchSettings(indexDir, 1_000, 10, 1_000_000);
      try (Search search = Search.open(settings, database.jdbi(), store, reader, ZoneOffset.UTC)) {
        for (int run = 1; run <= reindexRuns; run++) {
          long started = System.nanoTime();
          long cpuBefore = processCpuNanos();
          int indexed = search.reindex(n -> {});
          double seconds = (System.nanoTime() - started) / 1e9;
          double cpuSeconds = (processCpuNanos() - cpuBefore) / 1e9;
          System.out.printf("reindex run %d: %d publications in %.1f s = %.0f publications/s (%.0f CPU-s: %.0f publications"
              + " per CPU-second); index %.0f MB%n", run, indexed, seconds, indexed / seconds, cpuSeconds,
              indexed / cpuSeconds, search.indexBytes() / 1e6);
        }
        if (reindexRuns == 0) {
          search.catchUp();
        }
        List<SearchRequest> mix = corpus.queryMix(queries);
        run("warm-up", search, mix, 1);
        run("1 client", search, mix, 1);
        run("8 clients", search, mix, 8);
        List<String> slugs = database.jdbi().withHandle(h -> h.createQuery("SELECT slug FROM publications")
            .mapTo(String.class).list());
        otherMaterials(search, reader, slugs, Math.max(200, queries / 5));
        System.out.printf("index size: %.0f MB for %d publications%n", search.indexBytes() / 1e6, count);
      }
    }
  }

  /** CPU time of the whole process: on a shared machine, wall time alone says little. */
  static long processCpuNanos() {
    return ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory.getOperatingSystemMXBean())
        .getProcessCpuTime();
  }

  static void run(String label, Search search, List<SearchRequest> mix, int clients) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(clients);
    long[] latencies = new long[mix.size()];
    long[] totalHits = new long[1];
    long started = System.nanoTime();
    List<Future<?>> work = new ArrayList<>();
    for (int c = 0; c < clients; c++) {
      int client = c;
      work.add(pool.submit(() -> {
        for (int i = client; i < mix.size(); i += clients) {
          long t0 = System.nanoTime();
          SearchResults results = search.search(mix.get(i));
          latencies[i] = System.nanoTime() - t0;
          synchronized (totalHits) {
            totalHits[0] += results.total();
          }
        }
        return null;
      }));
    }
    for (Future<?> f : work) {
      f.get();
    }
    double seconds = (System.nanoTime() - started) / 1e9;
    pool.shutdown();
    String slowest = System.getenv("SLOWEST"); // SLOWEST=20 lists the slowest requests, for profiling
    if (slowest != null) {
      Integer[] order = new Integer[latencies.length];
      for (int i = 0; i < order.length; i++) {
        order[i] = i;
      }
      Arrays.sort(order, (a, b) -> Long.compare(latencies[b], latencies[a]));
      for (int i = 0; i < Math.min(order.length, Integer.parseInt(slowest)); i++) {
        SearchRequest request = mix.get(order[i]);
        System.out.printf("  %.1f ms %s %s%s%n", latencies[order[i]] / 1e6, request.query(), request.filters(),
            request.byDate() ? " by date" : "");
      }
    }
    report(label + " (" + mix.size() + " queries, " + String.format("%.0f", mix.size() / seconds) + " queries/s, mean "
        + (totalHits[0] / mix.size()) + " hits)", latencies);
  }

  static void otherMaterials(Search search, ContentReader reader, List<String> slugs, int samples) {
    Random random = new Random(7);
    List<Publication> pieces = new ArrayList<>();
    while (pieces.size() < samples) {
      reader.publicPublication(slugs.get(random.nextInt(slugs.size()))).ifPresent(pieces::add);
    }
    for (int i = 0; i < Math.min(100, samples); i++) { // warm-up
      search.otherMaterials().forPublication(pieces.get(i), 4);
    }
    long[] latencies = new long[samples];
    for (int i = 0; i < samples; i++) {
      long t0 = System.nanoTime();
      search.otherMaterials().forPublication(pieces.get(i), 4);
      latencies[i] = System.nanoTime() - t0;
    }
    report("other materials (" + samples + " pieces)", latencies);
  }

  static void report(String label, long[] nanos) {
    long[] sorted = nanos.clone();
    Arrays.sort(sorted);
    System.out.printf("%s: p50 %.2f ms, p90 %.2f ms, p99 %.2f ms, max %.2f ms%n", label, percentile(sorted, 50),
        percentile(sorted, 90), percentile(sorted, 99), sorted[sorted.length - 1] / 1e6);
  }

  static double percentile(long[] sorted, double p) {
    int index = (int) Math.ceil(p / 100 * sorted.length) - 1;
    return sorted[Math.max(0, Math.min(sorted.length - 1, index))] / 1e6;
  }
}
