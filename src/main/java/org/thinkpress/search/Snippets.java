package org.thinkpress.search;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.apache.lucene.index.FilterLeafReader;
import org.apache.lucene.index.LeafReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.PostingsEnum;
import org.apache.lucene.index.ReaderUtil;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.uhighlight.CustomSeparatorBreakIterator;
import org.apache.lucene.search.uhighlight.FieldOffsetStrategy;
import org.apache.lucene.search.uhighlight.OffsetsEnum;
import org.apache.lucene.search.uhighlight.Passage;
import org.apache.lucene.search.uhighlight.PassageFormatter;
import org.apache.lucene.search.uhighlight.PassageScorer;
import org.apache.lucene.search.uhighlight.PostingsOffsetStrategy;
import org.apache.lucene.search.uhighlight.UHComponents;
import org.apache.lucene.util.BytesRef;
import org.apache.lucene.search.uhighlight.UnifiedHighlighter;

/**
 * Snippets of results: the paragraphs of standfirst and body that best match the query (Lucene's
 * unified highlighter, from the positions in the postings and where each position's word is,
 * {@link WordOffsets}), or the standfirst when the match was elsewhere (title, names). Paragraphs
 * longer than {@link #MAX_CHARS} are cut around their first match.
 */
final class Snippets {

  static final int MAX_CHARS = 240;
  private static final java.util.regex.Pattern SPACES = java.util.regex.Pattern.compile("\\s+");
  private static final int PASSAGES = 2;

  private final Analyzers analyzers;

  Snippets(Analyzers analyzers) {
    this.analyzers = analyzers;
  }

  /**
   * One snippet per document, in the order of {@code docIds}; {@code keys} are the documents'
   * language keys. Each document is highlighted in its own language's body field only, with
   * {@code queryFor} giving the query for a key's field: the other fields hold nothing for it, and
   * a query on one field costs a tenth of the whole query to prepare for each document.
   */
  List<Snippet> of(IndexSearcher searcher, Function<String, Query> queryFor, int[] docIds, List<String> keys)
      throws IOException {
    Snippet[] snippets = new Snippet[docIds.length];
    java.util.Arrays.fill(snippets, Snippet.EMPTY);
    if (docIds.length == 0) {
      return List.of(snippets);
    }
    PartsHighlighter highlighter = new PartsHighlighter(UnifiedHighlighter.builder(searcher, analyzers.perField())
        .withFormatter(new PartsFormatter())
        .withBreakIterator(() -> new CustomSeparatorBreakIterator('\n'))
        .withMaxLength(50_000)
        .withMaxNoHighlightPassages(1)
        .withScorer(new PassageWeigher()));
    Map<String, List<Integer>> byKey = new java.util.LinkedHashMap<>();
    for (int i = 0; i < docIds.length; i++) {
      byKey.computeIfAbsent(keys.get(i), key -> new ArrayList<>()).add(i);
    }
    for (Map.Entry<String, List<Integer>> group : byKey.entrySet()) {
      List<Integer> positions = group.getValue();
      int[] ids = positions.stream().mapToInt(i -> docIds[i]).toArray();
      String field = Fields.body(group.getKey());
      Object[] found = highlighter.highlight(new String[] {field}, queryFor.apply(group.getKey()), ids,
          new int[] {PASSAGES}).get(field);
      for (int i = 0; i < ids.length; i++) {
        if (found[i] instanceof Snippet snippet && !snippet.isEmpty()) {
          snippets[positions.get(i)] = snippet;
        }
      }
    }
    return List.of(snippets);
  }

  /** The unified highlighter, giving the formatter's objects instead of strings. */
  private static final class PartsHighlighter extends UnifiedHighlighter {
    PartsHighlighter(UnifiedHighlighter.Builder builder) {
      super(builder);
    }

    Map<String, Object[]> highlight(String[] fields, Query query, int[] docIds, int[] passages) throws IOException {
      return highlightFieldsAsObjects(fields, query, docIds, passages);
    }

    /**
     * The body fields' offsets come from the postings' positions and the piece's {@link
     * WordOffsets}: without offsets in the postings Lucene would analyse each piece's text again.
     * (Lucene's own choice of source asks the field's infos, which it merges from every segment
     * for each new highlighter, which is each search here.)
     */
    @Override
    protected OffsetSource getOffsetSource(String field) {
      return OffsetSource.POSTINGS;
    }

