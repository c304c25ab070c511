package org.thinkpress.kit;

import io.javalin.http.Context;
import java.io.IOException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

/**
 * Sends a {@link RenderedPage} the way HTTP caches expect: validators, {@code Cache-Control},
 * {@code 304 Not Modified} for a matching {@code If-None-Match} or {@code If-Modified-Since}, and
 * the gzip form to clients that accept it.
 */
public final class PageResponder {

  private PageResponder() {}

  /**
   * Sends the page.
   *
   * @throws IOException when the client went away while the body was being written
   */
  public static void send(Context ctx, RenderedPage page, String cacheControl) throws IOException {
    ctx.status(page.status());
    ctx.header("Cache-Control", cacheControl);
    ctx.header("Vary", "Accept-Encoding");
    if (page.status() == 200) {
      ctx.header("ETag", page.etag());
      if (page.lastModifiedMillis() > 0) {
        ctx.header("Last-Modified", httpDate(page.lastModifiedMillis()));
      }
      if (notModified(ctx, page)) {
        ctx.status(304);
        return;
      }
    }
    ctx.header("Content-Type", page.contentType());
    byte[] body = page.body();
    if (page.gzipped() != null && acceptsGzip(ctx.header("Accept-Encoding"))) {
      ctx.header("Content-Encoding", "gzip");
      body = page.gzipped();
    }
    ctx.header("Content-Length", Integer.toString(body.length));
    if (!ctx.req().getMethod().equals("HEAD")) {
      ctx.outputStream().write(body); // straight to the response, rather than through a stream copy
    }
  }

  /** RFC 9110: If-None-Match wins over If-Modified-Since; entity tags compare weakly for GET. */
  static boolean notModified(Context ctx, RenderedPage page) {
    String ifNoneMatch = ctx.header("If-None-Match");
    if (ifNoneMatch != null) {
      for (String tag : ifNoneMatch.split(",")) {
        String candidate = tag.strip();
        if (candidate.startsWith("W/")) {
          candidate = candidate.substring(2);
        }
        if (candidate.equals("*") || candidate.equals(page.etag())) {
          return true;
        }
      }
      return false;
    }
    String ifModifiedSince = ctx.header("If-Modified-Since");
    if (ifModifiedSince != null && page.lastModifiedMillis() > 0) {
      try {
        long since = ZonedDateTime.parse(ifModifiedSince.strip(), DateTimeFormatter.RFC_1123_DATE_TIME).toInstant().toEpochMilli();
        return page.lastModifiedMillis() / 1000 <= since / 1000;
      } catch (DateTimeParseException ignored) {
        return false; // a malformed date is ignored, as RFC 9110 says
      }
    }
    return false;
  }

  static boolean acceptsGzip(String acceptEncoding) {
    if (acceptEncoding == null) {
      return false;
    }
    for (String coding : acceptEncoding.split(",")) {
      String[] parts = coding.strip().split(";");
      if (parts[0].strip().equalsIgnoreCase("gzip")) {
        for (int i = 1; i < parts.length; i++) {
          String parameter = parts[i].strip().replace(" ", "");
          if (parameter.equals("q=0") || parameter.matches("q=0\\.0{0,3}")) {
            return false;
          }
        }
        return true;
      }
    }
    return false;
  }

  static String httpDate(long millis) {
    return DateTimeFormatter.RFC_1123_DATE_TIME.format(Instant.ofEpochMilli(millis).atOffset(ZoneOffset.UTC));
  }
}
