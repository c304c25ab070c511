package org.thinkpress.newsletter;

import static java.util.Objects.requireNonNull;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Instant;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.thinkpress.content.ContentReader;
import org.thinkpress.content.ContentStore;
import org.thinkpress.content.Listing;
import org.thinkpress.content.MarkdownRenderer;
import org.thinkpress.content.Publication;
import org.thinkpress.content.PublicationSummary;
import org.thinkpress.kit.SiteConfig;

/**
 * What a send's messages are made of, read once per send and kept while the send goes out: the
 * alert's piece, the digest period's pieces, the campaign's HTML. Messages are rendered from this
 * at the moment of sending, so an outbox row holds only ids.
 */
final class SendContents {

  /** A piece as messages show it, in its own language's words. */
  record Piece(long id, String slug, String language, String translationGroup, String title, String standfirst,
               String type, Instant publishedAt, List<Long> expertIds, List<Long> topicIds, List<Long> regionIds) {

    static Piece of(PublicationSummary s) {
      return new Piece(s.id(), s.slug(), s.language(), s.translationGroup(), s.title(), s.standfirst(), s.type(),
          s.publishedAt(), s.expertIds(), s.topicIds(), s.regionIds());
    }

    static Piece of(Publication p) {
      return new Piece(p.id(), p.slug(), p.language(), p.translationGroup(), p.title(), p.standfirst(), p.type(),
          p.publishedAt(), p.expertIds(), p.topicIds(), p.regionIds());
    }
  }

  /**
   * The content of one send.
   *
   * @param alert an alert's piece (the version whose publication made the alert)
   * @param pieces a digest's period's pieces, newest first; or an alert's published versions, the
   *     piece's other languages, by id (each row names the one its recipient gets)
   */
  record Content(Send send, Piece alert, Map<Long, Piece> pieces, Campaign campaign, String campaignHtml) {}

  private final Jdbi jdbi;
  private final ContentReader reader;
  private final ContentStore store;
  private final SiteConfig site;
  private final MarkdownRenderer markdown = new MarkdownRenderer();
  private final Cache<Long, Content> cache = Caffeine.newBuilder().maximumSize(64).build();

  SendContents(Jdbi jdbi, ContentReader reader, ContentStore store, SiteConfig site) {
    this.jdbi = requireNonNull(jdbi, "jdbi");
    this.reader = requireNonNull(reader, "reader");
    this.store = requireNonNull(store, "store");
    this.site = requireNonNull(site, "site");
  }

  Jdbi jdbi() {
    return jdbi;
  }

  ContentReader reader() {
    return reader;
  }

  /** The content of a send, loaded on first use. */
  Content of(Send send) {
    return cache.get(send.id(), id -> load(send));
  }

  private Content load(Send send) {
    return switch (send.kind()) {
      case ALERT -> {
        Piece alert = piece(send.publicationId()).orElse(null);
        yield new Content(send, alert, alert == null ? Map.of() : translations(alert), null, null);
      }
      case DIGEST -> new Content(send, null, periodPieces(send.periodStart(), send.periodEnd()), null, null);
      case CAMPAIGN -> {
        Campaign campaign = campaign(send.campaignId()).orElseThrow();
        yield new Content(send, null, Map.of(), campaign, emailHtml(markdown.render(campaign.bodyMarkdown()).html()));
      }
      case CONFIRMATION -> new Content(send, null, Map.of(), null, null);
    };
  }

  /** A publication by id in any status. */
  Optional<Piece> piece(long publicationId) {
    Optional<String> slug = jdbi.withHandle(handle -> handle.createQuery("SELECT slug FROM publications WHERE id = :id")
        .bind("id", publicationId).mapTo(String.class).findOne());
    return slug.flatMap(store::findPublication).map(Piece::of);
  }

  /** The published versions of a piece's translation group other than itself, by id. */
  private Map<Long, Piece> translations(Piece piece) {
    Map<Long, Piece> versions = new java.util.HashMap<>();
    if (piece.translationGroup() == null) {
      return versions;
    }
    for (Versions.Version version : publishedVersions(List.of(piece.translationGroup())).getOrDefault(
        piece.translationGroup(), List.of())) {
      if (version.id() != piece.id()) {
        piece(version.id()).ifPresent(p -> versions.put(p.id(), p));
      }
    }
    return versions;
  }

