package org.thinkpress.web;

import io.javalin.http.Context;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Headers every response carries. The Content-Security-Policy allows no inline script and no
 * script from another origin, no plugins, no framing of the site; images may come from HTTPS
 * hosts (an expert's portrait may live elsewhere), everything else only from the site itself.
 */
final class SecurityHeaders {

  static final String CONTENT_SECURITY_POLICY = String.join("; ",
      "default-src 'self'",
      "script-src 'self'",
      "style-src 'self'",
      "img-src 'self' https: data:",
      "font-src 'self'",
      "connect-src 'self'",
      "object-src 'none'",
      "base-uri 'none'",
      "form-action 'self'",
      "frame-ancestors 'none'");

  private final Map<String, String> headers = new LinkedHashMap<>();

  SecurityHeaders(boolean https) {
    headers.put("Content-Security-Policy", CONTENT_SECURITY_POLICY);
    headers.put("X-Content-Type-Options", "nosniff");
    headers.put("Referrer-Policy", "strict-origin-when-cross-origin");
    headers.put("X-Frame-Options", "DENY");
    headers.put("Cross-Origin-Opener-Policy", "same-origin");
    headers.put("Permissions-Policy", "camera=(), microphone=(), geolocation=(), payment=()");
    if (https) {
      headers.put("Strict-Transport-Security", "max-age=31536000; includeSubDomains");
    }
  }

  void apply(Context ctx) {
    headers.forEach(ctx::header);
  }

  /** The headers by name, for responses Jetty writes itself. */
  Map<String, String> headers() {
    return Map.copyOf(headers);
  }
}
