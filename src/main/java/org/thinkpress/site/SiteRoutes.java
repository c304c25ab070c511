package org.thinkpress.site;

import static java.util.Objects.requireNonNull;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.Handler;
import java.io.IOException;
import java.util.function.IntFunction;
import java.util.function.Supplier;
import org.thinkpress.content.ContentNotFoundException;
import org.thinkpress.content.Slugs;
import org.thinkpress.kit.Assets;
import org.thinkpress.kit.PageResponder;
import org.thinkpress.kit.RenderedPage;
import org.thinkpress.kit.Urls;
import org.thinkpress.publishing.MovedContent;

/**
 * The public site's routes. Each one checks its path and {@code ?page=N}, answers from the
 * {@link PageCache} or renders through {@link SitePages}, and sends the result with
 * {@link PageResponder}. Unknown slugs are 404s, malformed page numbers 400s; both come out of
 * here as exceptions that the web layer maps to the site's error pages.
 */
public final class SiteRoutes {

  /** The highest page number accepted; more would only ever be a 404 or an attack. */
  static final int MAX_PAGE = 100_000;
  /**
   * The longest query string a redirect keeps: a longer one is no reader's, and copied into the
   * {@code Location} header it would not fit in the response's headers.
   */
  static final int MAX_KEPT_QUERY = 2_000;

  private final SitePages pages;
  private final PageCache cache;
  private final Assets assets;
  private final String htmlCacheControl;
  private final MovedContent moved;
  /** The filtered listings' own share of the cache: see {@link #publications}. */
  private final PageCache filteredCache;

  public SiteRoutes(SitePages pages, PageCache cache, Assets assets) {
    this(pages, cache, assets, MovedContent.NONE);
  }

  /** @param moved where renamed publications, topics, regions and experts went, for 301 redirects */
  public SiteRoutes(SitePages pages, PageCache cache, Assets assets, MovedContent moved) {
    this.moved = requireNonNull(moved, "moved");
    this.pages = requireNonNull(pages, "pages");
    this.cache = requireNonNull(cache, "cache");
    this.filteredCache = cache.sibling(8);
    this.assets = requireNonNull(assets, "assets");
    int maxAge = pages.config().htmlMaxAgeSeconds();
    this.htmlCacheControl = maxAge == 0 ? "no-cache" : "public, max-age=" + maxAge;
  }

  public void register(RoutesConfig routes) {
    routes.before(this::answerFromCache);
    registerEdition(routes, null);
    for (String language : pages.prefixedLanguages()) {
      registerEdition(routes, language);
    }
    get(routes, Urls.PUBLICATIONS + "/{slug}", ctx -> {
      String slug = slug(ctx, "publication");
      orMoved(ctx, "publication", slug, "", () -> cached(ctx, Urls.publication(slug), () -> pages.publication(slug)));
    });
    get(routes, "/languages/{tag}", ctx -> {
      String tag = ctx.pathParam("tag");
      if (!tag.matches("[A-Za-z]{2,8}(-[A-Za-z0-9]{1,8}){0,3}")) {
        throw new ContentNotFoundException("language", tag);
      }
      var home = pages.editionHome(tag);
      if (home.isPresent()) {
        ctx.status(301);
        ctx.header("Cache-Control", htmlCacheControl);
        ctx.header("Location", home.get());
        return;
      }
      paged(ctx, Urls.language(tag), page -> pages.language(tag, page));
    });
    get(routes, Urls.SITEMAP, ctx -> cached(ctx, Urls.SITEMAP, () -> pages.sitemap(0)));
    get(routes, "/sitemap-{part}.xml", ctx -> {
      String part = ctx.pathParam("part");
      if (!part.matches("[1-9][0-9]{0,4}")) {
        throw new ContentNotFoundException("sitemap part", part);
      }
      cached(ctx, "/sitemap-" + part + ".xml", () -> pages.sitemap(Integer.parseInt(part)));
    });
    get(routes, "/robots.txt", ctx -> cached(ctx, "/robots.txt", pages::robots));
    get(routes, "/assets/<path>", this::asset);
  }

  /**
   * Registers the site pages at the root ({@code /about}); last of all routes, so that they shadow
   * none (a page may not take a route's first segment either: {@code content.PageSlugs}). A page
   * whose slug changed answers 301 at its old address.
   */
  public void registerPages(RoutesConfig routes) {
    get(routes, "/{slug}", ctx -> {
      String slug = slug(ctx, "page");
      try {
        cached(ctx, Urls.sitePage(slug), () -> pages.page(slug));
      } catch (ContentNotFoundException notFound) {
        movedTo(ctx, Urls.sitePage(moved.newSlug("page", slug).orElseThrow(() -> notFound)));
      }
    });
  }

