package org.thinkpress.site;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.thinkpress.content.ContentNotFoundException;
import org.thinkpress.content.ContentReader;
import org.thinkpress.content.Languages;
import org.thinkpress.content.Listing;
import org.thinkpress.content.PublicationSummary;
import org.thinkpress.kit.SiteConfig;
import org.thinkpress.kit.Urls;
import org.thinkpress.kit.Views.LanguageLink;

/**
 * The site's {@link Edition}s: one per configured language ({@code site.languages}) that has a
 * published piece, the main one always. Computes what a page offers in other languages: the
 * language switcher's links and the {@code hreflang} alternates.
 */
final class Editions {

  private final SiteConfig config;
  private final ContentReader reader;
  private final Edition main;

  Editions(SiteConfig config, ContentReader reader) {
    this.config = config;
    this.reader = reader;
    this.main = Edition.main(config.language());
  }

  Edition main() {
    return main;
  }

  /** The configured languages other than the main one: the prefixes routes are registered under. */
  List<String> prefixedLanguages() {
    return config.languages().subList(1, config.languages().size());
  }

  /** The editions shown: the main one, and each other configured language some published piece is in. */
  List<Edition> active() {
    List<String> published = reader.languages();
    List<Edition> editions = new ArrayList<>(List.of(main));
    for (String language : prefixedLanguages()) {
      if (published.contains(language)) {
        editions.add(Edition.of(language));
      }
    }
    return editions;
  }

  /** The shown edition of a language, if it has one. */
  Optional<Edition> of(String language) {
    return active().stream().filter(e -> e.language().equals(language)).findFirst();
  }

  /** The edition under {@code /TAG}, or a 404 when the language has none (yet). */
  Edition require(String language) {
    return of(language).filter(e -> !e.isMain())
        .orElseThrow(() -> new ContentNotFoundException("language edition", language));
  }

  /** The edition whose interface a page in {@code language} links to: its own, else the main one. */
  Edition forLanguage(String language) {
    return of(language).orElse(main);
  }

  /** What {@code base} shows in an edition: the edition's language and, as configured, the untranslated pieces. */
  Listing listing(Edition edition, Listing base) {
    return config.untranslatedInListings()
        ? base.inLanguageOrUntranslated(edition.language(), config.language())
        : base.inLanguage(edition.language());
  }

  /**
   * The switcher of a piece or site page at {@code path} in {@code language}: each translation in
   * its language, the home elsewhere.
   */
  List<LanguageLink> switcher(String language, String path, List<PublicationSummary> translations) {
    return switcher(other -> other.language().equals(language) ? path
        : translations.stream().filter(t -> t.language().equals(other.language())).findFirst()
            .map(t -> Urls.piece(t.type(), t.slug())).orElse(null));
  }

  /**
   * The language switcher: for each shown edition, the page's version in it ({@code pathIn}), or
   * {@code null} where it has none, which links to that edition's home. Empty with one edition.
   */
  List<LanguageLink> switcher(Function<Edition, String> pathIn) {
    List<Edition> editions = active();
    if (editions.size() < 2) {
      return List.of();
    }
    List<LanguageLink> links = new ArrayList<>();
    for (Edition edition : editions) {
      String path = pathIn.apply(edition);
      links.add(new LanguageLink(path == null ? edition.home() : path, Languages.nativeName(edition.language()),
          edition.language()));
    }
    return links;
  }

  /**
   * The {@code hreflang} alternates of a page that exists in every edition (a home, a listing):
   * each edition's version, absolute, and {@code x-default} for the main one. Empty with one edition.
   */
  List<LanguageLink> alternates(Function<Edition, String> pathIn) {
    List<Edition> editions = active();
    if (editions.size() < 2) {
      return List.of();
    }
    List<LanguageLink> links = new ArrayList<>();
    for (Edition edition : editions) {
      links.add(new LanguageLink(config.absolute(pathIn.apply(edition)), "", edition.language()));
    }
    links.add(new LanguageLink(config.absolute(pathIn.apply(main)), "", "x-default"));
    return links;
  }
}
