package org.thinkpress.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.thinkpress.content.Fixtures.publication;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.MultiTerms;
import org.apache.lucene.index.PostingsEnum;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.store.Directory;
import org.apache.lucene.util.QueryBuilder;
import org.junit.jupiter.api.Test;
import org.thinkpress.content.ContentBundle;
import org.thinkpress.content.PublicationInput;

/**
 * Pairs of common words ({@link CommonWords}): learned from the content, indexed beside the words,
 * and phrase queries built from them find exactly the pieces Lucene's own phrase query finds.
 */
class CommonWordsTest {

  private final Analyzers analyzers = new Analyzers();

  /** Words drawn with Zipf's law from a vocabulary of 400: a few very common, many common, most rare. */
  private static String text(Random random, int words) {
    StringBuilder text = new StringBuilder();
    for (int i = 0; i < words; i++) {
      double u = random.nextDouble();
      int rank = (int) Math.min(399, Math.floor(Math.pow(401, u)) - 1); // about 1/rank
      text.append("w").append(rank).append(i % 17 == 16 ? ". " : " ");
    }
    return text.toString();
  }

  @Test
  void aPhraseWithPairsFindsWhatLucenesPhraseQueryFinds() throws IOException {
    Random random = new Random(11);
    List<String> texts = new ArrayList<>();
    for (int i = 0; i < 300; i++) {
      texts.add(text(random, 120));
    }
    List<Map.Entry<String, String>> sample = texts.stream().map(t -> Map.entry("xx", t)).toList();
    CommonWords words = CommonWords.learn(analyzers, sample);
    assertThat(words.isEmpty()).isFalse();
    Analyzer analyzer = analyzers.forKey("xx");
    String field = Fields.body("xx");
    try (Directory directory = new ByteBuffersDirectory();
         IndexWriter writer = new IndexWriter(directory, new IndexWriterConfig(analyzers.perField()))) {
      for (String text : texts) {
        Document doc = new Document();
        Field body = new Field(field, text, PieceDocuments.BODY);
        NotedWords pairs = new NotedWords(words.classesOf("xx"), 16);
        body.setTokenStream(pairs.noting(analyzer.tokenStream(field, text)));
        doc.add(body);
        doc.add(pairs.pairsField(Fields.pairs("xx"), CommonWords.PAIRS));
        doc.add(new Field("plain", text, PieceDocuments.BODY));
        String title = titleOf(text);
        NotedWords titlePairs = new NotedWords(words.classesOf("xx"), 16);
        doc.add(PieceDocuments.noted(Fields.title("xx"), title, TextField.TYPE_NOT_STORED, titlePairs::noting));
        doc.add(titlePairs.pairsField(Fields.titlePairs("xx"), CommonWords.SHORT_PAIRS));
        doc.add(new Field("plain_title", title, TextField.TYPE_NOT_STORED));
        writer.addDocument(doc);
      }
      writer.commit();
      try (DirectoryReader reader = DirectoryReader.open(directory)) {
        IndexSearcher searcher = new IndexSearcher(reader);
        QueryBuilder plain = new QueryBuilder(analyzer);
        int withPairs = 0;
        int withoutPairs = 0;
        int titleHits = 0;
        int singleTerms = 0;
        for (int round = 0; round < 400; round++) {
          String text = texts.get(random.nextInt(texts.size()));
          String[] tokens = text.replace(".", "").trim().split(" +");
          int length = 2 + random.nextInt(3);
          int from = random.nextInt(tokens.length - length);
          String phrase = String.join(" ", java.util.Arrays.copyOfRange(tokens, from, from + length));
          if (round % 4 == 0) { // also phrases that need not occur anywhere
            phrase = tokens[random.nextInt(tokens.length)] + " " + tokens[random.nextInt(tokens.length)];
          }
          Query paired = words.phrase("xx", field, analyzer, phrase);
          if (paired == null) {
            withoutPairs++;
            continue;
          }
          withPairs++;
          singleTerms += paired instanceof TermQuery ? 1 : 0;
          assertThat(paired).isInstanceOfAny(TermQuery.class, BooleanQuery.class);
          Query lucene = plain.createPhraseQuery("plain", phrase);
          assertThat(docs(searcher, paired)).as(phrase).isEqualTo(docs(searcher, lucene));
          Query pairedTitle = words.titlePhrase("xx", Fields.title("xx"), analyzer, phrase);
          assertThat(docs(searcher, pairedTitle)).as("title " + phrase)
              .isEqualTo(docs(searcher, plain.createPhraseQuery("plain_title", phrase)));
          titleHits += docs(searcher, pairedTitle).isEmpty() ? 0 : 1;
        }
        assertThat(withPairs).isGreaterThan(100);
        assertThat(singleTerms).isGreaterThan(20);
        assertThat(titleHits).isGreaterThan(20);
        assertThat(withoutPairs).as("neighbours of two middling words, or a common and a middling one, do not pair")
            .isGreaterThan(20);
        // a pair's frequency in a piece is how often the piece has its two words next to each other
        int checked = 0;
        for (int doc = 0; doc < texts.size(); doc++) {
          String[] tokens = texts.get(doc).replace(".", "").trim().split(" +");
          Map<String, Integer> occurrences = new java.util.HashMap<>();
          for (int i = 1; i < tokens.length; i++) {
            occurrences.merge(tokens[i - 1] + " " + tokens[i], 1, Integer::sum);
          }
          for (Map.Entry<String, Integer> neighbours : occurrences.entrySet()) {
            if (words.phrase("xx", field, analyzer, neighbours.getKey()) instanceof TermQuery pair) {
              PostingsEnum postings = MultiTerms.getTermPostingsEnum(reader, pair.getTerm().field(),
                  pair.getTerm().bytes(), PostingsEnum.FREQS);
              assertThat(postings.advance(doc)).isEqualTo(doc);
              assertThat(postings.freq()).as(neighbours.getKey()).isEqualTo(neighbours.getValue());
              checked++;
            }
          }
        }
        assertThat(checked).isGreaterThan(1_000);
      }
    }
  }

