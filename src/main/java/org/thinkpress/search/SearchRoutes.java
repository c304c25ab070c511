package org.thinkpress.search;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.Handler;
import io.javalin.http.HttpResponseException;
import java.io.IOException;
import org.thinkpress.kit.PageResponder;
import org.thinkpress.kit.RenderedPage;

/**
 * {@code GET /search}, {@code /search/suggest} and {@code /search/feed}. Every request is counted
 * against its client address's allowance ({@link RateLimiter}); past it, the answer is
 * {@code 429 Too Many Requests} with {@code Retry-After}. No query string, however hostile, is an
 * error: the page shows what could be read from it.
 *
 * <p>The client address is {@code ctx.ip()}: the connection's, or behind a trusted reverse proxy
 * the forwarded one ({@code server.trusted-proxies}).
 */
final class SearchRoutes {

  private final SearchPages pages;
  private final RateLimiter limiter;

  SearchRoutes(SearchPages pages, RateLimiter limiter) {
    this.pages = pages;
    this.limiter = limiter;
  }

  void register(RoutesConfig routes) {
    get(routes, SearchPages.PATH, ctx -> send(ctx, pages.page(SearchRequest.of(ctx.queryParamMap())), "no-cache"));
    get(routes, SearchPages.SUGGEST_PATH, ctx -> send(ctx, pages.suggestions(ctx.queryParam("q")), "public, max-age=60"));
    get(routes, SearchPages.FEED_PATH, ctx -> send(ctx,
        pages.feed(SearchRequest.of(ctx.queryParamMap()), !"rss".equals(ctx.queryParam("format"))), "public, max-age=300"));
  }

  private void get(RoutesConfig routes, String path, Handler handler) {
    Handler limited = ctx -> {
      if (!limiter.tryAcquire(ctx.ip())) {
        ctx.header("Retry-After", Long.toString(limiter.secondsUntilNext(ctx.ip())));
        throw new HttpResponseException(429, "Too many requests");
      }
      handler.handle(ctx);
    };
    routes.get(path, limited);
    routes.head(path, limited);
  }

  private static void send(Context ctx, RenderedPage page, String cacheControl) throws IOException {
    PageResponder.send(ctx, page, cacheControl);
  }
}
