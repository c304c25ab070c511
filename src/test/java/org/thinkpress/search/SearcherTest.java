package org.thinkpress.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.apache.lucene.analysis.core.WhitespaceAnalyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.DisjunctionMaxQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.PhraseQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.store.Directory;
import org.apache.lucene.util.FixedBitSet;
import org.junit.jupiter.api.Test;

/**
 * The first pass of a search ({@link Searcher#matches}) runs the query rewritten for matching only
 * ({@link Searcher#unscored}); it must find exactly the pieces the query itself finds.
 */
class SearcherTest {

  private static final String[] FIELDS = {"title", "body", "names"};

  @Test
  void theUnscoredQueryFindsExactlyWhatTheQueryFinds() throws IOException {
    Random random = new Random(7);
    try (Directory directory = new ByteBuffersDirectory();
         IndexWriter writer = new IndexWriter(directory, new IndexWriterConfig(new WhitespaceAnalyzer()))) {
      for (int segment = 0; segment < 3; segment++) {
        for (int i = 0; i < 400; i++) {
          Document doc = new Document();
          for (String field : FIELDS) {
            doc.add(new TextField(field, words(random, field.equals("body") ? 30 : 4), Field.Store.NO));
          }
          writer.addDocument(doc);
        }
        writer.commit();
      }
      writer.deleteDocuments(new TermQuery(new Term("title", "w3")));
      writer.commit();
      try (DirectoryReader reader = DirectoryReader.open(directory)) {
        IndexSearcher searcher = new IndexSearcher(reader);
        int nonEmpty = 0;
        for (int round = 0; round < 300; round++) {
          Query query = query(random);
          Query unscored = Searcher.unscored(query);
          assertThat(unscored.toString()).doesNotContain("|"); // no disjunction-max is left
          List<Integer> expected = new ArrayList<>();
          for (ScoreDoc hit : searcher.search(query, reader.maxDoc()).scoreDocs) {
            expected.add(hit.doc);
          }
          expected.sort(null);
          assertThat(docs(reader, Searcher.matches(searcher, query))).as(query.toString()).isEqualTo(expected);
          nonEmpty += expected.isEmpty() ? 0 : 1;
        }
        assertThat(nonEmpty).isGreaterThan(150);
      }
    }
  }

  /** Words w0 to w49, the lower the more frequent. */
  private static String words(Random random, int count) {
    StringBuilder text = new StringBuilder();
    for (int i = 0; i < count; i++) {
      text.append('w').append((int) Math.floor(Math.pow(51, random.nextDouble())) - 1).append(' ');
    }
    return text.toString();
  }

  /** A query as {@link QueryFactory} builds them: words or phrases, each a disjunction-max over fields, required or excluded. */
  private static Query query(Random random) {
    BooleanQuery.Builder bool = new BooleanQuery.Builder();
    int parts = 1 + random.nextInt(3);
    for (int p = 0; p < parts; p++) {
      List<Query> fields = new ArrayList<>();
      String first = "w" + random.nextInt(50);
      String second = "w" + random.nextInt(10);
      boolean phrase = random.nextInt(4) == 0;
      for (String field : FIELDS) {
        Query one = phrase ? new PhraseQuery(field, first, second) : new TermQuery(new Term(field, first));
        fields.add(random.nextBoolean() ? new BoostQuery(one, 2f) : one);
      }
      Query part = new DisjunctionMaxQuery(fields, 0f);
      Occur occur = p > 0 && random.nextInt(5) == 0 ? Occur.MUST_NOT : random.nextInt(6) == 0 ? Occur.SHOULD : Occur.MUST;
      bool.add(part, occur);
    }
    return bool.build();
  }

  private static List<Integer> docs(DirectoryReader reader, FixedBitSet[] bits) {
    List<Integer> docs = new ArrayList<>();
    for (int leaf = 0; leaf < bits.length; leaf++) {
      FixedBitSet leafBits = bits[leaf];
      for (int doc = 0; leafBits != null && doc < leafBits.length(); doc++) {
        if (leafBits.get(doc)) {
          docs.add(reader.leaves().get(leaf).docBase + doc);
        }
      }
    }
    return docs;
  }
}
