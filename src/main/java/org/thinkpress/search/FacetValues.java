package org.thinkpress.search;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.lucene.facet.FacetsConfig;
import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.SortedSetDocValues;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.util.BytesRef;
import org.apache.lucene.util.FixedBitSet;

/**
 * The facet values (topic, region, type, expert, year, language) of every piece a searcher sees,
 * read once from the index's facet doc values into plain arrays, and the counts of a search's
 * hits over them.
 *
 * <p>Counting is "sideways", as Lucene's {@code DrillSideways} does it, in one pass over the hits
 * of the query without filters: a hit that passes every filter counts for every dimension (and
 * for the total); a hit that fails the filter of exactly one dimension counts for that dimension
 * only, so that the dimension still shows what choosing another of its values would give. Reading
 * a piece's values from an array instead of decoding doc values made counting a hundred thousand
 * hits about three times cheaper, which is what the search of a common word spends most on.
 *
 * <p>Without filters, when most pieces are hits (a common word), the counts are those of all
 * pieces, kept from the start, less those of the pieces that are not hits: fewer to read.
 *
 * <p>Values are numbered in the order of their labels within each dimension. Memory: one int per
 * value of each piece plus one per piece, and a bit per piece (about 5 MB for 100,000 pieces).
 */
final class FacetValues {

  private final String[] labels;
  /** Per value: its dimension's position in {@link SearchRequest#DIMENSIONS}. */
  private final int[] dimensionOf;
  private final List<Map<String, Integer>> byLabel = new ArrayList<>();
  /** Per leaf: where each document's values start in {@link #values}; one more entry than documents. */
  private final int[][] starts;
  private final int[][] values;
  /** Per leaf, the documents not deleted; and how many of them have each value, and in all. */
  private final FixedBitSet[] live;
  private final long[] liveCounts;
  private final long liveTotal;

  private FacetValues(String[] labels, int[] dimensionOf, int[][] starts, int[][] values, FixedBitSet[] live) {
    this.labels = labels;
    this.dimensionOf = dimensionOf;
    this.starts = starts;
    this.values = values;
    this.live = live;
    this.liveCounts = new long[labels.length];
    this.liveTotal = tally(live, liveCounts, 1);
    for (int d = 0; d < SearchRequest.DIMENSIONS.size(); d++) {
      byLabel.add(new HashMap<>());
    }
    for (int value = 0; value < labels.length; value++) {
      byLabel.get(dimensionOf[value]).put(labels[value], value);
    }
  }

  /** Reads the values of every document of {@code reader} (deleted ones too: hits never include them). */
  static FacetValues of(IndexReader reader) throws IOException {
    String field = FacetsConfig.DEFAULT_INDEX_FIELD_NAME;
    // every value of every leaf, numbered in (dimension, label) order
    TreeMap<BytesRef, Integer> numbering = new TreeMap<>();
    List<LeafReaderContext> leaves = reader.leaves();
    for (LeafReaderContext leaf : leaves) {
      SortedSetDocValues dv = DocValues.getSortedSet(leaf.reader(), field);
      for (long ord = 0; ord < dv.getValueCount(); ord++) {
        numbering.putIfAbsent(BytesRef.deepCopyOf(dv.lookupOrd(ord)), 0);
      }
    }
    List<String> labels = new ArrayList<>();
    List<Integer> dimensions = new ArrayList<>();
    for (Map.Entry<BytesRef, Integer> entry : numbering.entrySet()) {
      String[] path = FacetsConfig.stringToPath(entry.getKey().utf8ToString());
      int dimension = SearchRequest.DIMENSIONS.indexOf(path[0]);
      entry.setValue(dimension < 0 || path.length != 2 ? -1 : labels.size());
      if (dimension >= 0 && path.length == 2) {
        labels.add(path[1]);
        dimensions.add(dimension);
      }
    }
    int[][] starts = new int[leaves.size()][];
    int[][] values = new int[leaves.size()][];
    FixedBitSet[] live = new FixedBitSet[leaves.size()];
    for (LeafReaderContext leaf : leaves) {
      int maxDoc = leaf.reader().maxDoc();
      live[leaf.ord] = new FixedBitSet(maxDoc);
      live[leaf.ord].set(0, maxDoc);
      org.apache.lucene.util.Bits liveDocs = leaf.reader().getLiveDocs();
      for (int doc = 0; liveDocs != null && doc < maxDoc; doc++) {
        if (!liveDocs.get(doc)) {
          live[leaf.ord].clear(doc);
        }
      }
      SortedSetDocValues dv = DocValues.getSortedSet(leaf.reader(), field);
      int[] ids = new int[(int) dv.getValueCount()];
      for (int ord = 0; ord < ids.length; ord++) {
        ids[ord] = numbering.get(dv.lookupOrd(ord));
      }
      int[] start = new int[maxDoc + 1];
      int[] own = new int[Math.max(16, maxDoc * 8)];
      int size = 0;
      int doc = 0;
      for (int next = dv.nextDoc(); next != DocIdSetIterator.NO_MORE_DOCS; next = dv.nextDoc()) {
        while (doc <= next) {
          start[doc++] = size;
        }
        for (int i = 0; i < dv.docValueCount(); i++) {
          int id = ids[(int) dv.nextOrd()];
          if (id >= 0) {
            if (size == own.length) {
              own = java.util.Arrays.copyOf(own, own.length * 2);
            }
            own[size++] = id;
          }
        }
      }
      while (doc <= maxDoc) {
        start[doc++] = size;
      }
      starts[leaf.ord] = start;
      values[leaf.ord] = java.util.Arrays.copyOf(own, size);
    }
    return new FacetValues(labels.toArray(String[]::new), dimensions.stream().mapToInt(Integer::intValue).toArray(),
        starts, values, live);
  }