  /**
   * The home, listings, indexes and feeds of one language's edition: the main one's ({@code null})
   * at the plain paths, another's under {@code /TAG}. Publication pages are the same in every one.
   */
  private void registerEdition(RoutesConfig routes, String language) {
    Edition edition = language == null ? Edition.main("") : Edition.of(language);
    String p = edition.prefix();
    get(routes, edition.home(), ctx -> cached(ctx, edition.home(), () -> pages.home(language)));
    get(routes, p + Urls.PUBLICATIONS, ctx -> publications(ctx, language, p + Urls.PUBLICATIONS));
    get(routes, p + Urls.TOPICS, ctx -> cached(ctx, p + Urls.TOPICS, () -> pages.topics(language)));
    get(routes, p + Urls.REGIONS, ctx -> cached(ctx, p + Urls.REGIONS, () -> pages.regions(language)));
    get(routes, p + Urls.EXPERTS, ctx -> cached(ctx, p + Urls.EXPERTS, () -> pages.experts(language)));
    get(routes, p + Urls.ARCHIVE, ctx -> cached(ctx, p + Urls.ARCHIVE, () -> pages.archive(language)));
    get(routes, p + Urls.TOPICS + "/{slug}", ctx -> {
      String slug = slug(ctx, "topic");
      orMoved(ctx, p, "topic", slug, "", () -> paged(ctx, p + Urls.topic(slug), page -> pages.topic(language, slug, page)));
    });
    get(routes, p + Urls.REGIONS + "/{slug}", ctx -> {
      String slug = slug(ctx, "region");
      orMoved(ctx, p, "region", slug, "", () -> paged(ctx, p + Urls.region(slug), page -> pages.region(language, slug, page)));
    });
    get(routes, p + Urls.EXPERTS + "/{slug}", ctx -> {
      String slug = slug(ctx, "expert");
      orMoved(ctx, p, "expert", slug, "", () -> paged(ctx, p + Urls.expert(slug), page -> pages.expert(language, slug, page)));
    });
    get(routes, p + "/types/{slug}", ctx -> {
      String type = slug(ctx, "type");
      paged(ctx, p + Urls.type(type), page -> pages.type(language, type, page));
    });
    get(routes, p + Urls.ARCHIVE + "/{year}", ctx -> {
      String year = ctx.pathParam("year");
      if (!year.matches("[0-9]{4}")) {
        throw new ContentNotFoundException("archive year", year);
      }
      paged(ctx, p + Urls.year(Integer.parseInt(year)), page -> pages.year(language, Integer.parseInt(year), page));
    });
    registerFeeds(routes, language, p);
  }

  private void registerFeeds(RoutesConfig routes, String language, String p) {
    get(routes, p + Urls.FEED_RSS, ctx -> cached(ctx, p + Urls.FEED_RSS, () -> pages.feed(language, "site", null, false)));
    get(routes, p + Urls.FEED_ATOM, ctx -> cached(ctx, p + Urls.FEED_ATOM, () -> pages.feed(language, "site", null, true)));
    for (String kind : new String[] {"topic", "region", "expert"}) {
      String base = p + "/" + kind + "s/{slug}";
      get(routes, base + Urls.FEED_RSS, ctx -> {
        String slug = slug(ctx, kind);
        orMoved(ctx, p, kind, slug, Urls.FEED_RSS,
            () -> cached(ctx, p + "/" + kind + "s/" + slug + Urls.FEED_RSS, () -> pages.feed(language, kind, slug, false)));
      });
      get(routes, base + Urls.FEED_ATOM, ctx -> {
        String slug = slug(ctx, kind);
        orMoved(ctx, p, kind, slug, Urls.FEED_ATOM,
            () -> cached(ctx, p + "/" + kind + "s/" + slug + Urls.FEED_ATOM, () -> pages.feed(language, kind, slug, true)));
      });
    }
  }

  /**
   * Answers a GET or HEAD for a page the cache holds before the router looks at the request: with
   * every feature's routes registered, matching the path is a good part of a cached page's cost.
   * Only a plain path, or a path with exactly {@code ?page=N}, can be a cache key (routes build
   * keys the same way); anything else goes on to the routes, which validate it.
   */
  private void answerFromCache(Context ctx) throws IOException {
    String method = ctx.req().getMethod();
    if (!method.equals("GET") && !method.equals("HEAD")) {
      return;
    }
    String query = ctx.queryString();
    if (query != null && !isPageQuery(query)) {
      return;
    }
    RenderedPage page = cache.peek(query == null ? ctx.path() : ctx.path() + "?" + query);
    if (page != null) {
      PageResponder.send(ctx, page, htmlCacheControl);
      ctx.skipRemainingHandlers();
    }
  }

  /** {@code page=N} with N a number from 2 up, written the one way routes write it. */
  static boolean isPageQuery(String query) {
    if (!query.startsWith("page=") || query.length() < 6 || query.length() > 11 || query.charAt(5) == '0'
        || query.equals("page=1")) {
      return false;
    }
    for (int i = 5; i < query.length(); i++) {
      if (query.charAt(i) < '0' || query.charAt(i) > '9') {
        return false;
      }
    }
    return true;
  }

  /** Registers a handler for GET and for HEAD (which Jetty answers without the body). */
  private static void get(RoutesConfig routes, String path, Handler handler) {
    routes.get(path, handler);
    routes.head(path, handler);
  }

