package org.thinkpress.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.apache.lucene.analysis.core.WhitespaceAnalyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.StringField;
import org.apache.lucene.facet.DrillDownQuery;
import org.apache.lucene.facet.DrillSideways;
import org.apache.lucene.facet.FacetResult;
import org.apache.lucene.facet.LabelAndValue;
import org.apache.lucene.facet.sortedset.DefaultSortedSetDocValuesReaderState;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesFacetField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TotalHitCountCollectorManager;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.store.Directory;
import org.junit.jupiter.api.Test;

/**
 * {@link FacetValues} counts exactly what Lucene's {@code DrillSideways} counts (the code it
 * replaced on the search page): random pieces over several segments with deletions, random
 * queries and filters, including filters on values no piece has.
 */
class FacetValuesTest {

  private static final Map<String, List<String>> VALUES = Map.of(
      Fields.TOPIC_DIM, List.of("economy", "energy", "security", "health", "trade"),
      Fields.REGION_DIM, List.of("caucasus", "armenia", "georgia", "europe", "asia", "россия"),
      Fields.TYPE_DIM, List.of("analysis", "commentary", "report"),
      Fields.EXPERT_DIM, List.of("anna", "boris", "celine", "david", "eva", "farid", "gohar"),
      Fields.YEAR_DIM, List.of("2022", "2023", "2024", "2025"),
      Fields.LANGUAGE_DIM, List.of("en", "ru", "hy"));

  @Test
  void countsEqualThoseOfDrillSidewaysForRandomQueriesAndFilters() throws IOException {
    Random random = new Random(2026);
    try (Directory directory = new ByteBuffersDirectory();
         IndexWriter writer = new IndexWriter(directory, new IndexWriterConfig(new WhitespaceAnalyzer()))) {
      for (int segment = 0; segment < 4; segment++) {
        for (int i = 0; i < 150; i++) {
          writer.addDocument(PieceDocuments.FACETS.build(piece(random, segment * 150 + i)));
        }
        writer.commit(); // a segment of its own
      }
      for (int i = 0; i < 40; i++) {
        writer.deleteDocuments(new Term("id", Integer.toString(random.nextInt(600))));
      }
      writer.commit();
      try (DirectoryReader reader = DirectoryReader.open(directory)) {
        assertThat(reader.leaves()).hasSizeGreaterThan(1);
        assertThat(reader.hasDeletions()).isTrue();
        IndexSearcher searcher = new IndexSearcher(reader);
        FacetValues values = FacetValues.of(reader);
        DrillSideways sideways = new DrillSideways(searcher, PieceDocuments.FACETS,
            new DefaultSortedSetDocValuesReaderState(reader, PieceDocuments.FACETS));
        int compared = 0;
        for (int round = 0; round < 300; round++) {
          Map<String, List<String>> filters = filters(random);
          Query word = new TermQuery(new Term("word", "w" + random.nextInt(4)));
          Query base = switch (random.nextInt(3)) {
            case 0 -> new MatchAllDocsQuery();
            case 1 -> word; // about a quarter of the pieces
            default -> new BooleanQuery.Builder().add(new MatchAllDocsQuery(), Occur.MUST) // about three quarters
                .add(word, Occur.MUST_NOT).build();
          };
          filters = round % 5 == 0 ? Map.of() : filters; // often none: counted from all pieces less the others
          DrillDownQuery drillDown = new DrillDownQuery(PieceDocuments.FACETS, base);
          filters.forEach((dim, chosen) -> chosen.forEach(value -> drillDown.add(dim, value)));
          DrillSideways.ConcurrentDrillSidewaysResult<Integer> expected =
              sideways.search(drillDown, new TotalHitCountCollectorManager());

          FacetValues.Counted counted = values.count(Searcher.matches(searcher, base), filters);

          assertThat(counted.total()).as("total of %s %s", base, filters).isEqualTo((long) expected.collectorResult);
          for (int d = 0; d < SearchRequest.DIMENSIONS.size(); d++) {
            String dim = SearchRequest.DIMENSIONS.get(d);
            Map<String, Long> mine = new LinkedHashMap<>();
            counted.dimensions().get(d).forEach(count -> mine.put(count.label(), count.count()));
            assertThat(mine).as("%s of %s %s", dim, base, filters).isEqualTo(expectedCounts(expected, dim));
          }
          compared++;
        }
        assertThat(compared).isEqualTo(300);
      }
    }
  }

