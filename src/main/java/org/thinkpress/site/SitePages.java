package org.thinkpress.site;

import static java.util.Objects.requireNonNull;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.function.Supplier;
import org.thinkpress.content.ContentNotFoundException;
import org.thinkpress.content.ContentReader;
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
  private final ViewHelpers helpers;

  public SitePages(ContentReader reader, SiteConfig config, Assets assets, OtherMaterials otherMaterials, Images images) {
    this.reader = requireNonNull(reader, "reader");
    this.config = requireNonNull(config, "config");
    this.helpers = new ViewHelpers(reader, config, assets.stylesheetUrl(), requireNonNull(images, "images"));
    this.publications = new PublicationPages(helpers, requireNonNull(otherMaterials, "otherMaterials"));
    this.listings = new ListingPages(helpers);
    this.feeds = new Feeds(helpers);
    this.sitemaps = new Sitemaps(helpers);
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

  public RenderedPage home() {
    return html(publications::home);
  }

  public RenderedPage publication(String slug) {
    return html(() -> publications.publication(slug));
  }

  public RenderedPage all(int page) {
    return html(() -> listings.all(page));
  }

  public RenderedPage topic(String slug, int page) {
    return html(() -> listings.topic(slug, page));
  }

  public RenderedPage region(String slug, int page) {
    return html(() -> listings.region(slug, page));
  }

  public RenderedPage expert(String slug, int page) {
    return html(() -> listings.expert(slug, page));
  }

  public RenderedPage type(String type, int page) {
    return html(() -> listings.type(type, page));
  }

  public RenderedPage year(int year, int page) {
    return html(() -> listings.year(year, page));
  }

  public RenderedPage language(String tag, int page) {
    return html(() -> listings.language(tag, page));
  }

  public RenderedPage topics() {
    return html(listings::topicsIndex);
  }

  public RenderedPage regions() {
    return html(listings::regionsIndex);
  }

  public RenderedPage experts() {
    return html(listings::expertsIndex);
  }

  public RenderedPage archive() {
    return html(listings::archiveIndex);
  }

  /** A feed: {@code kind} is "site", "topic", "region" or "expert"; {@code slug} is ignored for "site". */
  public RenderedPage feed(String kind, String slug, boolean atom) {
    Feeds.Format format = atom ? Feeds.Format.ATOM : Feeds.Format.RSS;
    return text(format.contentType, () -> switch (kind) {
      case "site" -> feeds.site(format);
      case "topic" -> feeds.topic(slug, format);
      case "region" -> feeds.region(slug, format);
      case "expert" -> feeds.expert(slug, format);
      default -> throw new ContentNotFoundException("feed", kind);
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
      layout = new LayoutBuilder(new SiteIdentity("ThinkPress", "", null), msg, config.language(),
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
