package org.thinkpress.search;

/**
 * The names of the index's fields, in one place so that writing and searching agree.
 *
 * <p>Text is indexed in fields of the piece's language key ({@code title_en}, {@code body_en}),
 * stemmed, and title and standfirst again in the neutral {@link #ALL} field, unstemmed; pairs of
 * common words in {@code pairs_en} and the like. The facet dimensions are indexed through Lucene's
 * {@code FacetsConfig} (sorted-set doc values plus drill-down terms). What a result shows and the
 * text its snippet is cut from are binary doc values ({@link #SUMMARY}, {@link #TEXT}); the index
 * stores no fields.
 */
final class Fields {

  /** The publication's id: an indexed term (to replace or delete it) and doc values. */
  static final String ID = "id";
  static final String LANGUAGE = "language";
  /** The translation group, as an indexed term, so that related materials can leave a piece's translations out. */
  static final String GROUP = "group";
  /** Publication time, epoch milliseconds: doc values for sorting, and a point for the recency of related materials. */
  static final String PUBLISHED = "published";
  /** What a result shows, as one binary doc value ({@link Summaries}). */
  static final String SUMMARY = "summary";
  /** The title, with the neutral analyzer, for search as you type. */
  static final String TITLE = "title";
  /** Names of the piece's experts, topics and regions, in every language they have: neutral analyzer. */
  static final String NAMES = "names";
  /**
   * Title and standfirst with the neutral analyzer, unstemmed. The body is not repeated here: it
   * is in its language's field, whose analyzer keeps words of any script, and a query is analyzed
   * with every language's analyzer, so a word in any script finds it there.
   */
  static final String ALL = "all";
  /** Standfirst and body as text (UTF-8), as one binary doc value: what snippets are cut from ({@link BodyText}). */
  static final String TEXT = "text";
  /** Where each word of the body field is in {@link #TEXT}, by position, as one binary doc value ({@link WordOffsets}). */
  static final String OFFSETS = "offsets";
  /** The candidate words of "Other materials", with their counts, as one binary doc value ({@link TellingWords}). */
  static final String TELLING_WORDS = "telling_words";
  /** The piece's own regions (not their parents), as terms: related materials weigh a shared region. */
  static final String OWN_REGION = "own_region";

  /** Facet dimensions, also the names of the search page's filter parameters. */
  static final String TOPIC_DIM = "topic";
  static final String REGION_DIM = "region";
  static final String TYPE_DIM = "type";
  static final String EXPERT_DIM = "expert";
  static final String YEAR_DIM = "year";
  static final String LANGUAGE_DIM = "language";

  private Fields() {}

  /**
   * The names of a piece's experts, topics and regions in one language, analyzed in that language
   * key's analyzer, so that a Russian reader's "Армении" finds what is tagged "Армения". The
   * language-neutral {@link #NAMES} field holds every name unstemmed.
   */
  static String names(String key) {
    return "names_" + key;
  }

  /** The title analyzed in a language key's analyzer. */
  static String title(String key) {
    return "title_" + key;
  }

  /**
   * The pairs of common words of a language key's bodies ({@link CommonWords}): each pair a piece
   * has, once, with its frequency; no positions.
   */
  static String pairs(String key) {
    return "pairs_" + key;
  }

  /** The pairs of common words of a language key's titles, as {@link #pairs} are the bodies'. */
  static String titlePairs(String key) {
    return "title_pairs_" + key;
  }

  /** The pairs of common words (of any language) of the neutral field {@link #ALL}. */
  static final String ALL_PAIRS = "all_pairs";

  /** Standfirst and body, analyzed in a language key's analyzer, with positions; the text is in {@link #TEXT}, where each word is in {@link #OFFSETS}. */
  static String body(String key) {
    return "body_" + key;
  }
}
