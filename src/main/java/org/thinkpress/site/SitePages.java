package org.thinkpress.site;

import static java.util.Objects.requireNonNull;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.function.Supplier;
import org.thinkpress.content.ContentNotFoundException;
import org.thinkpress.content.ContentReader;
import org.thinkpress.research.Citations;
import org.thinkpress.content.PublicationSummary;
import org.thinkpress.kit.Assets;
import org.thinkpress.kit.LayoutBuilder;
import org.thinkpress.kit.Messages;
import org.thinkpress.kit.RenderedPage;
import org.thinkpress.kit.SiteConfig;
import org.thinkpress.kit.SiteFrame;
import org.thinkpress.kit.SiteIdentity;
import org.thinkpress.kit.Views;
import org.thinkpress.media.Images;
import org.thinkpress.search.OtherMaterials;
import org.thinkpress.site.SiteViews.ErrorPage;

/**
 * Every page, feed and file of the public site, rendered to bytes with its validators. This is
 * the site's service: routes parse a request, call one method here (through the
 * {@link PageCache}) and send what it returns.
 */
public final class SitePages implements SiteFrame {

  static final String HTML = "text/html; charset=utf-8";
  static final String XML = "application/xml; charset=utf-8";
  static final String TEXT = "text/plain; charset=utf-8";

  private final ContentReader reader;
  private final SiteConfig config;
  private final Templates templates = new Templates();
  private final PublicationPages publications;
  private final ListingPages listings;
  private final Feeds feeds;
  private final Sitemaps sitemaps;
  private final RootPages rootPages;
  private final ViewHelpers helpers;

  public SitePages(ContentReader reader, SiteConfig config, Assets assets, OtherMaterials otherMaterials, Images images,
                   Citations citations) {
    this.reader = requireNonNull(reader, "reader");
    this.config = requireNonNull(config, "config");
    this.helpers = new ViewHelpers(reader, config, assets.stylesheetUrl(), requireNonNull(images, "images"));
    this.publications = new PublicationPages(helpers, requireNonNull(otherMaterials, "otherMaterials"),
        requireNonNull(citations, "citations"));
    this.listings = new ListingPages(helpers);
    this.feeds = new Feeds(helpers);
    this.sitemaps = new Sitemaps(helpers);
    this.rootPages = new RootPages(helpers);
  }

  /** The "Other materials" a reader finds under a piece when search is not wired: shared topics or regions. */
  public static OtherMaterials sharingTopicsOrRegions(ContentReader reader) {
    return reader::sharingTopicsOrRegions;
  }

  @Override
  public SiteConfig config() {
    return config;
  }

  @Override
  public Views.Layout layout(String title, String description, String path, String section, Views.FeedLinks feeds,
                             String previousHref, String nextHref, boolean noindex) {
    LayoutBuilder layout = helpers.layout(config.language(), title, description, path).section(section).feeds(feeds)
        .pages(previousHref, nextHref);
    if (noindex) {
      layout.noindex();
    }
    return layout.build();
  }

  @Override
  public Views.Card card(PublicationSummary summary) {
    return helpers.card(summary, config.language());
  }

  /**
   * The edition of {@code language} ({@code null}: the main one), or a 404 when the site has no
   * edition in it: routes under {@code /TAG} pass the tag.
   */
  private Edition edition(String language) {
    return language == null ? helpers.editions.main() : helpers.editions.require(language);
  }

  /** The site's languages after the main one, as configured: the prefixes of routes. */
  public List<String> prefixedLanguages() {
    return helpers.editions.prefixedLanguages();
  }

  /** Where {@code /languages/TAG} went: the home of the language's edition, if it has one. */
  public java.util.Optional<String> editionHome(String language) {
    return helpers.editions.of(language).map(Edition::home);
  }

  public RenderedPage home() {
    return home(null);
  }

  public RenderedPage home(String language) {
    return html(() -> publications.home(edition(language)));
  }

  public RenderedPage publication(String slug) {
    return html(() -> publications.publication(slug));
  }

  /** A site page at the root: {@code /about}. */
  public RenderedPage page(String slug) {
    return html(() -> rootPages.page(slug));
  }

  public RenderedPage all(int page) {
    return all(null, page);
  }

  public RenderedPage all(String language, int page) {
    return html(() -> listings.all(edition(language), ListingFilter.NONE, page));
  }

  /**
   * {@code /publications} (or an edition's) with filters ({@link ListingFilter}): a filter naming
   * nothing of ours is a 404, a page past the end too; no piece matching them is a page that says so.
   */
  RenderedPage filtered(String language, ListingFilter filter, int page) {
    return html(() -> listings.all(edition(language), filter, page));
  }

