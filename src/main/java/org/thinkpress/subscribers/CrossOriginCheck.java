package org.thinkpress.subscribers;

import java.net.URI;
import java.util.Locale;

/**
 * CSRF protection for the public forms, which have no session to hang a token on (and whose
 * footer form sits in cached pages shared by every reader). Browsers say where a request comes
 * from: a POST is refused when {@code Sec-Fetch-Site} says it comes from another site, or, from a
 * browser too old to send that, when {@code Origin} names another origin. A request carrying
 * neither header does not come from a browser, and CSRF is an attack through a browser. This is
 * the check OWASP describes as "verifying origin with standard headers", and the one Go's
 * {@code net/http.CrossOriginProtection} makes.
 *
 * <p>What the forms protect is also limited on its own: a sign-up only sends a confirmation link;
 * preference and unsubscribe forms need a signed token from the subscriber's mailbox.
 */
final class CrossOriginCheck {

  private final String siteOrigin;

  CrossOriginCheck(URI baseUrl) {
    this.siteOrigin = origin(baseUrl.getScheme(), baseUrl.getHost(), baseUrl.getPort());
  }

  /**
   * Whether a POST with these headers may proceed.
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
}