  /** The published versions of each of these translation groups, by group. */
  Map<String, List<Versions.Version>> publishedVersions(java.util.Collection<String> groups) {
    Map<String, List<Versions.Version>> found = new java.util.HashMap<>();
    if (groups.isEmpty()) {
      return found;
    }
    jdbi.useHandle(handle -> handle.createQuery("SELECT id, language, translation_group, published_at FROM publications"
            + " WHERE status = 'published' AND translation_group IN (<groups>)")
        .bindList("groups", List.copyOf(groups))
        .map((rs, ctx) -> {
          long published = rs.getLong(4);
          Instant at = rs.wasNull() ? null : Instant.ofEpochMilli(published);
          return found.computeIfAbsent(rs.getString(3), g -> new java.util.ArrayList<>())
              .add(new Versions.Version(rs.getLong(1), rs.getString(2), at));
        })
        .list());
    return found;
  }

  /** The published pieces of a period, newest first. */
  Map<Long, Piece> periodPieces(Instant start, Instant end) {
    Map<Long, Piece> pieces = new java.util.LinkedHashMap<>();
    for (PublicationSummary summary : reader.list(new Listing(null, null, null, null, start, end, null), 1, 500).items()) {
      pieces.put(summary.id(), Piece.of(summary));
    }
    return pieces;
  }

  Optional<Campaign> campaign(long id) {
    return jdbi.withHandle(handle -> handle.createQuery("SELECT id, subject, body_md, lists, topics, regions, created_at"
            + " FROM campaigns WHERE id = :id")
        .bind("id", id)
        .map((rs, ctx) -> new Campaign(rs.getLong(1), rs.getString(2), rs.getString(3), split(rs.getString(4)),
            split(rs.getString(5)), split(rs.getString(6)), Instant.ofEpochMilli(rs.getLong(7))))
        .findOne());
  }

  static List<String> split(String value) {
    return value == null || value.isBlank() ? List.of() : Arrays.stream(value.split(",")).map(String::strip).toList();
  }

  /**
   * Sanitized Markdown HTML made fit for mail clients: links and images absolute, the site's
   * typography as inline styles (mail clients drop style sheets).
   */
  String emailHtml(String html) {
    Document document = Jsoup.parseBodyFragment(html, site.absolute("/"));
    Map<String, String> styles = new HashMap<>();
    styles.put("p", "margin:0 0 16px;");
    styles.put("h2", "margin:24px 0 8px;font-family:Arial,Helvetica,sans-serif;font-size:20px;line-height:1.3;");
    styles.put("h3", "margin:20px 0 8px;font-family:Arial,Helvetica,sans-serif;font-size:17px;line-height:1.3;");
    styles.put("a", "color:#1b4f8a;");
    styles.put("blockquote", "margin:16px 0;padding:4px 0 4px 16px;border-left:4px solid #1b3a5c;font-style:italic;");
    styles.put("ul", "margin:0 0 16px;padding-left:24px;");
    styles.put("ol", "margin:0 0 16px;padding-left:24px;");
    styles.put("li", "margin:0 0 6px;");
    styles.put("img", "max-width:100%;height:auto;");
    styles.put("table", "border-collapse:collapse;width:100%;font-family:Arial,Helvetica,sans-serif;font-size:14px;");
    styles.put("th", "padding:6px;border-bottom:2px solid #1d232a;text-align:left;");
    styles.put("td", "padding:6px;border-bottom:1px solid #d9d5cc;");
    for (Element element : document.body().getAllElements()) {
      String style = styles.get(element.tagName());
      if (style != null) {
        element.attr("style", style);
      }
      if (element.hasAttr("href")) {
        element.attr("href", element.absUrl("href"));
      }
      if (element.hasAttr("src")) {
        element.attr("src", element.absUrl("src"));
      }
    }
    return document.body().html();
  }
}