  @Test
  void valuesWithEqualCountsComeInLabelOrderAfterHigherCounts() throws IOException {
    try (Directory directory = new ByteBuffersDirectory();
         IndexWriter writer = new IndexWriter(directory, new IndexWriterConfig(new WhitespaceAnalyzer()))) {
      for (String topic : List.of("trade", "energy", "trade", "economy", "security", "energy", "trade")) {
        Document doc = new Document();
        doc.add(new SortedSetDocValuesFacetField(Fields.TOPIC_DIM, topic));
        writer.addDocument(PieceDocuments.FACETS.build(doc));
      }
      writer.commit();
      try (DirectoryReader reader = DirectoryReader.open(directory)) {
        FacetValues.Counted counted = FacetValues.of(reader)
            .count(Searcher.matches(new IndexSearcher(reader), new MatchAllDocsQuery()), Map.of());
        assertThat(counted.dimensions().get(SearchRequest.DIMENSIONS.indexOf(Fields.TOPIC_DIM)))
            .containsExactly(new FacetValues.Count("trade", 3), new FacetValues.Count("energy", 2),
                new FacetValues.Count("economy", 1), new FacetValues.Count("security", 1));
        assertThat(counted.total()).isEqualTo(7);
      }
    }
  }

  /** The counts of a dimension as DrillSideways gives them, in its order (most first, then by label). */
  private static Map<String, Long> expectedCounts(DrillSideways.ConcurrentDrillSidewaysResult<Integer> result, String dim)
      throws IOException {
    Map<String, Long> counts = new LinkedHashMap<>();
    FacetResult facet;
    try {
      facet = result.facets.getTopChildren(1_000, dim);
    } catch (IllegalArgumentException notIndexed) {
      facet = null;
    }
    if (facet != null) {
      for (LabelAndValue value : facet.labelValues) {
        if (value.value.longValue() > 0) {
          counts.put(value.label, value.value.longValue());
        }
      }
    }
    return counts;
  }

  private static Document piece(Random random, int id) {
    Document doc = new Document();
    doc.add(new StringField("id", Integer.toString(id), Field.Store.NO));
    doc.add(new StringField("word", "w" + random.nextInt(4), Field.Store.NO));
    for (String dim : SearchRequest.DIMENSIONS) {
      List<String> values = VALUES.get(dim);
      boolean single = dim.equals(Fields.TYPE_DIM) || dim.equals(Fields.YEAR_DIM) || dim.equals(Fields.LANGUAGE_DIM);
      int count = single ? 1 : random.nextInt(3); // some pieces have no topic, region or expert
      List<String> chosen = new ArrayList<>();
      while (chosen.size() < count) {
        String value = values.get(random.nextInt(values.size()));
        if (!chosen.contains(value)) {
          chosen.add(value);
        }
      }
      chosen.forEach(value -> doc.add(new SortedSetDocValuesFacetField(dim, value)));
    }
    return doc;
  }

  private static Map<String, List<String>> filters(Random random) {
    Map<String, List<String>> filters = new HashMap<>();
    for (String dim : SearchRequest.DIMENSIONS) {
      if (random.nextInt(3) != 0) {
        continue;
      }
      List<String> chosen = new ArrayList<>();
      for (int i = 0; i < 1 + random.nextInt(2); i++) {
        String value = random.nextInt(8) == 0 ? "no-such-value" : VALUES.get(dim).get(random.nextInt(VALUES.get(dim).size()));
        if (!chosen.contains(value)) {
          chosen.add(value);
        }
      }
      filters.put(dim, chosen);
    }
    return filters;
  }
}
