package org.thinkpress.bench;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.thinkpress.content.ContentBundle;
import org.thinkpress.content.ContentStore;
import org.thinkpress.content.ExpertInput;
import org.thinkpress.content.PublicationInput;
import org.thinkpress.content.PublicationTypes;
import org.thinkpress.content.RegionInput;
import org.thinkpress.content.Status;
import org.thinkpress.content.TopicInput;
import org.thinkpress.search.SearchRequest;

/**
 * The search benchmark's synthetic content and queries; the same seed gives the same corpus (see
 * {@link SearchBenchmark} for the two kinds, prose and dense).
 */
final class SyntheticCorpus {

  static final List<String> TYPES = PublicationTypes.DEFAULT.keys();
  static final int VOCABULARY = 30_000;

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

  SyntheticCorpus(Random random, boolean prose) {
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
