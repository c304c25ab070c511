package org.thinkpress.kit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Counts read as each language writes them: CLDR's plural rules for English, Russian and Armenian. */
class PluralsTest {

  @ParameterizedTest(name = "{0} {1} -> {2}")
  @CsvSource(delimiter = '|', value = {
      "ru | 1 | one", "ru | 21 | one", "ru | 101 | one", "ru | 2 | few", "ru | 4 | few", "ru | 22 | few",
      "ru | 5 | many", "ru | 11 | many", "ru | 12 | many", "ru | 14 | many", "ru | 0 | many", "ru | 111 | many",
      "hy | 0 | one", "hy | 1 | one", "hy | 2 | other", "hy | 21 | other",
      "en | 1 | one", "en | 0 | other", "en | 2 | other", "en | 21 | other",
      "ka | 1 | one", "ka | 3 | other"})
  void eachLanguageFilesACountInItsCategory(String language, long n, String category) {
    assertThat(Plurals.category(Locale.forLanguageTag(language), n)).isEqualTo(category);
  }

  @ParameterizedTest(name = "{0} {1} -> {2}")
  @CsvSource(delimiter = '|', value = {
      "ru | 1 | 1 минута чтения", "ru | 2 | 2 минуты чтения", "ru | 5 | 5 минут чтения",
      "ru | 21 | 21 минута чтения", "ru | 12 | 12 минут чтения", "ru | 24 | 24 минуты чтения",
      "hy | 1 | 1 րոպե ընթերցանություն", "hy | 7 | 7 րոպե ընթերցանություն",
      "en | 1 | 1 min read", "en | 21 | 21 min read"})
  void readingTimeIsWrittenWithTheLanguagesPlural(String language, long minutes, String text) {
    assertThat(Messages.of(language).plural("reading.minutes", minutes)).isEqualTo(text);
  }

  @ParameterizedTest(name = "{0} {1} -> {2}")
  @CsvSource(delimiter = '|', value = {
      "ru | 1 | 1 публикация", "ru | 3 | 3 публикации", "ru | 7 | 7 публикаций", "ru | 11 | 11 публикаций",
      "ru | 31 | 31 публикация", "en | 1 | 1 publication", "en | 7 | 7 publications", "hy | 7 | 7 հրապարակում"})
  void countsOfPublicationsToo(String language, long n, String text) {
    assertThat(Messages.of(language).plural("count.publications", n)).isEqualTo(text);
  }

  @org.junit.jupiter.api.Test
  void aLanguageWithoutTheKeyFallsBackToEnglishsCategoryAndAnUnknownKeyShowsItself() {
    assertThat(Messages.of("de").plural("count.publications", 3)).isEqualTo("3 publications");
    assertThat(Messages.of("ru").plural("no.such.key", 3)).isEqualTo("no.such.key");
  }
}
