package org.thinkpress.search;

import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.FieldType;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.index.IndexOptions;
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.facet.FacetsConfig;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesFacetField;
import org.thinkpress.content.Expert;
import org.thinkpress.content.Region;
import org.thinkpress.content.Taxonomy;
import org.thinkpress.content.Topic;

/**
 * Turns a {@link Piece} into the Lucene document the index holds (see {@link Fields}). A region
 * facet carries the piece's regions and every region above them, so that filtering by "South
 * Caucasus" finds a piece about Armenia, as the region's listing page does.
 */
final class PieceDocuments {

  static final FacetsConfig FACETS = facetsConfig();

  /**
   * Standfirst and body: words with their positions, for phrases; where the words are in the text
   * is kept apart ({@link WordOffsets}), as is the text ({@link BodyText}).
   */
  static final FieldType BODY = bodyType();

  /**
   * What the other language keys' title and body fields get: no words, but a norm. With a norm in
   * every document a field's norms are stored densely, and scoring reads a piece's norm by its
   * number; with the norms of a language's pieces only, every scored hit searched for its norm
   * (a quarter of a common word's search at 100,000 pieces).
   */
  private static final FieldType EMPTY_BODY = emptyOf(BODY);
  private static final FieldType EMPTY_TITLE = emptyOf(TextField.TYPE_NOT_STORED);

  /** The distinct words a body of a thousand words has (a few hundred), and a title or standfirst. */
  private static final int BODY_WORDS = 512;
  private static final int SHORT_TEXT_WORDS = 32;

  private final ZoneId zone;
  private final Analyzers analyzers;

  PieceDocuments(ZoneId zone, Analyzers analyzers) {
    this.zone = zone;
    this.analyzers = analyzers;
  }

  private static FieldType bodyType() {
    FieldType type = new FieldType(TextField.TYPE_NOT_STORED);
    type.setIndexOptions(IndexOptions.DOCS_AND_FREQS_AND_POSITIONS);
    type.freeze();
    return type;
  }

  private static FieldType emptyOf(FieldType type) {
    FieldType empty = new FieldType(type);
    empty.setStored(false);
    empty.freeze();
    return empty;
  }

  private static FacetsConfig facetsConfig() {
    FacetsConfig config = new FacetsConfig();
    for (String dim : List.of(Fields.TOPIC_DIM, Fields.REGION_DIM, Fields.EXPERT_DIM)) {
      config.setMultiValued(dim, true);
    }
    return config;
  }