    @Override
    protected FieldOffsetStrategy getOffsetStrategy(OffsetSource source, UHComponents components) {
      return source == OffsetSource.NONE_NEEDED ? super.getOffsetStrategy(source, components)
          : new TableOffsetStrategy(components);
    }

    /** The body's text from its doc value ({@link BodyText}), instead of a stored field: whichever body field is asked for, a piece has one text. */
    @Override
    protected List<CharSequence[]> loadFieldValues(String[] fields, DocIdSetIterator docIter, int cacheCharsThreshold)
        throws IOException {
      List<CharSequence[]> texts = new ArrayList<>();
      List<LeafReaderContext> leaves = searcher.getIndexReader().leaves();
      int leafIndex = -1;
      BodyText.Reader reader = null;
      int chars = 0;
      do {
        int doc = docIter.nextDoc();
        if (doc == DocIdSetIterator.NO_MORE_DOCS) {
          break;
        }
        int leaf = ReaderUtil.subIndex(doc, leaves);
        if (leaf != leafIndex) { // documents come in increasing order
          leafIndex = leaf;
          reader = new BodyText.Reader(leaves.get(leaf).reader());
        }
        String text = reader.text(doc - leaves.get(leaf).docBase, getMaxLength());
        CharSequence[] values = new CharSequence[fields.length];
        java.util.Arrays.fill(values, text);
        texts.add(values);
        chars += text == null ? 0 : text.length() * fields.length;
      } while (chars <= cacheCharsThreshold && cacheCharsThreshold != 0);
      return texts;
    }
  }

  /**
   * Offsets of the words a query matched in one piece: Lucene's own postings strategy, reading the
   * piece's postings through {@link PositionsAsOffsets}.
   */
  private static final class TableOffsetStrategy extends PostingsOffsetStrategy {
    TableOffsetStrategy(UHComponents components) {
      super(components);
    }

    @Override
    public OffsetsEnum getOffsetsEnum(LeafReader reader, int docId, String content) throws IOException {
      WordOffsets.Table table = WordOffsets.of(reader, docId);
      if (table == null) {
        return OffsetsEnum.EMPTY;
      }
      return createOffsetsEnumFromReader(new PositionsAsOffsets(reader, table), docId);
    }
  }

  /**
   * A segment whose postings give, for each position of the one piece being highlighted, the offsets
   * of the word at that position, from the piece's table: for its body field, the only field
   * snippets highlight.
   */
  private static final class PositionsAsOffsets extends FilterLeafReader {
    private final WordOffsets.Table table;

    PositionsAsOffsets(LeafReader in, WordOffsets.Table table) {
      super(in);
      this.table = table;
    }

    @Override
    public Terms terms(String field) throws IOException {
      Terms terms = super.terms(field);
      return terms == null ? null : new FilterTerms(terms) {
        @Override
        public TermsEnum iterator() throws IOException {
          return new FilterTermsEnum(in.iterator()) {
            @Override
            public PostingsEnum postings(PostingsEnum reuse, int flags) throws IOException {
              PostingsEnum postings = in.postings(null, flags);
              return PostingsEnum.featureRequested(flags, PostingsEnum.OFFSETS) ? new Offsets(postings) : postings;
            }
          };
        }

        @Override
        public boolean hasOffsets() {
          return true;
        }
      };
    }

    @Override
    public CacheHelper getCoreCacheHelper() {
      return null; // a view for one piece, never cached
    }

    @Override
    public CacheHelper getReaderCacheHelper() {
      return null;
    }

    private final class Offsets extends FilterPostingsEnum {
      private int position = -1;

      Offsets(PostingsEnum in) {
        super(in);
      }

      @Override
      public int nextPosition() throws IOException {
        position = in.nextPosition();
        return position;
      }

      /**
       * Where the word at the current position starts. A position the table does not have (every
       * word the index has is in it) is put after the end of the text, where the highlighter stops,
       * rather than at -1, for which it would fail the search.
       */
      @Override
      public int startOffset() {
        int start = table.start(position);
        return start < 0 ? Integer.MAX_VALUE : start;
      }

      @Override
      public int endOffset() {
        int end = table.end(position);
        return end < 0 ? Integer.MAX_VALUE : end;
      }
    }
  }