  public RenderedPage topic(String language, String slug, int page) {
    return html(() -> listings.topic(edition(language), slug, page));
  }

  public RenderedPage region(String language, String slug, int page) {
    return html(() -> listings.region(edition(language), slug, page));
  }

  public RenderedPage expert(String language, String slug, int page) {
    return html(() -> listings.expert(edition(language), slug, page));
  }

  public RenderedPage type(String language, String type, int page) {
    return html(() -> listings.type(edition(language), type, page));
  }

  public RenderedPage year(String language, int year, int page) {
    return html(() -> listings.year(edition(language), year, page));
  }

  public RenderedPage language(String tag, int page) {
    return html(() -> listings.language(helpers.editions.main(), tag, page));
  }

  public RenderedPage topics(String language) {
    return html(() -> listings.topicsIndex(edition(language)));
  }

  public RenderedPage regions(String language) {
    return html(() -> listings.regionsIndex(edition(language)));
  }

  public RenderedPage experts(String language) {
    return html(() -> listings.expertsIndex(edition(language)));
  }

  public RenderedPage archive(String language) {
    return html(() -> listings.archiveIndex(edition(language)));
  }

  /** A feed: {@code kind} is "site", "topic", "region" or "expert"; {@code slug} is ignored for "site". */
  public RenderedPage feed(String kind, String slug, boolean atom) {
    return feed(null, kind, slug, atom);
  }

  /** A feed of {@code language}'s edition ({@code null}: the main one). */
  public RenderedPage feed(String language, String kind, String slug, boolean atom) {
    Feeds.Format format = atom ? Feeds.Format.ATOM : Feeds.Format.RSS;
    return text(format.contentType, () -> {
      Edition e = edition(language);
      return switch (kind) {
        case "site" -> feeds.site(e, format);
        case "topic" -> feeds.topic(e, slug, format);
        case "region" -> feeds.region(e, slug, format);
        case "expert" -> feeds.expert(e, slug, format);
        default -> throw new ContentNotFoundException("feed", kind);
      };
    });
  }

  /** {@code /sitemap.xml} for part 0, {@code /sitemap-N.xml} for part N. */
  public RenderedPage sitemap(int part) {
    return text(XML, () -> sitemaps.part(part)
        .orElseThrow(() -> new ContentNotFoundException("sitemap part", String.valueOf(part))));
  }

  public RenderedPage robots() {
    return text(TEXT, sitemaps::robots);
  }

  /**
   * An error page in the site's design. {@code detail} is shown for 400 (what was wrong with the
   * request) and 500 (the incident number to quote); it must not contain internals.
   */
  public RenderedPage error(int status, String detail) {
    Messages msg = Messages.of(config.language());
    String titleKey = "error.title." + status;
    String heading = msg.get(titleKey).equals(titleKey) ? msg.get("error.title.other") : msg.get(titleKey);
    String textKey = "error.text." + status;
    String text = msg.get(textKey).equals(textKey) ? detail : msg.format(textKey, detail);
    long version = reader.version().current();
    LayoutBuilder layout;
    try {
      layout = helpers.layout(config.language(), heading, text, "/");
    } catch (RuntimeException databaseDown) {
      layout = new LayoutBuilder(new SiteIdentity("ThinkPress", "", null, java.util.List.of()), msg, config.language(),
          heading, text, config.absolute("/"), List.of(), List.of(), helpers.stylesheetUrl());
    }
    View view = new View(status, "site/error.jte", layout.noindex().build(), new ErrorPage(status, heading, text));
    return RenderedPage.of(status, HTML, templates.render(view), 0, version);
  }

  /** Renders a page from a view; the version is read first so that a change during rendering is noticed. */
  RenderedPage html(Supplier<View> build) {
    long version = reader.version().current();
    View view = build.get();
    return RenderedPage.of(view.status(), HTML, templates.render(view), reader.version().changedAtMillis(), version);
  }

  /** Renders the view of a page without compressing or hashing it: the cost the page cache saves. */
  public byte[] renderPublicationBody(String slug) {
    return templates.render(publications.publication(slug));
  }

  private RenderedPage text(String contentType, Supplier<String> build) {
    long version = reader.version().current();
    byte[] body = build.get().getBytes(StandardCharsets.UTF_8);
    return RenderedPage.of(200, contentType, body, reader.version().changedAtMillis(), version);
  }

}