  /** Adds {@code sign} to the count of every value of every document in {@code docs}; returns how many documents. */
  private long tally(FixedBitSet[] docs, long[] counts, int sign) {
    long total = 0;
    for (int leaf = 0; leaf < starts.length; leaf++) {
      FixedBitSet bits = leaf < docs.length ? docs[leaf] : null;
      if (bits == null) {
        continue;
      }
      int[] start = starts[leaf];
      int[] own = values[leaf];
      for (int doc = nextSetBit(bits, 0); doc != DocIdSetIterator.NO_MORE_DOCS; doc = nextSetBit(bits, doc + 1)) {
        for (int i = start[doc]; i < start[doc + 1]; i++) {
          counts[own[i]] += sign;
        }
        total++;
      }
    }
    return total;
  }

  private static int nextSetBit(FixedBitSet bits, int from) {
    return from < bits.length() ? bits.nextSetBit(from) : DocIdSetIterator.NO_MORE_DOCS;
  }

  /** A value and how many hits have it. */
  record Count(String label, long count) {}

  /**
   * What {@link #count} found: how many hits pass every filter, and per dimension (in
   * {@link SearchRequest#DIMENSIONS} order) the values with hits, most first and then by label.
   */
  record Counted(long total, List<List<Count>> dimensions) {}

  /**
   * Counts the hits of a query without filters ({@code hits}, one bit set per leaf, {@code null}
   * for a leaf without hits) under {@code filters}: values by dimension, a piece passing a
   * dimension's filter when it has any of its values.
   */
  Counted count(FixedBitSet[] hits, Map<String, List<String>> filters) {
    int dimensionCount = SearchRequest.DIMENSIONS.size();
    // the filtered dimensions, each a bit; per value, the bit of the filter it satisfies
    int[] filterBitOf = new int[labels.length];
    int[] dimensionBit = new int[dimensionCount];
    int all = 0;
    for (int d = 0; d < dimensionCount; d++) {
      List<String> chosen = filters.getOrDefault(SearchRequest.DIMENSIONS.get(d), List.of());
      if (chosen.isEmpty()) {
        continue;
      }
      dimensionBit[d] = 1 << d;
      all |= 1 << d;
      for (String label : chosen) {
        Integer value = byLabel.get(d).get(label);
        if (value != null) {
          filterBitOf[value] = 1 << d;
        }
      }
    }
    int[] dimensionBitOfValue = new int[labels.length];
    for (int value = 0; value < labels.length; value++) {
      dimensionBitOfValue[value] = dimensionBit[dimensionOf[value]];
    }
    long[] counts = new long[labels.length];
    long total = 0;
    if (all == 0) { // no filter: a plain tally of the hits, or of the pieces that are not hits when those are fewer
      long hitCount = 0;
      for (FixedBitSet bits : hits) {
        hitCount += bits == null ? 0 : bits.cardinality();
      }
      if (hitCount * 2 > liveTotal) {
        System.arraycopy(liveCounts, 0, counts, 0, counts.length);
        FixedBitSet[] misses = new FixedBitSet[live.length];
        for (int leaf = 0; leaf < live.length; leaf++) {
          misses[leaf] = live[leaf].clone();
          if (leaf < hits.length && hits[leaf] != null) {
            misses[leaf].andNot(hits[leaf]);
          }
        }
        tally(misses, counts, -1);
      } else {
        tally(hits, counts, 1);
      }
      return counted(hitCount, counts);
    }
    for (int leaf = 0; leaf < starts.length; leaf++) {
      FixedBitSet bits = leaf < hits.length ? hits[leaf] : null;
      if (bits == null) {
        continue;
      }
      int[] start = starts[leaf];
      int[] own = values[leaf];
      for (int doc = nextSetBit(bits, 0); doc != DocIdSetIterator.NO_MORE_DOCS; doc = nextSetBit(bits, doc + 1)) {
        int from = start[doc];
        int to = start[doc + 1];
        int passed = 0; // the filters this piece passes (here, at least one dimension is filtered)
        for (int i = from; i < to; i++) {
          passed |= filterBitOf[own[i]];
        }
        if (passed == all) {
          total++;
          for (int i = from; i < to; i++) {
            counts[own[i]]++;
          }
        } else if (Integer.bitCount(all & ~passed) == 1) {
          int failed = all & ~passed; // counts in the dimension whose filter it fails, and only there
          for (int i = from; i < to; i++) {
            if (dimensionBitOfValue[own[i]] == failed) {
              counts[own[i]]++;
            }
          }
        }
      }
    }
    return counted(total, counts);
  }

  private Counted counted(long total, long[] counts) {
    List<List<Count>> dimensions = new ArrayList<>();
    for (int d = 0; d < SearchRequest.DIMENSIONS.size(); d++) {
      dimensions.add(new ArrayList<>());
    }
    for (int value = 0; value < labels.length; value++) { // in label order within each dimension
      if (counts[value] > 0) {
        dimensions.get(dimensionOf[value]).add(new Count(labels[value], counts[value]));
      }
    }
    for (List<Count> dimension : dimensions) {
      dimension.sort((a, b) -> Long.compare(b.count(), a.count())); // stable: equal counts stay in label order
    }
    return new Counted(total, dimensions);
  }

  /** The count of {@code label} in dimension {@code d} of a result, 0 when no hit has it. */
  static long countOf(Counted counted, int d, String label) {
    for (Count count : counted.dimensions().get(d)) {
      if (count.label().equals(label)) {
        return count.count();
      }
    }
    return 0;
  }
}
