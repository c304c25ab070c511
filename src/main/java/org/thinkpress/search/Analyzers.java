package org.thinkpress.search;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.hy.ArmenianAnalyzer;
import org.apache.lucene.analysis.miscellaneous.ASCIIFoldingFilter;
import org.apache.lucene.analysis.miscellaneous.PerFieldAnalyzerWrapper;
import org.apache.lucene.analysis.ru.RussianAnalyzer;
import org.apache.lucene.analysis.standard.StandardTokenizer;

/**
 * The analyzers of the index: one per language that has a stemmer here (English, Russian,
 * Armenian), and a language-neutral one (Unicode word breaking, lower case, accents folded, no
 * stemming, no stop words) for everything else and for the field that any script can find.
 *
 * <p>A piece's language picks its <em>language key</em>: {@code en}, {@code ru}, {@code hy}, or
 * {@link #OTHER} for languages without their own analyzer. Fields whose name ends in
 * {@code _KEY} are analyzed with that key's analyzer; all other text fields with the neutral one.
 */
final class Analyzers {

  /** The key of languages without an analyzer of their own: analyzed like the neutral field. */
  static final String OTHER = "xx";

  /** Every language key, in a fixed order. */
  static final List<String> KEYS = List.of("en", "ru", "hy", OTHER);

  private final Analyzer neutral = new NeutralAnalyzer();
  private final Map<String, Analyzer> byKey = Map.of(
      "en", new EnglishAnalyzer(),
      "ru", new RussianAnalyzer(),
      "hy", new ArmenianAnalyzer(),
      OTHER, neutral);
  private final Analyzer perField;

  Analyzers() {
    Map<String, Analyzer> fields = new HashMap<>();
    for (String key : KEYS) {
      fields.put(Fields.title(key), byKey.get(key));
      fields.put(Fields.body(key), byKey.get(key));
      fields.put(Fields.names(key), byKey.get(key));
    }
    this.perField = new PerFieldAnalyzerWrapper(neutral, fields);
  }

  /** The language key of a BCP 47 tag: {@code ru-RU} is {@code ru}, {@code ka} is {@link #OTHER}. */
  static String keyOf(String languageTag) {
    String language = Locale.forLanguageTag(languageTag).getLanguage();
    return KEYS.contains(language) ? language : OTHER;
  }

  /** The analyzer for every field of the index, by field name. */
  Analyzer perField() {
    return perField;
  }

  Analyzer forKey(String key) {
    return byKey.get(key);
  }

  Analyzer neutral() {
    return neutral;
  }

  /** Words as Unicode sees them, lower-cased and with accents folded; nothing removed, nothing stemmed. */
  static final class NeutralAnalyzer extends Analyzer {
    @Override
    protected TokenStreamComponents createComponents(String fieldName) {
      StandardTokenizer tokenizer = new StandardTokenizer();
      TokenStream stream = new ASCIIFoldingFilter(new LowerCaseFilter(tokenizer));
      return new TokenStreamComponents(tokenizer, stream);
    }

    @Override
    protected TokenStream normalize(String fieldName, TokenStream in) {
      return new ASCIIFoldingFilter(new LowerCaseFilter(in));
    }
  }
}
