package org.thinkpress.search;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.thinkpress.content.ContentBundle;
import org.thinkpress.content.ContentReader;
import org.thinkpress.content.ContentStore;
import org.thinkpress.content.ContentVersion;
import org.thinkpress.content.ExpertInput;
import org.thinkpress.content.MarkdownRenderer;
import org.thinkpress.content.Publication;
import org.thinkpress.content.PublicationInput;
import org.thinkpress.content.PublicationTypes;
import org.thinkpress.content.RegionInput;
import org.thinkpress.content.Status;
import org.thinkpress.content.TopicInput;
import org.thinkpress.storage.Database;
import org.thinkpress.storage.DatabaseSettings;

/**
 * The search benchmark behind {@code bench/search.sh}; not a test. Generates N publications of
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

  static final List<String> TYPES = PublicationTypes.DEFAULT.keys();
  static final int VOCABULARY = 30_000;

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
      Corpus corpus = new Corpus(new Random(42), prose);
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

  /** Synthetic content and queries; the same seed gives the same corpus. */
  static final class Corpus {
    final Random random;
    final Map<String, String[]> words = new HashMap<>();
    final double[] zipf = new double[VOCABULARY];
    final List<String> slugs = new ArrayList<>();
    final List<String[]> bigrams = new ArrayList<>();
    final List<String> topics = new ArrayList<>();
    final List<String> regions = new ArrayList<>();
    final List<String> experts = new ArrayList<>();

    /** The function words of the prose corpus, commonest first; each is its analyzer's stop word. */
    static final Map<String, List<String>> FUNCTION_WORDS = Map.of(
        "en", List.of("the", "of", "and", "to", "a", "in", "is", "that", "for", "it", "as", "was", "with", "be", "by",
            "on", "not", "this", "are", "at", "or", "but", "they", "their", "an", "will", "there", "no", "if", "into",
            "such", "these", "then"),
        "ru", List.of("и", "в", "не", "на", "что", "с", "как", "а", "то", "по", "но", "к", "из", "у", "за", "от", "о",
            "же", "так", "для", "бы", "только", "его", "он", "она", "до", "вы", "мы", "уже", "все", "был", "было",
            "если"),
        "hy", List.of("և", "է", "որ", "ի", "են", "այդ", "այն", "այս", "իր", "նա", "մի", "համար", "հետ", "մեջ", "վրա",
            "կամ", "իսկ", "ու", "ըստ", "որպես", "էր", "նաև", "նրա", "որը", "որոնք", "եմ", "ենք", "ես", "դու", "մենք",
            "նրանք", "էին", "պիտի"));

    /** The ranks taken by function words: none in the dense corpus. */
    final int functionRanks;

    Corpus(Random random, boolean prose) {
      this.random = random;
      words.put("en", vocabulary("bcdfghjklmnprstvwz", "aeiou", new Random(1)));
      words.put("ru", vocabulary("бвгджзклмнпрстфхцчш", "аеиоуыя", new Random(2)));
      words.put("hy", vocabulary("բգդզթժլխծկհձղճմյնշչպջռսվտրցփքֆ", "աեէըիոու", new Random(3)));
      functionRanks = prose ? 33 : 0;
      if (prose) {
        Map<String, org.apache.lucene.analysis.CharArraySet> stops = Map.of(
            "en", org.apache.lucene.analysis.en.EnglishAnalyzer.ENGLISH_STOP_WORDS_SET,
            "ru", org.apache.lucene.analysis.ru.RussianAnalyzer.getDefaultStopSet(),
            "hy", org.apache.lucene.analysis.hy.ArmenianAnalyzer.getDefaultStopSet());
        FUNCTION_WORDS.forEach((language, list) -> {
          for (int rank = 0; rank < functionRanks; rank++) {
            if (!stops.get(language).contains(list.get(rank))) {
              throw new IllegalStateException(list.get(rank) + " is not a stop word of " + language);
            }
            words.get(language)[rank] = list.get(rank);
          }
        });
      }
      double sum = 0;
      for (int i = 0; i < VOCABULARY; i++) {
        sum += 1.0 / (i + 1);
        zipf[i] = sum;
      }
      for (int i = 0; i < VOCABULARY; i++) {
        zipf[i] /= sum;
      }
      for (int i = 0; i < 12; i++) {
        topics.add("topic-" + i);
      }
      for (int i = 0; i < 5; i++) {
        regions.add("area-" + i);
        for (int j = 0; j < 5; j++) {
          regions.add("area-" + i + "-" + j);
        }
      }
      for (int i = 0; i < 200; i++) {
        experts.add("expert-" + i);
      }
    }

    private static String[] vocabulary(String consonants, String vowels, Random random) {
      java.util.Set<String> seen = new java.util.LinkedHashSet<>();
      while (seen.size() < VOCABULARY) {
        int syllables = 1 + random.nextInt(4);
        StringBuilder word = new StringBuilder();
        for (int s = 0; s < syllables; s++) {
          word.append(consonants.charAt(random.nextInt(consonants.length())));
          word.append(vowels.charAt(random.nextInt(vowels.length())));
          if (random.nextInt(3) == 0) {
            word.append(consonants.charAt(random.nextInt(consonants.length())));
          }
        }
        seen.add(word.toString());
      }
      return seen.toArray(String[]::new);
    }

    String language() {
      int roll = random.nextInt(100);
      return roll < 80 ? "en" : roll < 95 ? "ru" : "hy";
    }

    String word(String language) {
      int rank = Arrays.binarySearch(zipf, random.nextDouble());
      return words.get(language)[rank < 0 ? Math.min(VOCABULARY - 1, -rank - 1) : rank];
    }

    /** A word of the Zipf distribution that is not a function word: what a query or a phrase is made of. */
    String contentWord(String language) {
      while (true) {
        int rank = Arrays.binarySearch(zipf, random.nextDouble());
        rank = rank < 0 ? Math.min(VOCABULARY - 1, -rank - 1) : rank;
        if (rank >= functionRanks) {
          return words.get(language)[rank];
        }
      }
    }

    String wordOfRank(String language, int from, int to) {
      return words.get(language)[from + random.nextInt(to - from)];
    }

    String sentence(String language, int length) {
      StringBuilder text = new StringBuilder();
      for (int i = 0; i < length; i++) {
        String word = word(language);
        text.append(i == 0 ? Character.toUpperCase(word.charAt(0)) + word.substring(1) : word).append(i + 1 < length ? " " : ".");
      }
      return text.toString();
    }

    void generate(ContentStore store, int count) {
      List<TopicInput> topicInputs = topics.stream().map(t -> new TopicInput(t, "Topic " + t, Map.of(), "")).toList();
      List<RegionInput> regionInputs = regions.stream().map(r -> new RegionInput(r, "Region " + r, Map.of(),
          r.lastIndexOf('-') > 4 ? r.substring(0, r.lastIndexOf('-')) : null)).toList();
      List<ExpertInput> expertInputs = experts.stream().map(e -> new ExpertInput(e, "Expert " + e.substring(7)
          + " " + word("en"), Map.of(), "Fellow", "", "", null)).toList();
      store.importBundle(new ContentBundle(Map.of("site.title", "Benchmark Institute"), topicInputs, regionInputs,
          expertInputs, List.of()), n -> {});
      List<PublicationInput> batch = new ArrayList<>();
      for (int i = 0; i < count; i++) {
        batch.add(piece(i));
        if (batch.size() == 2_000 || i == count - 1) {
          store.importBundle(new ContentBundle(Map.of(), List.of(), List.of(), List.of(), batch), n -> {});
          batch.clear();
          System.out.printf("  %d%n", i + 1);
        }
      }
    }

    PublicationInput piece(int i) {
      String language = language();
      StringBuilder body = new StringBuilder();
      int words = 0;
      int paragraph = 0;
      while (words < 1_000) {
        if (paragraph % 3 == 0) {
          body.append("## ").append(sentence(language, 3 + random.nextInt(3))).append("\n\n");
        }
        for (int s = 0; s < 5; s++) {
          int length = 12 + random.nextInt(16);
          body.append(sentence(language, length)).append(' ');
          words += length;
        }
        body.append("\n\n");
        paragraph++;
      }
      if (functionRanks == 0 && bigrams.size() < 2_000 && random.nextInt(20) == 0) {
        String[] tokens = body.toString().split("[\\s.#]+");
        int at = 5 + random.nextInt(tokens.length - 10);
        bigrams.add(new String[] {language, tokens[at].toLowerCase(java.util.Locale.ROOT), tokens[at + 1].toLowerCase(java.util.Locale.ROOT)});
      }
      String slug = "piece-" + i;
      slugs.add(slug);
      Instant published = Instant.parse("2012-01-01T00:00:00Z").plusSeconds(random.nextInt(14 * 365) * 86_400L);
      return new PublicationInput(slug, language, null, sentence(language, 6 + random.nextInt(5)),
          sentence(language, 20 + random.nextInt(10)), body.toString(), TYPES.get(random.nextInt(TYPES.size())),
          Status.PUBLISHED, published, null, false, pick(experts, 1 + random.nextInt(2)), pick(topics, 1 + random.nextInt(2)),
          pick(regions, 1 + random.nextInt(2)));
    }

    private List<String> pick(List<String> from, int n) {
      List<String> picked = new ArrayList<>();
      while (picked.size() < n) {
        String value = from.get(random.nextInt(from.size()));
        if (!picked.contains(value)) {
          picked.add(value);
        }
      }
      return picked;
    }

    /**
     * One- to three-word queries (words common, middling and rare), phrases found in the generated
     * text, and queries with one or two facet filters; one in ten by date.
     */
    List<SearchRequest> queryMix(int n) {
      if (bigrams.isEmpty()) { // an earlier run generated the database, or prose: phrases of two Zipf-drawn content words
        for (int i = 0; i < 500; i++) {
          String language = language();
          bigrams.add(new String[] {language, contentWord(language), contentWord(language)});
        }
      }
      Random r = new Random(99);
      List<SearchRequest> mix = new ArrayList<>(n);
      for (int i = 0; i < n; i++) {
        int kind = r.nextInt(100);
        String language = language();
        String text;
        Map<String, List<String>> filters = new HashMap<>();
        if (kind < 30) {
          text = queryWord(language, r);
        } else if (kind < 55) {
          text = queryWord(language, r) + " " + queryWord(language, r);
        } else if (kind < 70) {
          text = queryWord(language, r) + " " + queryWord(language, r) + " " + queryWord(language, r);
        } else if (kind < 85) {
          String[] bigram = bigrams.get(r.nextInt(bigrams.size()));
          text = "\"" + bigram[1] + " " + bigram[2] + "\"";
        } else {
          text = queryWord(language, r);
          filters.put("topic", List.of(topics.get(r.nextInt(topics.size()))));
          if (r.nextBoolean()) {
            filters.put(r.nextBoolean() ? "language" : "year",
                List.of(r.nextBoolean() ? language : String.valueOf(2012 + r.nextInt(14))));
          }
        }
        mix.add(new SearchRequest(text, filters, r.nextInt(10) == 0, 1));
      }
      return mix;
    }

    private String queryWord(String language, Random r) {
      int band = r.nextInt(3);
      int common = Math.max(10, functionRanks); // the commonest content words
      return band == 0 ? wordOfRank(language, common, common + 90) : band == 1 ? wordOfRank(language, 100, 2_000)
          : wordOfRank(language, 2_000, 20_000);
    }
  }
}
