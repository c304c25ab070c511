package org.thinkpress.kit;

import java.util.Locale;

/**
 * The plural category of a whole number in a language, by the CLDR plural rules
 * (https://www.unicode.org/cldr/charts/latest/supplemental/language_plural_rules.html): {@code one},
 * {@code few}, {@code many} or {@code other}. Russian and Armenian are written out here; every other
 * language is treated as English (one for 1, other for the rest), which is right for most of the
 * languages a site is written in and harmless for the others, whose messages then fall back to
 * {@code other}.
 *
 * <p>Why not ICU4J's {@code PluralRules}: the rules are three lines for the languages the site
 * speaks, and ICU4J is a 14 MB jar; a language added to the site with rules of its own (Polish,
 * Arabic) is the time to take it.
 */
public final class Plurals {

  private Plurals() {}

  /** The CLDR category of {@code n} (a count, never negative in our pages) in the language of {@code locale}. */
  public static String category(Locale locale, long n) {
    long abs = Math.abs(n);
    switch (locale.getLanguage()) {
      case "ru", "uk", "be" -> {
        long mod10 = abs % 10;
        long mod100 = abs % 100;
        if (mod10 == 1 && mod100 != 11) {
          return "one";
        }
        if (mod10 >= 2 && mod10 <= 4 && (mod100 < 12 || mod100 > 14)) {
          return "few";
        }
        return "many";
      }
      case "hy", "fr" -> {
        // CLDR: one when the integer part is 0 or 1
        return abs <= 1 ? "one" : "other";
      }
      default -> {
        return abs == 1 ? "one" : "other";
      }
    }
  }
}
