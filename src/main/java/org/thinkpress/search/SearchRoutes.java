package org.thinkpress.search;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.Handler;
import java.io.IOException;
import org.thinkpress.kit.PageResponder;
import org.thinkpress.kit.RenderedPage;

/**
 * {@code GET /search}, {@code /search/suggest} and {@code /search/feed}. No query string, however
 * hostile, is an error: the page shows what could be read from it. How many requests one client
 * may make ({@link SearchSettings#requestsPerMinute()}) is not counted here: the server applies
 * that limit to every path under {@link Search#PATH}, before these routes run.
 */
final class SearchRoutes {

  private final SearchPages pages;

  SearchRoutes(SearchPages pages) {
    this.pages = pages;
  }

  void register(RoutesConfig routes) {
    get(routes, SearchPages.PATH, ctx -> send(ctx, pages.page(SearchRequest.of(ctx.queryParamMap())), "no-cache"));
    get(routes, SearchPages.SUGGEST_PATH, ctx -> send(ctx, pages.suggestions(ctx.queryParam("q")), "public, max-age=60"));
    get(routes, SearchPages.FEED_PATH, ctx -> send(ctx,
        pages.feed(SearchRequest.of(ctx.queryParamMap()), !"rss".equals(ctx.queryParam("format"))), "public, max-age=300"));
  }

  private static void get(RoutesConfig routes, String path, Handler handler) {
    routes.get(path, handler);
    routes.head(path, handler);
  }

  private static void send(Context ctx, RenderedPage page, String cacheControl) throws IOException {
    PageResponder.send(ctx, page, cacheControl);
  }
}
