package org.thinkpress.imports;

import static java.util.Objects.requireNonNull;

import io.javalin.config.RoutesConfig;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/**
 * The old site's addresses, each answering {@code 301 Moved Permanently} with where its content
 * lives now: recorded by an import in its transaction, asked by the server only when a request
 * would otherwise be a 404 (and, for WordPress's {@code /?p=123} forms, when the home page is asked
 * with one of their query parameters). Kept in the database, so backups and restores carry them.
 *
 * <p>Addresses are matched by their <em>key</em>: the path percent-decoded, lower-cased, without a
 * trailing slash, and for the home page the one WordPress query parameter that names content
 * ({@code /?p=123}); so {@code /2019/05/Grain-Deal/} and {@code /2019/05/grain-deal} are one address.
 */
public final class OldUrls {

  /** WordPress's query forms of an address: a post, a page, a category, a tag, an author, an attachment. */
  static final Set<String> CONTENT_PARAMETERS = Set.of("p", "page_id", "cat", "tag", "author", "attachment_id");

  /** One old address and where it goes. */
  public record OldUrl(String path, String target, String source) {}

  private final Jdbi jdbi;

  public OldUrls(Jdbi jdbi) {
    this.jdbi = requireNonNull(jdbi, "jdbi");
  }

  /** Where a request for {@code path} (as sent, percent-encoded) with {@code query} should go now. */
  public Optional<String> target(String path, String query) {
    String key = key(path, query);
    if (key == null) {
      return Optional.empty();
    }
    return jdbi.withHandle(handle -> handle.createQuery("SELECT target FROM old_urls WHERE path = :path")
        .bind("path", key).mapTo(String.class).findOne());
  }

  /**
   * Registers the one route the old addresses need ahead of the site's: WordPress's
   * {@code /?p=123} forms, which the home page would otherwise answer; every other old address is
   * asked for only on a 404 ({@code web.MovedAddresses}).
   */
  public void register(RoutesConfig routes) {
    routes.before("/", ctx -> {
      if (namesOldContent(ctx.queryString())) {
        target(ctx.path(), ctx.queryString()).ifPresent(target -> {
          ctx.status(301).header("Location", target).header("Cache-Control", "public, max-age=3600");
          ctx.skipRemainingHandlers();
        });
      }
    });
  }

  /** Whether a request for the home page carries a query parameter that names old content. */
  public static boolean namesOldContent(String query) {
    return query != null && contentParameter(query) != null;
  }

  /** The addresses recorded, sorted, a page of them. */
  public List<OldUrl> list(int offset, int limit) {
    return jdbi.withHandle(handle -> handle.createQuery("SELECT path, target, source FROM old_urls ORDER BY path"
            + " LIMIT :limit OFFSET :offset")
        .bind("limit", limit).bind("offset", offset)
        .map((rs, ctx) -> new OldUrl(rs.getString(1), rs.getString(2), rs.getString(3))).list());
  }

  public int count() {
    return jdbi.withHandle(handle -> handle.createQuery("SELECT COUNT(*) FROM old_urls").mapTo(Integer.class).one());
  }

  /** Every address as CSV ({@code old_path,new_path,source}), for a CDN's or proxy's redirect rules. */
  public byte[] csv() {
    StringBuilder out = new StringBuilder("old_path,new_path,source\r\n");
    jdbi.useHandle(handle -> handle.createQuery("SELECT path, target, source FROM old_urls ORDER BY path")
        .map((rs, ctx) -> out.append(csvField(rs.getString(1))).append(',').append(csvField(rs.getString(2)))
            .append(',').append(csvField(rs.getString(3))).append("\r\n"))
        .forEach(row -> {}));
    return out.toString().getBytes(StandardCharsets.UTF_8);
  }

  private static String csvField(String value) {
    boolean quote = value.indexOf(',') >= 0 || value.indexOf('"') >= 0 || value.indexOf('\n') >= 0
        || value.indexOf('\r') >= 0;
    // a leading =, +, - or @ would be read as a formula by a spreadsheet
    String safe = !value.isEmpty() && "=+-@".indexOf(value.charAt(0)) >= 0 ? "'" + value : value;
    return quote ? '"' + safe.replace("\"", "\"\"") + '"' : safe;
  }

  /**
   * Records one address in the caller's transaction; an address recorded before is pointed at the
   * new target. Returns whether anything changed.
   */
  static boolean record(Handle handle, String key, String target, String source, long now) {
    Optional<String> stored = handle.createQuery("SELECT target FROM old_urls WHERE path = :path")
        .bind("path", key).mapTo(String.class).findOne();
    if (stored.isPresent()) {
      if (stored.get().equals(target)) {
        return false;
      }
      handle.createUpdate("UPDATE old_urls SET target = :target, source = :source WHERE path = :path")
          .bind("target", target).bind("source", source).bind("path", key).execute();
      return true;
    }
    handle.createUpdate("INSERT INTO old_urls (path, target, source, created_at) VALUES (:path, :target, :source, :now)")
        .bind("path", key).bind("target", target).bind("source", source).bind("now", now).execute();
    return true;
  }

  /**
   * The key of an address: {@code null} when it names nothing an import could have recorded (the
   * home page without a content parameter, a path that does not decode).
   */
  static String key(String path, String query) {
    if (path == null || !path.startsWith("/")) {
      return null;
    }
    String decoded = decode(path);
    if (decoded == null) {
      return null;
    }
    String clean = decoded.toLowerCase(Locale.ROOT).replaceAll("/{2,}", "/");
    while (clean.length() > 1 && clean.endsWith("/")) {
      clean = clean.substring(0, clean.length() - 1);
    }
    if (clean.length() > 1000) {
      return null;
    }
    if (clean.equals("/")) {
      String parameter = query == null ? null : contentParameter(query);
      return parameter == null ? null : "/?" + parameter;
    }
    return clean;
  }

  /** The first {@code name=value} of the query whose name names content, or {@code null}. */
  private static String contentParameter(String query) {
    for (String pair : query.split("&")) {
      int equals = pair.indexOf('=');
      if (equals > 0 && CONTENT_PARAMETERS.contains(pair.substring(0, equals))) {
        String value = decode(pair.substring(equals + 1));
        if (value != null && !value.isEmpty() && value.length() <= 200) {
          return pair.substring(0, equals) + "=" + value.toLowerCase(Locale.ROOT);
        }
      }
    }
    return null;
  }

  /** Percent-decodes UTF-8; {@code +} stays a plus (paths are not forms); {@code null} when malformed. */
  static String decode(String text) {
    if (text.indexOf('%') < 0) {
      return text;
    }
    ByteArrayOutputStream bytes = new ByteArrayOutputStream(text.length());
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '%') {
        if (i + 2 >= text.length()) {
          return null;
        }
        int high = Character.digit(text.charAt(i + 1), 16);
        int low = Character.digit(text.charAt(i + 2), 16);
        if (high < 0 || low < 0) {
          return null;
        }
        bytes.write(high * 16 + low);
        i += 2;
      } else {
        bytes.writeBytes(String.valueOf(c).getBytes(StandardCharsets.UTF_8));
      }
    }
    return bytes.toString(StandardCharsets.UTF_8);
  }
}