  Document document(Piece piece, Taxonomy taxonomy, CommonWords words) {
    String key = Analyzers.keyOf(piece.language());
    Document doc = new Document();
    doc.add(new StringField(Fields.ID, Long.toString(piece.id()), Field.Store.NO));
    doc.add(new NumericDocValuesField(Fields.ID, piece.id()));
    doc.add(new StringField(Fields.LANGUAGE, piece.language(), Field.Store.NO));
    if (piece.translationGroup() != null) {
      doc.add(new StringField(Fields.GROUP, piece.translationGroup(), Field.Store.NO));
    }
    doc.add(new NumericDocValuesField(Fields.PUBLISHED, piece.publishedAt().toEpochMilli()));
    doc.add(new LongPoint(Fields.PUBLISHED, piece.publishedAt().toEpochMilli()));
    doc.add(Summaries.field(piece));
    doc.add(new TextField(Fields.TITLE, piece.title(), Field.Store.NO));
    WordClasses classes = words.classesOf(key);
    if (classes == null) {
      doc.add(new TextField(Fields.title(key), piece.title(), Field.Store.NO));
    } else {
      NotedWords title = new NotedWords(classes, SHORT_TEXT_WORDS);
      doc.add(noted(Fields.title(key), piece.title(), TextField.TYPE_NOT_STORED, title::noting));
      doc.add(title.pairsField(Fields.titlePairs(key), CommonWords.SHORT_PAIRS));
    }
    String text = bodyText(piece);
    NotedWords body = new NotedWords(classes, BODY_WORDS, true);
    doc.add(noted(Fields.body(key), text, BODY, body::noting));
    doc.add(BodyText.field(text));
    // after the body, whose analysis by the index notes their words
    doc.add(body.offsetsField());
    doc.add(body.tellingField());
    if (classes != null) {
      doc.add(body.pairsField(Fields.pairs(key), CommonWords.PAIRS));
    }
    String neutral = piece.title() + "\n\n" + piece.standfirst()
        + (piece.keywords().isEmpty() ? "" : "\n\n" + piece.keywords());
    WordClasses anyClasses = words.anyClasses();
    if (anyClasses == null) {
      doc.add(new TextField(Fields.ALL, neutral, Field.Store.NO));
    } else {
      NotedWords all = new NotedWords(anyClasses, SHORT_TEXT_WORDS);
      doc.add(noted(Fields.ALL, neutral, TextField.TYPE_NOT_STORED, all::noting));
      doc.add(all.pairsField(Fields.ALL_PAIRS, CommonWords.SHORT_PAIRS));
    }
    for (String other : Analyzers.KEYS) {
      if (!other.equals(key)) {
        doc.add(new Field(Fields.title(other), "", EMPTY_TITLE));
        doc.add(new Field(Fields.body(other), "", EMPTY_BODY));
        if (words.keys().contains(other)) {
          doc.add(new Field(Fields.pairs(other), "", CommonWords.PAIRS));
        }
      }
    }

    List<String> names = new ArrayList<>();
    Map<String, List<String>> namesByKey = new HashMap<>();
    for (Expert expert : taxonomy.experts(piece.expertIds())) {
      names.add(expert.name());
      names.addAll(expert.names().values());
      byLanguage(namesByKey, expert.name(), expert.names());
      doc.add(new SortedSetDocValuesFacetField(Fields.EXPERT_DIM, expert.slug()));
    }
    for (Topic topic : taxonomy.topics(piece.topicIds())) {
      names.add(topic.name());
      names.addAll(topic.names().values());
      byLanguage(namesByKey, topic.name(), topic.names());
      doc.add(new SortedSetDocValuesFacetField(Fields.TOPIC_DIM, topic.slug()));
    }
    Set<Region> regions = new LinkedHashSet<>();
    for (Region region : taxonomy.regions(piece.regionIds())) {
      doc.add(new StringField(Fields.OWN_REGION, region.slug(), Field.Store.NO));
      regions.addAll(taxonomy.pathTo(region));
    }
    for (Region region : regions) {
      names.add(region.name());
      names.addAll(region.names().values());
      byLanguage(namesByKey, region.name(), region.names());
      doc.add(new SortedSetDocValuesFacetField(Fields.REGION_DIM, region.slug()));
    }
    doc.add(new TextField(Fields.NAMES, String.join("\n", names), Field.Store.NO));
    namesByKey.forEach((nameKey, inKey) -> doc.add(new TextField(Fields.names(nameKey), String.join("\n", inKey), Field.Store.NO)));
    doc.add(new SortedSetDocValuesFacetField(Fields.TYPE_DIM, piece.type()));
    doc.add(new SortedSetDocValuesFacetField(Fields.YEAR_DIM,
        Integer.toString(piece.publishedAt().atZone(zone).getYear())));
    doc.add(new SortedSetDocValuesFacetField(Fields.LANGUAGE_DIM, piece.language()));
    return doc;
  }

  /**
   * A text field whose analysis passes through {@code filters} as the index reads it: analysed at
   * its turn, with the analyzer the index gives it, so that the filters can note what it holds for
   * a field that follows it in the document (telling words, pairs).
   */
  static Field noted(String name, String text, FieldType type, UnaryOperator<TokenStream> filters) {
    return new Field(name, text, type) {
      @Override
      public TokenStream tokenStream(Analyzer analyzer, TokenStream reuse) {
        return filters.apply(super.tokenStream(analyzer, reuse));
      }
    };
  }

  /** What a piece's body field holds: standfirst and body, as text. */
  private static String bodyText(Piece piece) {
    String body = HtmlText.of(piece.bodyHtml());
    return piece.standfirst().isEmpty() ? body : piece.standfirst() + "\n\n" + body;
  }

  /**
   * Files a taxon's names by language key: each translated name under its language's key, the
   * main name (written in the site's main language, usually English) under English as well.
   */
  private static void byLanguage(Map<String, List<String>> byKey, String name, Map<String, String> names) {
    byKey.computeIfAbsent("en", k -> new ArrayList<>()).add(name);
    names.forEach((language, translated) -> {
      String key = Analyzers.keyOf(language);
      if (!key.equals(Analyzers.OTHER)) {
        byKey.computeIfAbsent(key, k -> new ArrayList<>()).add(translated);
      }
    });
  }

  /** The common words of these pieces' bodies (see {@link CommonWords}). */
  CommonWords commonWordsOf(List<Piece> sample) {
    List<java.util.Map.Entry<String, String>> texts = new ArrayList<>(sample.size());
    for (Piece piece : sample) {
      texts.add(java.util.Map.entry(Analyzers.keyOf(piece.language()), bodyText(piece)));
    }
    return CommonWords.learn(analyzers, texts);
  }

  /** The document with its facet fields turned into what the index stores. */
  Document build(Piece piece, Taxonomy taxonomy, CommonWords words) {
    try {
      return FACETS.build(document(piece, taxonomy, words));
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
