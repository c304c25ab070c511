package org.thinkpress.kit;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.text.MessageFormat;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The site's own words in one language ({@code kit/messages_LANG.properties}), falling back to
 * English key by key. A publication page speaks its publication's language; other pages speak the
 * site's main language.
 */
public final class Messages {

  private static final Map<String, Messages> BY_LANGUAGE = new ConcurrentHashMap<>();
  private static final Messages ENGLISH = new Messages("en", load("en"), Map.of());

  private final String language;
  private final Locale locale;
  private final Map<String, String> own;
  private final Map<String, String> fallback;

  private Messages(String language, Map<String, String> own, Map<String, String> fallback) {
    this.language = language;
    this.locale = Locale.forLanguageTag(language);
    this.own = own;
    this.fallback = fallback;
  }

  /** The messages for a language tag; {@code ru-RU} uses {@code ru}; unknown languages get English. */
  public static Messages of(String languageTag) {
    String language = Locale.forLanguageTag(languageTag).getLanguage();
    if (language.equals("en") || language.isEmpty()) {
      return ENGLISH;
    }
    return BY_LANGUAGE.computeIfAbsent(language, l -> new Messages(l, load(l), ENGLISH.own));
  }

  public String language() {
    return language;
  }

  public Locale locale() {
    return locale;
  }

  /** The text for a key; the key itself when no language has it, so a gap shows instead of failing. */
  public String get(String key) {
    String text = own.get(key);
    if (text == null) {
      text = fallback.get(key);
    }
    return text != null ? text : key;
  }

  /** The text for a key with {@code {0}}-style arguments filled in. */
  public String format(String key, Object... arguments) {
    return new MessageFormat(get(key), locale).format(arguments);
  }

  /**
   * The text for a count: {@code key.one}, {@code key.few}, {@code key.many} or {@code key.other} as
   * the language's plural rules ({@link Plurals}) file {@code count}, with {@code {0}} the count;
   * {@code key.other}, then {@code key} itself, when the language has no text for the category.
   */
  public String plural(String key, long count) {
    String category = Plurals.category(locale, count);
    String text = own.get(key + "." + category);
    if (text == null) {
      text = own.get(key + ".other");
    }
    if (text == null) {
      // English's categories are "one" and "other": Russian's "few" falls back to "other"
      text = fallback.get(key + "." + Plurals.category(Locale.ENGLISH, count));
    }
    if (text == null) {
      text = get(key);
    }
    return new MessageFormat(text, locale).format(new Object[] {count});
  }

  /** The label of a publication type: its message, or the key made readable ({@code policy-brief}: Policy brief). */
  public String typeLabel(String type) {
    String key = "type." + type;
    String text = get(key);
    if (!text.equals(key)) {
      return text;
    }
    String words = type.replace('-', ' ');
    return words.substring(0, 1).toUpperCase(locale) + words.substring(1);
  }

  private static Map<String, String> load(String language) {
    String path = "/kit/messages_" + language + ".properties";
    try (InputStream in = Messages.class.getResourceAsStream(path)) {
      if (in == null) {
        return Map.of();
      }
      Properties properties = new Properties();
      properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
      Map<String, String> messages = new HashMap<>();
      properties.stringPropertyNames().forEach(name -> messages.put(name, properties.getProperty(name)));
      return Map.copyOf(messages);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read " + path, e);
    }
  }
}
