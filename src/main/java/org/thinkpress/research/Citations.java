package org.thinkpress.research;

import static java.util.Objects.requireNonNull;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.javalin.config.RoutesConfig;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import org.thinkpress.content.ContentReader;
import org.thinkpress.content.Publication;
import org.thinkpress.content.Taxonomy;
import org.thinkpress.kit.Messages;
import org.thinkpress.kit.SiteConfig;
import org.thinkpress.kit.SiteIdentity;
import org.thinkpress.kit.Urls;

/**
 * How a published piece is cited: in Chicago, APA and MLA (formatted by a CSL processor with the
 * official styles) for its page's "Cite this", and as BibTeX, RIS and CSL-JSON files at
 * {@code /publications/SLUG/cite.bib}, {@code .ris} and {@code .json}.
 */
public final class Citations {

  private final ContentReader reader;
  private final SiteConfig config;
  private final CslFormatter formatter = new CslFormatter();
  /**
   * Formatted entries by what they cite: a CSL processor takes milliseconds per entry and serves one
   * thread at a time, so a page rendered again (after any content change) reuses them.
   */
  private final Cache<CitationItem, List<Styled>> styled = Caffeine.newBuilder().maximumSize(20_000).build();

  public Citations(ContentReader reader, SiteConfig config) {
    this.reader = requireNonNull(reader, "reader");
    this.config = requireNonNull(config, "config");
  }

  /** A piece in one citation style: the entry as HTML (only {@code <i>} and {@code <b>}) and as text. */
  public record Styled(CitationStyle style, String html, String text) {}

  /** A download of the citation: its file kind and its address. */
  public record Download(CitationFile file, String href) {}

  /** The address of a piece's citation file. */
  public static String fileUrl(String slug, CitationFile file) {
    return Urls.publication(slug) + "/cite." + file.extension();
  }

  /** What citations of this published piece say. */
  public CitationItem item(Publication publication) {
    Taxonomy taxonomy = reader.taxonomy();
    String language = publication.language();
    List<CitationItem.Author> authors = taxonomy.experts(publication.expertIds()).stream()
        .map(expert -> CitationItem.Author.of(expert.nameIn(language)))
        .toList();
    LocalDate issued = publication.publishedAt().atZone(config.zone()).toLocalDate();
    return new CitationItem(key(publication, issued), publication.title(), authors, issued,
        SiteIdentity.from(reader.settings()).name(), Messages.of(language).typeLabel(publication.type()), null,
        config.absolute(Urls.publication(publication.slug())), language, publication.standfirst(),
        publication.keywords());
  }

  /** The piece in every style the page offers, in order. */
  public List<Styled> styles(CitationItem item) {
    return styled.get(item, this::format);
  }

  private List<Styled> format(CitationItem item) {
    return Arrays.stream(CitationStyle.values()).map(style -> {
      CslFormatter.Formatted formatted = formatter.format(item, style);
      return new Styled(style, formatted.html(), formatted.text());
    }).toList();
  }

  /** The files a page links to, in order. */
  public List<Download> downloads(String slug) {
    return Arrays.stream(CitationFile.values()).map(file -> new Download(file, fileUrl(slug, file))).toList();
  }

  /** The routes of the citation files; they answer only for published (or archived) pieces. */
  public void register(RoutesConfig routes) {
    new CitationRoutes(reader, this, config.htmlMaxAgeSeconds()).register(routes);
  }

  /** A key from the piece's address and year, ASCII as slugs are: {@code black-sea-grain-2025}. */
  private static String key(Publication publication, LocalDate issued) {
    String[] words = publication.slug().split("-");
    return String.join("-", Arrays.copyOf(words, Math.min(3, words.length))) + "-" + issued.getYear();
  }
}