  /** A title made of a text's first dozen words. */
  private static String titleOf(String text) {
    String[] words = text.split(" ");
    return String.join(" ", java.util.Arrays.copyOfRange(words, 0, Math.min(12, words.length)));
  }

  /** A text as a phrase sees it: its words separated by single spaces, with a space before and after. */
  private static String normalized(String text) {
    return " " + text.replace(".", "").replaceAll("\\s+", " ").strip() + " ";
  }

  private static Set<Integer> docs(IndexSearcher searcher, Query query) throws IOException {
    Set<Integer> docs = new HashSet<>();
    for (ScoreDoc hit : searcher.search(query, 1_000).scoreDocs) {
      docs.add(hit.doc);
    }
    return docs;
  }

  @Test
  void onlyFrequentWordsAreLearnedAndOnlyFromEnoughPieces() {
    Random random = new Random(3);
    List<Map.Entry<String, String>> sample = new ArrayList<>();
    for (int i = 0; i < 250; i++) {
      sample.add(Map.entry("xx", text(random, 100)));
    }
    for (int i = 0; i < CommonWords.MIN_PIECES - 1; i++) {
      sample.add(Map.entry("ru", "слово другое слово"));
    }
    CommonWords words = CommonWords.learn(analyzers, sample);
    String encoded = words.encode();
    assertThat(encoded).startsWith("xx:w0 ").doesNotContain("ru:");
    String[] classes = encoded.substring("xx:".length()).strip().split("\\|");
    assertThat(classes).hasSize(3);
    List<String> veryCommon = List.of(classes[0].split(" "));
    List<String> common = List.of(classes[1].split(" "));
    List<String> middling = List.of(classes[2].split(" "));
    // about 1/(6 (rank + 1.5)) of the words: very common to rank 15, common to 165, middling beyond
    assertThat(veryCommon).contains("w0", "w5").doesNotContain("w40", "w399");
    assertThat(common).contains("w40").doesNotContain("w0", "w399");
    assertThat(middling).contains("w399").doesNotContain("w0", "w40");
    assertThat(CommonWords.decode(encoded).encode()).isEqualTo(encoded);
    assertThat(CommonWords.decode(null).isEmpty()).isTrue();
    assertThat(words.phrase("ru", Fields.body("ru"), analyzers.forKey("ru"), "слово другое")).isNull();
  }

  @Test
  void aRebuiltIndexLearnsTheWordsKeepsThemAndItsPhraseSearchesStayExact() {
    Random random = new Random(5);
    List<PublicationInput> pieces = new ArrayList<>();
    // where a phrase can be found: the body field (standfirst and body), the neutral one (title and standfirst)
    List<String> texts = new ArrayList<>();
    for (int i = 0; i < 260; i++) {
      String title = text(random, 8).strip();
      String standfirst = text(random, 20).strip();
      String body = text(random, 150);
      texts.add(normalized(standfirst + " " + body));
      texts.add(normalized(title + " " + standfirst));
      pieces.add(publication("piece-" + i).language("xx").title(title).standfirst(standfirst).body(body).experts().topics()
          .regions().build());
    }
    try (SearchTestBed bed = SearchTestBed.sqlite()) {
      bed.load(Corpus.taxonomy()).load(new ContentBundle(Map.of(), List.of(), List.of(), List.of(), pieces));
      Search search = bed.open();
      bed.awaitIndexed();
      assertThat(bed.search.commonWords().isEmpty()).isFalse();
      Map<String, Long> expected = new java.util.LinkedHashMap<>();
      // pairs of very common words (w0-w15), with common ones (to w165), with middling ones, and none
      for (String phrase : List.of("w0 w1", "w1 w0", "w0 w2 w0", "w3 w0", "w0 w0", "w2 w57", "w0 w1 w2 w3",
          "w0 w300", "w250 w1", "w40 w60", "w200 w300", "w1 w300 w2", "w5 w6", "w0 w1 w0")) {
        long count = 0;
        for (int piece = 0; piece < texts.size(); piece += 2) {
          boolean found = texts.get(piece).contains(" " + phrase + " ") || texts.get(piece + 1).contains(" " + phrase + " ");
          count += found ? 1 : 0;
        }
        expected.put(phrase, count);
        assertThat(search.search(SearchRequest.text("\"" + phrase + "\"")).total()).as(phrase).isEqualTo(count);
      }
      assertThat(expected.values().stream().filter(count -> count > 0).count()).isGreaterThanOrEqualTo(4);
      bed.closeSearch(); // reopened: the words come back from the index's commit, not from a rebuild
      Search reopened = bed.open();
      assertThat(reopened.commonWords().isEmpty()).isFalse();
      expected.forEach((phrase, count) ->
          assertThat(reopened.search(SearchRequest.text("\"" + phrase + "\"")).total()).as(phrase).isEqualTo(count));
    }
  }
}