  /**
   * Lucene's passage scoring (BM25 over the passage), without the hash of its matched words that
   * Lucene builds for every passage it considers: that hash allocates a 32 KB block each time,
   * which for a piece full of a common word was a tenth of a whole search. A passage holds a few
   * matches, so finding a word's earlier match by looking back is cheaper.
   */
  static final class PassageWeigher extends PassageScorer {
    @Override
    public float score(Passage passage, int contentLength) {
      int matches = passage.getNumMatches();
      BytesRef[] terms = passage.getMatchTerms();
      double score = 0;
      for (int i = 0; i < matches; i++) {
        int inPassage = 1;
        boolean seenBefore = false;
        for (int j = 0; j < matches && !seenBefore; j++) {
          if (j != i && terms[j].bytesEquals(terms[i])) {
            seenBefore = j < i;
            inPassage++;
          }
        }
        if (!seenBefore) {
          score += tf(inPassage, passage.getLength()) * weight(contentLength, passage.getMatchTermFreqsInDoc()[i]);
        }
      }
      return (float) (score * norm(passage.getStartOffset()));
    }
  }

  /** Formats passages as {@link Snippet} parts instead of markup. */
  static final class PartsFormatter extends PassageFormatter {
    @Override
    public Object format(Passage[] passages, String content) {
      List<Snippet.Part> parts = new ArrayList<>();
      for (Passage passage : passages) {
        if (!parts.isEmpty()) {
          parts.add(new Snippet.Part(" … ", false));
        }
        addPassage(parts, passage, content);
      }
      return new Snippet(merge(parts));
    }

    private static void addPassage(List<Snippet.Part> parts, Passage passage, String content) {
      int start = passage.getStartOffset();
      int end = passage.getEndOffset();
      if (end - start > MAX_CHARS) {
        int firstMatch = passage.getNumMatches() > 0 ? passage.getMatchStarts()[0] : start;
        start = Math.max(start, wordStart(content, firstMatch - MAX_CHARS / 3));
        end = Math.min(end, wordEnd(content, start + MAX_CHARS));
      }
      boolean cutBefore = start > passage.getStartOffset();
      boolean cutAfter = end < passage.getEndOffset();
      if (cutBefore) {
        parts.add(new Snippet.Part("…", false));
      }
      int position = start;
      for (int i = 0; i < passage.getNumMatches(); i++) {
        int matchStart = Math.max(passage.getMatchStarts()[i], position);
        int matchEnd = Math.min(passage.getMatchEnds()[i], end);
        if (matchStart >= end) {
          break;
        }
        if (matchEnd <= matchStart) {
          continue;
        }
        if (matchStart > position) {
          parts.add(new Snippet.Part(content.substring(position, matchStart), false));
        }
        parts.add(new Snippet.Part(content.substring(matchStart, matchEnd), true));
        position = matchEnd;
      }
      if (position < end) {
        parts.add(new Snippet.Part(content.substring(position, end), false));
      }
      if (cutAfter) {
        parts.add(new Snippet.Part("…", false));
      }
    }

    private static int wordStart(String content, int from) {
      int i = Math.max(0, from);
      while (i > 0 && !Character.isWhitespace(content.charAt(i - 1))) {
        i--;
      }
      return i;
    }

    private static int wordEnd(String content, int from) {
      int i = Math.min(content.length(), from);
      while (i < content.length() && !Character.isWhitespace(content.charAt(i))) {
        i++;
      }
      return i;
    }

    /** Joins neighbouring parts of the same kind and turns line breaks into spaces. */
    private static List<Snippet.Part> merge(List<Snippet.Part> parts) {
      List<Snippet.Part> merged = new ArrayList<>();
      for (Snippet.Part part : parts) {
        if (!merged.isEmpty() && merged.get(merged.size() - 1).match() == part.match()) {
          Snippet.Part last = merged.remove(merged.size() - 1);
          merged.add(new Snippet.Part(last.text() + part.text(), part.match()));
        } else if (!part.text().isEmpty()) {
          merged.add(new Snippet.Part(part.text(), part.match()));
        }
      }
      merged.replaceAll(part -> new Snippet.Part(SPACES.matcher(part.text()).replaceAll(" "), part.match()));
      if (!merged.isEmpty()) {
        Snippet.Part first = merged.get(0);
        merged.set(0, new Snippet.Part(first.text().stripLeading(), first.match()));
        Snippet.Part last = merged.get(merged.size() - 1);
        merged.set(merged.size() - 1, new Snippet.Part(last.text().stripTrailing(), last.match()));
      }
      return merged;
    }
  }
}
