package org.thinkpress.research;

import de.undercouch.citeproc.CSL;
import de.undercouch.citeproc.ItemDataProvider;
import de.undercouch.citeproc.csl.CSLItemData;
import de.undercouch.citeproc.csl.CSLItemDataBuilder;
import de.undercouch.citeproc.csl.CSLName;
import de.undercouch.citeproc.csl.CSLNameBuilder;
import de.undercouch.citeproc.csl.CSLType;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.safety.Safelist;

/**
 * Formats a {@link CitationItem} in a {@link CitationStyle} with citeproc-java, the CSL processor
 * for Java, and the official style files. A processor (a parsed style and locale, some tens of
 * milliseconds to make) is kept per style and language and used by one thread at a time.
 */
final class CslFormatter {

  /** CSL locales the styles artifact carries for the site's languages; others cite in American English. */
  private static final Map<String, String> LOCALES = Map.of("en", "en-US", "ru", "ru-RU");

  private final Map<String, Processor> processors = new ConcurrentHashMap<>();

  /** The entry as HTML with only {@code <i>} and {@code <b>} (the styles' italics and bold), and as text. */
  record Formatted(String html, String text) {}

  Formatted format(CitationItem item, CitationStyle style) {
    String locale = LOCALES.getOrDefault(Locale.forLanguageTag(item.language()).getLanguage(), "en-US");
    Processor processor = processors.computeIfAbsent(style.file() + "/" + locale, key -> new Processor(style, locale));
    return processor.format(toCsl(style == CitationStyle.APA ? initialled(item) : item));
  }

  /**
   * APA writes given names as initials, and citeproc-java makes initials only of Latin letters
   * ("Морару, Ирина." where citeproc-js, the reference processor, writes "Морару, И."): other
   * scripts' given names are initialled here, as the style would ("Анна-Мария Петровна" is
   * "А.-М. П.").
   */
  static CitationItem initialled(CitationItem item) {
    List<CitationItem.Author> authors = item.authors().stream()
        .map(author -> NOT_LATIN.matcher(author.given()).find()
            ? new CitationItem.Author(initials(author.given()), author.family()) : author)
        .toList();
    return new CitationItem(item.key(), item.title(), authors, item.issued(), item.publisher(), item.genre(),
        item.number(), item.url(), item.language(), item.abstractText(), item.keywords());
  }

  private static final Pattern NOT_LATIN = Pattern.compile("[\\p{L}&&[^\\p{IsLatin}]]");

  static String initials(String given) {
    return Arrays.stream(given.strip().split("\\s+"))
        .map(name -> Arrays.stream(name.split("-")).filter(part -> !part.isEmpty())
            .map(part -> new String(Character.toChars(part.codePointAt(0))) + ".").collect(Collectors.joining("-")))
        .collect(Collectors.joining(" "));
  }

  static CSLItemData toCsl(CitationItem item) {
    CSLItemDataBuilder builder = new CSLItemDataBuilder().id(item.key()).type(CSLType.REPORT).title(item.title())
        .issued(item.issued().getYear(), item.issued().getMonthValue(), item.issued().getDayOfMonth())
        .publisher(item.publisher()).genre(item.genre()).URL(item.url()).language(item.language());
    if (item.authors().isEmpty()) {
      builder.author(new CSLNameBuilder().literal(item.publisher()).build());
    } else {
      builder.author(item.authors().stream().map(CslFormatter::name).toArray(CSLName[]::new));
    }
    if (item.number() != null) {
      builder.number(item.number());
    }
    if (!item.abstractText().isEmpty()) {
      builder.abstrct(item.abstractText());
    }
    if (!item.keywords().isEmpty()) {
      builder.keyword(String.join(", ", item.keywords()));
    }
    return builder.build();
  }

  private static CSLName name(CitationItem.Author author) {
    return author.given().isEmpty() ? new CSLNameBuilder().family(author.family()).build()
        : new CSLNameBuilder().given(author.given()).family(author.family()).build();
  }

  /** One style in one locale; citeproc-java's processor keeps state between calls, so calls take turns. */
  private static final class Processor {

    private final CSL csl;
    private final OneItem items = new OneItem();

    Processor(CitationStyle style, String locale) {
      try {
        csl = new CSL(items, style.file(), locale);
      } catch (IOException e) {
        throw new UncheckedIOException("the CSL style " + style.file() + " could not be read", e);
      }
      csl.setOutputFormat("html");
    }

    synchronized Formatted format(CSLItemData item) {
      items.item = item;
      csl.reset();
      csl.registerCitationItems(item.getId());
      String entry = csl.makeBibliography().getEntries()[0];
      return simplify(entry);
    }
  }

  /**
   * citeproc-java's HTML marks italics and bold with inline styles, which the site's
   * Content-Security-Policy does not run; they become {@code <i>} and {@code <b>}, and nothing else
   * of its markup stays.
   */
  static Formatted simplify(String entryHtml) {
    Document document = Jsoup.parseBodyFragment(entryHtml);
    for (Element span : document.select("span[style]")) {
      String style = span.attr("style").replace(" ", "");
      if (style.contains("font-style:italic")) {
        span.tagName("i").removeAttr("style");
      } else if (style.contains("font-weight:bold")) {
        span.tagName("b").removeAttr("style");
      } else {
        span.unwrap();
      }
    }
    Element entry = document.selectFirst(".csl-entry");
    String inner = (entry != null ? entry : document.body()).html();
    String html = Jsoup.clean(inner, Safelist.none().addTags("i", "b"));
    return new Formatted(html.strip(), Jsoup.parseBodyFragment(html).text().strip());
  }

  /** The processor's source of items: the one being formatted. */
  private static final class OneItem implements ItemDataProvider {

    CSLItemData item;

    @Override
    public CSLItemData retrieveItem(String id) {
      return item != null && item.getId().equals(id) ? item : null;
    }

    @Override
    public java.util.Collection<String> getIds() {
      return item == null ? java.util.List.of() : java.util.List.of(item.getId());
    }
  }
}
