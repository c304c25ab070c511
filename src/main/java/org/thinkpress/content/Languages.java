package org.thinkpress.content;

import java.util.Locale;

/** Language tags (BCP 47: {@code en}, {@code ru}, {@code hy}, {@code pt-BR}) as the model uses them. */
public final class Languages {

  private Languages() {}

  /**
   * Returns the tag in its canonical case ({@code EN-gb} becomes {@code en-GB}), or throws an
   * {@link InvalidContentException} naming the field when it is not a well-formed BCP 47 tag.
   */
  public static String require(String field, String tag) {
    if (tag == null || tag.isBlank()) {
      throw new InvalidContentException(field + " is missing");
    }
    Locale locale = Locale.forLanguageTag(tag);
    String canonical = locale.toLanguageTag();
    // BCP 47 allows 5-8 letter language subtags, but none is registered: a word like "english" is a mistake
    if (locale.getLanguage().isEmpty() || locale.getLanguage().length() > 3 || !canonical.equalsIgnoreCase(tag)) {
      throw new InvalidContentException(field + " '" + tag + "' is not a BCP 47 language tag such as en, ru, hy or pt-BR");
    }
    return canonical;
  }

  /** The language's own name for itself, capitalised: English, Русский, Հայերեն. */
  public static String nativeName(String tag) {
    Locale locale = Locale.forLanguageTag(tag);
    String name = locale.getDisplayLanguage(locale);
    if (name.isEmpty()) {
      return tag;
    }
    return name.substring(0, 1).toUpperCase(locale) + name.substring(1);
  }

  /** The language's name as readers of {@code readerLanguage} write it, capitalised: for ru, en is Английский. */
  public static String nameIn(String tag, String readerLanguage) {
    Locale reader = Locale.forLanguageTag(readerLanguage);
    String name = Locale.forLanguageTag(tag).getDisplayLanguage(reader);
    if (name.isEmpty()) {
      return tag;
    }
    return name.substring(0, 1).toUpperCase(reader) + name.substring(1);
  }
}
