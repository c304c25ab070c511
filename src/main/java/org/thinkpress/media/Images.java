package org.thinkpress.media;

import static java.util.Objects.requireNonNull;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import org.jdbi.v3.core.Jdbi;
import org.thinkpress.kit.Views;

/**
 * Uploaded images as pages show them: given an upload's address ({@code /media/NAME}), the
 * {@link Views.Image} with its variants' {@code srcset}s and its size, for {@code kit/picture.jte}.
 *
 * <p>Uploads and their variants never change, so what is read is kept in memory (an upload whose
 * variants are still to be made is read again until they are).
 * <pre>{@code
 * FeaturedImage featured = publication.image();
 * Optional<Views.Image> hero = images.image(featured.url(), featured.alt(), featured.caption(), featured.credit());
 * }</pre>
 */
public final class Images {

  /** The width the {@code src} of an image prefers: the variant a browser without {@code srcset} gets. */
  static final int DEFAULT_WIDTH = 800;
  private static final String PREFIX = "/media/";

  /** What is known of one upload: its size and type, and its variants, narrowest first. */
  private record Facts(String fileName, String contentType, int width, int height, List<Variant> variants) {}

  private record Variant(String fileName, String contentType, int width, int height) {
    String url() {
      return PREFIX + fileName;
    }
  }

  private final Jdbi jdbi;
  private final Map<String, Facts> known = new ConcurrentHashMap<>();

  public Images(Jdbi jdbi) {
    this.jdbi = requireNonNull(jdbi, "jdbi");
  }

  /** Whether the address is an uploaded image's ({@code /media/NAME} of a PNG, JPEG, GIF or WebP). */
  public boolean isImage(String url) {
    return facts(url).isPresent();
  }

  /** The image at {@code url} with its variants, described; empty for anything but an uploaded image. */
  public Optional<Views.Image> image(String url, String alt, String caption, String credit) {
    return facts(url).map(facts -> view(facts, alt == null ? "" : alt, caption == null ? "" : caption,
        credit == null ? "" : credit));
  }

  /** The newest image uploads first, for an editor's choice of a featured image or a photo. */
  public List<Uploads.Upload> library(int limit) {
    return jdbi.withHandle(handle -> handle.createQuery("SELECT * FROM uploads WHERE content_type LIKE 'image/%'"
        + " ORDER BY id DESC LIMIT :limit").bind("limit", limit).map((rs, ctx) -> Uploads.upload(rs)).list());
  }

  private Optional<Facts> facts(String url) {
    if (url == null || !url.startsWith(PREFIX)) {
      return Optional.empty();
    }
    String name = url.substring(PREFIX.length());
    if (!Uploads.FILE_NAME.matcher(name).matches()) {
      return Optional.empty();
    }
    Facts cached = known.get(name);
    if (cached != null) {
      return Optional.of(cached);
    }
    Optional<Facts> read = read(name);
    read.filter(facts -> !facts.variants().isEmpty() || facts.contentType().equals("image/gif"))
        .ifPresent(facts -> known.put(name, facts));
    return read;
  }

  private Optional<Facts> read(String name) {
    return jdbi.withHandle(handle -> {
      Optional<Uploads.Upload> upload = handle.createQuery("SELECT * FROM uploads WHERE file_name = :name")
          .bind("name", name).map((rs, ctx) -> Uploads.upload(rs)).findOne()
          .filter(u -> u.image() && u.width() != null);
      if (upload.isEmpty()) {
        return Optional.empty();
      }
      List<Variant> variants = handle.createQuery("SELECT file_name, content_type, width, height FROM upload_variants"
              + " WHERE upload_name = :name").bind("name", name)
          .map((rs, ctx) -> new Variant(rs.getString(1), rs.getString(2), rs.getInt(3), rs.getInt(4))).list()
          .stream().sorted(Comparator.comparingInt(Variant::width)).toList();
      Uploads.Upload u = upload.get();
      return Optional.of(new Facts(u.fileName(), u.contentType(), u.width(), u.height(), variants));
    });
  }

  private static Views.Image view(Facts facts, String alt, String caption, String credit) {
    List<Variant> webp = facts.variants().stream().filter(v -> v.contentType().equals("image/webp")).toList();
    List<Variant> fallback = facts.variants().stream().filter(v -> !v.contentType().equals("image/webp")).toList();
    if (fallback.isEmpty()) {
      String url = PREFIX + facts.fileName();
      return new Views.Image(url, facts.width(), facts.height(), alt, "", "", facts.contentType(), caption, credit, url,
          facts.width(), facts.height());
    }
    Variant src = fallback.stream().filter(v -> v.width() >= DEFAULT_WIDTH).findFirst()
        .orElse(fallback.get(fallback.size() - 1));
    Variant largest = fallback.get(fallback.size() - 1);
    return new Views.Image(src.url(), facts.width(), facts.height(), alt, srcset(webp), srcset(fallback),
        src.contentType(), caption, credit, largest.url(), largest.width(), largest.height());
  }

  private static String srcset(List<Variant> variants) {
    return variants.stream().map(v -> v.url() + " " + v.width() + "w").collect(Collectors.joining(", "));
  }
}
