package org.thinkpress.web;

import static java.util.Objects.requireNonNull;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.net.URI;
import java.util.List;
import java.util.Locale;
import org.thinkpress.ThinkPressException;

/**
 * CSRF protection for forms that have no session to hang a token on (the public sign-up forms,
 * whose footer form sits in cached pages shared by every reader). Browsers say where a request
 * comes from: a request is refused when {@code Sec-Fetch-Site} says it comes from another site,
 * or, from a browser too old to send that, when {@code Origin} names another origin. A request
 * carrying neither header does not come from a browser, and CSRF is an attack through a browser.
 * This is the check OWASP describes as "verifying origin with standard headers", and the one Go's
 * {@code net/http.CrossOriginProtection} makes.
 *
 * <p>It applies to the route groups it is given; a refused request is a 403 with the site's error
 * page ({@link CrossSiteRequestException}), before the route runs.
 */
public final class OriginCheck {

  private final String siteOrigin;
  private final List<RouteGroup> groups;

  /**
   * @param baseUrl the site's public address, whose origin is the site's
   * @param groups the routes whose requests must come from the site
   */
  public OriginCheck(URI baseUrl, List<RouteGroup> groups) {
    requireNonNull(baseUrl, "baseUrl");
    this.siteOrigin = origin(baseUrl.getScheme(), baseUrl.getHost(), baseUrl.getPort());
    this.groups = List.copyOf(requireNonNull(groups, "groups"));
  }

  /** Adds the check to the server's routes, before the handler of every route it covers. */
  public void register(RoutesConfig config) {
    config.beforeMatched(this::apply);
  }

  void apply(Context ctx) {
    if (groups.stream().anyMatch(group -> group.covers(ctx))
        && !allows(ctx.header("Sec-Fetch-Site"), ctx.header("Origin"), ctx.header("Host"))) {
      throw new CrossSiteRequestException();
    }
  }

  /**
   * Whether a request with these headers may proceed.
   *
   * @param host the request's {@code Host} header, which a proxy may have kept (the site may be
   *     reached under another name than its configured address, such as in tests)
   */
  boolean allows(String secFetchSite, String origin, String host) {
    if (secFetchSite != null) {
      String site = secFetchSite.strip().toLowerCase(Locale.ROOT);
      return site.equals("same-origin") || site.equals("none");
    }
    if (origin == null) {
      return true;
    }
    String given = origin.strip().toLowerCase(Locale.ROOT);
    if (given.equals(siteOrigin)) {
      return true;
    }
    if (host != null && !host.isBlank()) {
      String h = host.strip().toLowerCase(Locale.ROOT);
      return given.equals("http://" + h) || given.equals("https://" + h);
    }
    return false;
  }

  private static String origin(String scheme, String host, int port) {
    String s = scheme.toLowerCase(Locale.ROOT);
    boolean defaultPort = port == -1 || (s.equals("http") && port == 80) || (s.equals("https") && port == 443);
    return s + "://" + host.toLowerCase(Locale.ROOT) + (defaultPort ? "" : ":" + port);
  }

  /** A form was posted from another site. */
  public static final class CrossSiteRequestException extends ThinkPressException {
    CrossSiteRequestException() {
      super(Kind.FORBIDDEN, "the form was sent from another site");
    }
  }
}
