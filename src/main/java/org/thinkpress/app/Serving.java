package org.thinkpress.app;

import static java.util.Objects.requireNonNull;

import java.util.List;
import org.thinkpress.admin.Admin;
import org.thinkpress.publishing.ApiRoutes;
import org.thinkpress.search.Search;
import org.thinkpress.site.PageCache;
import org.thinkpress.site.SitePages;
import org.thinkpress.web.HttpServer;

/**
 * What {@link ThinkPress#serve} started: every part exists, none is null. Closing the
 * {@link ThinkPress} stops them.
 */
public final class Serving {

  private final Search search;
  private final SitePages sitePages;
  private final PageCache pageCache;
  private final Admin admin;
  private final ApiRoutes api;
  private final HttpServer server;

  Serving(Search search, SitePages sitePages, PageCache pageCache, Admin admin, ApiRoutes api, HttpServer server) {
    this.search = requireNonNull(search, "search");
    this.sitePages = requireNonNull(sitePages, "sitePages");
    this.pageCache = requireNonNull(pageCache, "pageCache");
    this.admin = requireNonNull(admin, "admin");
    this.api = requireNonNull(api, "api");
    this.server = requireNonNull(server, "server");
  }

  public Search search() {
    return search;
  }

  /** The public site's pages, for benchmarks of rendering. */
  public SitePages sitePages() {
    return sitePages;
  }

  public PageCache pageCache() {
    return pageCache;
  }

  public Admin admin() {
    return admin;
  }

  /** The JSON API at {@code /admin/api}. */
  public ApiRoutes api() {
    return api;
  }

  /** The port the server listens on. */
  public int port() {
    return server.port();
  }

  /** Every route the server answers, as registered. */
  public List<HttpServer.Route> routes() {
    return server.routes();
  }
}
