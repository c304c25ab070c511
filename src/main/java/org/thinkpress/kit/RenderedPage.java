package org.thinkpress.kit;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.zip.GZIPOutputStream;

/**
 * A response body ready to send: the bytes, their gzip form when worth it, and the validators
 * ({@code ETag}, {@code Last-Modified}) computed once when the page is rendered, not per request.
 *
 * @param status the HTTP status
 * @param contentType the full {@code Content-Type} value
 * @param body the bytes as rendered
 * @param gzipped the gzip-compressed bytes, or {@code null} when compression would not pay
 * @param etag a strong entity tag derived from the bytes, quotes included
 * @param lastModifiedMillis when the content behind the page last changed
 * @param version the content version the page was rendered from
 */
public record RenderedPage(int status, String contentType, byte[] body, byte[] gzipped, String etag,
                           long lastModifiedMillis, long version) {

  /** Bodies smaller than this are sent as they are: gzip would save too little. */
  static final int GZIP_THRESHOLD = 512;

  public static RenderedPage of(int status, String contentType, byte[] body, long lastModifiedMillis, long version) {
    byte[] gzipped = body.length >= GZIP_THRESHOLD ? gzip(body) : null;
    return new RenderedPage(status, contentType, body, gzipped, etagOf(body), lastModifiedMillis, version);
  }

  /** The memory the page takes in a cache, roughly. */
  public int weight() {
    return body.length + (gzipped == null ? 0 : gzipped.length) + 256;
  }

  static byte[] gzip(byte[] body) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(body.length / 3 + 64);
    try (GZIPOutputStream gzip = new GZIPOutputStream(out, 8192)) {
      gzip.write(body);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }

  static String etagOf(byte[] body) {
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256").digest(body);
      return "\"" + Base64.getUrlEncoder().withoutPadding().encodeToString(digest).substring(0, 22) + "\"";
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
    }
  }
}