  private void cached(Context ctx, String key, Supplier<RenderedPage> render) throws IOException {
    PageResponder.send(ctx, cache.get(key, render), htmlCacheControl);
  }

  /**
   * {@code /publications} with filters, or without them a plain paged listing. A filtered page is
   * kept only under its canonical address (filters in their order, then the page), and in its own
   * part of the cache ({@link #filteredCache}, an eighth of the cache's memory): however many
   * combinations are asked for, they evict one another, never the site's other pages. Any other
   * spelling of the same filters is a 301 to the canonical one.
   */
  private void publications(Context ctx, String language, String path) throws IOException {
    String query = ctx.queryString();
    if (query == null || isPageQuery(query) || query.equals("page=1")) {
      paged(ctx, path, page -> pages.all(language, page));
      return;
    }
    if (query.length() > MAX_KEPT_QUERY) {
      throw new InvalidRequestException("the filters are longer than " + MAX_KEPT_QUERY + " characters");
    }
    ListingFilter filter = ListingFilter.parse(ctx.queryParamMap());
    if (filter.isEmpty()) {
      paged(ctx, path, page -> pages.all(language, page));
      return;
    }
    int page = pageNumber(ctx.queryParam("page"));
    String canonical = filter.href(path, page);
    if (!canonical.equals(path + "?" + query)) {
      ctx.status(301);
      ctx.header("Cache-Control", htmlCacheControl);
      ctx.header("Location", canonical);
      return;
    }
    PageResponder.send(ctx, filteredCache.get(canonical, () -> pages.filtered(language, filter, page)), htmlCacheControl);
  }

  /** A page number from {@code ?page=}: 1 when absent, a 400 when malformed or out of range. */
  private static int pageNumber(String raw) {
    if (raw == null) {
      return 1;
    }
    if (!raw.matches("[1-9][0-9]{0,5}") || Integer.parseInt(raw) > MAX_PAGE) {
      throw new InvalidRequestException("the page number '" + abbreviate(raw) + "' is not a whole number from 1 to " + MAX_PAGE);
    }
    return Integer.parseInt(raw);
  }

  /** A listing with {@code ?page=N}: 1 redirects to the plain URL, anything malformed is a 400. */
  private void paged(Context ctx, String path, IntFunction<RenderedPage> render) throws IOException {
    String raw = ctx.queryParam("page");
    if (raw == null) {
      cached(ctx, path, () -> render.apply(1));
      return;
    }
    if (!raw.matches("[1-9][0-9]{0,5}") || Integer.parseInt(raw) > MAX_PAGE) {
      throw new InvalidRequestException("the page number '" + abbreviate(raw) + "' is not a whole number from 1 to " + MAX_PAGE);
    }
    int page = Integer.parseInt(raw);
    if (page == 1) {
      ctx.status(301);
      ctx.header("Location", path);
      return;
    }
    cached(ctx, Urls.page(path, page), () -> render.apply(page));
  }

  /**
   * Runs {@code serve}; when it finds nothing under the slug and the content moved, answers with a
   * 301 to the new address ({@code suffix} is a feed's file name, kept), the query string kept
   * unless it is longer than {@link #MAX_KEPT_QUERY}.
   */
  /** A response that may fail to reach the client. */
  private interface Serve {
    void run() throws IOException;
  }

  private void orMoved(Context ctx, String kind, String slug, String suffix, Serve serve) throws IOException {
    orMoved(ctx, "", kind, slug, suffix, serve);
  }

  /** As above, for a listing under an edition's {@code prefix}. */
  private void orMoved(Context ctx, String prefix, String kind, String slug, String suffix, Serve serve) throws IOException {
    try {
      serve.run();
    } catch (ContentNotFoundException notFound) {
      movedTo(ctx, prefix + "/" + kind + "s/" + moved.newSlug(kind, slug).orElseThrow(() -> notFound) + suffix);
    }
  }

  /** A 301 to {@code path}, with the query string unless it is longer than {@link #MAX_KEPT_QUERY}. */
  private void movedTo(Context ctx, String path) {
    String query = ctx.queryString();
    boolean keep = query != null && query.length() <= MAX_KEPT_QUERY;
    ctx.status(301);
    ctx.header("Cache-Control", htmlCacheControl);
    ctx.header("Location", path + (keep ? "?" + query : ""));
  }

  private static String slug(Context ctx, String what) {
    String slug = ctx.pathParam("slug");
    if (!Slugs.isValid(slug)) {
      throw new ContentNotFoundException(what, abbreviate(slug));
    }
    return slug;
  }

  private void asset(Context ctx) throws IOException {
    Assets.Asset asset = assets.find(ctx.pathParam("path"))
        .orElseThrow(() -> new ContentNotFoundException("file", abbreviate(ctx.pathParam("path"))));
    PageResponder.send(ctx, asset.page(), asset.immutable() ? "public, max-age=31536000, immutable" : "public, max-age=86400");
  }

  private static String abbreviate(String value) {
    return value.length() > 60 ? value.substring(0, 60) + "…" : value;
  }
}
