package org.thinkpress.media;

import static java.util.Objects.requireNonNull;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import org.jdbi.v3.core.Jdbi;
import org.thinkpress.accounts.Tokens;

/**
 * Images editors upload, kept under {@code data.dir/uploads/} and served at {@code /media/NAME}.
 *
 * <p>The type is decided by the file's first bytes, never by its name or the browser's word: only
 * PNG, JPEG, GIF and WebP are accepted, and PNG, JPEG and GIF must also parse as images. SVG,
 * HTML and everything else are refused, so nothing uploaded can carry script onto the site's
 * origin; the files are also served with a sandboxing policy of their own. A file is named after
 * the SHA-256 of its bytes, so its URL never changes meaning and can be cached for a year, and
 * uploading the same image twice stores it once.
 */
public final class Uploads {

  /** File names as stored and served: 32 hex digits and the type's extension. */
  static final Pattern FILE_NAME = Pattern.compile("[0-9a-f]{32}\\.(png|jpg|gif|webp)");

  /** An uploaded image as listed and linked. */
  public record Upload(String fileName, String originalName, String contentType, long sizeBytes, Integer width,
                       Integer height, Instant createdAt) {
    public String url() {
      return "/media/" + fileName;
    }
  }

  /** A stored file ready to send. */
  record StoredFile(Path path, String contentType) {}

  enum ImageType {
    PNG("image/png", "png"), JPEG("image/jpeg", "jpg"), GIF("image/gif", "gif"), WEBP("image/webp", "webp");

    final String contentType;
    final String extension;

    ImageType(String contentType, String extension) {
      this.contentType = contentType;
      this.extension = extension;
    }
  }

  private final Jdbi jdbi;
  private final Path folder;
  private final long maxBytes;
  private final Clock clock;

  public Uploads(Jdbi jdbi, Path folder, long maxBytes, Clock clock) {
    this.jdbi = requireNonNull(jdbi, "jdbi");
    this.folder = requireNonNull(folder, "folder");
    this.maxBytes = maxBytes;
    this.clock = requireNonNull(clock, "clock");
  }

  public long maxBytes() {
    return maxBytes;
  }

  /** Checks and stores an image; reads at most one byte past the limit. */
  public Upload store(InputStream content, String originalName, long accountId) {
    byte[] bytes;
    try {
      bytes = content.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxBytes + 1));
    } catch (IOException e) {
      throw new UploadRefusedException("the upload could not be read: " + e.getMessage());
    }
    if (bytes.length == 0) {
      throw new UploadRefusedException("the file is empty");
    }
    if (bytes.length > maxBytes) {
      throw new UploadRefusedException("the file is larger than the limit of " + megabytes(maxBytes) + " MB");
    }
    Image image = check(bytes);
    ImageType type = image.type;
    int[] size = image.size;
    String name = image.fileName;
    String original = cleanName(originalName);
    writeFile(name, bytes);
    long now = clock.millis();
    jdbi.useTransaction(handle -> {
      if (handle.createQuery("SELECT COUNT(*) FROM uploads WHERE file_name = :name").bind("name", name)
          .mapTo(Integer.class).one() == 0) {
        handle.createUpdate("INSERT INTO uploads (file_name, original_name, content_type, size_bytes, width, height,"
                + " account_id, created_at) VALUES (:name, :original, :type, :size, :width, :height, :account, :now)")
            .bind("name", name).bind("original", original).bind("type", type.contentType).bind("size", bytes.length)
            .bind("width", size == null ? null : size[0]).bind("height", size == null ? null : size[1])
            .bind("account", accountId).bind("now", now).execute();
      }
    });
    return find(name).orElseThrow();
  }

  Optional<Upload> find(String fileName) {
    return jdbi.withHandle(handle -> handle.createQuery("SELECT * FROM uploads WHERE file_name = :name")
        .bind("name", fileName).map((rs, ctx) -> upload(rs)).findOne());
  }

  /** The newest uploads first. */
  public List<Upload> list(int limit) {
    return jdbi.withHandle(handle -> handle.createQuery("SELECT * FROM uploads ORDER BY id DESC LIMIT :limit")
        .bind("limit", limit).map((rs, ctx) -> upload(rs)).list());
  }

  /** The stored file for a {@code /media/NAME} request; empty for any name that is not one of ours. */
  Optional<StoredFile> file(String fileName) {
    if (fileName == null || !FILE_NAME.matcher(fileName).matches()) {
      return Optional.empty();
    }
    Path path = folder.resolve(fileName);
    if (!Files.isRegularFile(path)) {
      return Optional.empty();
    }
    String extension = fileName.substring(fileName.lastIndexOf('.') + 1);
    for (ImageType type : ImageType.values()) {
      if (type.extension.equals(extension)) {
        return Optional.of(new StoredFile(path, type.contentType));
      }
    }
    return Optional.empty();
  }

  private static Upload upload(java.sql.ResultSet rs) throws java.sql.SQLException {
    int width = rs.getInt("width");
    boolean noWidth = rs.wasNull();
    int height = rs.getInt("height");
    boolean noHeight = rs.wasNull();
    return new Upload(rs.getString("file_name"), rs.getString("original_name"), rs.getString("content_type"),
        rs.getLong("size_bytes"), noWidth ? null : width, noHeight ? null : height,
        Instant.ofEpochMilli(rs.getLong("created_at")));
  }

  /** What {@link #check} found in an image's bytes: its type, its size (null for WebP), its stored name. */
  record Image(ImageType type, int[] size, String fileName) {
    String contentType() {
      return type.contentType;
    }
  }

  /**
   * Checks that the bytes are an image an editor could upload (by their content, whatever the
   * name) and gives the name it is stored under; {@link UploadRefusedException} says why not.
   */
  static Image check(byte[] bytes) {
    ImageType type = sniff(bytes);
    return new Image(type, dimensions(type, bytes), Tokens.sha256Hex(bytes).substring(0, 32) + "." + type.extension);
  }

  Path folder() {
    return folder;
  }

  /** The image type the bytes begin with; anything else, SVG and HTML included, is refused. */
  private static ImageType sniff(byte[] b) {
    if (startsWith(b, 0, new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'})) {
      return ImageType.PNG;
    }
    if (startsWith(b, 0, new byte[] {(byte) 0xff, (byte) 0xd8, (byte) 0xff})) {
      return ImageType.JPEG;
    }
    if (startsWith(b, 0, "GIF87a".getBytes(StandardCharsets.US_ASCII))
        || startsWith(b, 0, "GIF89a".getBytes(StandardCharsets.US_ASCII))) {
      return ImageType.GIF;
    }
    if (startsWith(b, 0, "RIFF".getBytes(StandardCharsets.US_ASCII))
        && startsWith(b, 8, "WEBPVP8".getBytes(StandardCharsets.US_ASCII))) {
      return ImageType.WEBP;
    }
    String head = new String(b, 0, Math.min(b.length, 512), StandardCharsets.ISO_8859_1).toLowerCase(Locale.ROOT);
    if (head.contains("<svg")) {
      throw new UploadRefusedException("SVG images cannot be uploaded, because they can carry script;"
          + " convert the image to PNG first");
    }
    throw new UploadRefusedException("only PNG, JPEG, GIF and WebP images can be uploaded, and this file is none"
        + " of them (whatever its name says)");
  }

  /** Width and height, read from the header; PNG, JPEG and GIF that do not parse are refused. */
  private static int[] dimensions(ImageType type, byte[] bytes) {
    if (type == ImageType.WEBP) {
      return null;
    }
    try (ImageInputStream in = ImageIO.createImageInputStream(new ByteArrayInputStream(bytes))) {
      Iterator<ImageReader> readers = ImageIO.getImageReaders(in);
      if (!readers.hasNext()) {
        throw new UploadRefusedException("the file starts like a " + type.extension.toUpperCase(Locale.ROOT)
            + " image but is not one");
      }
      ImageReader reader = readers.next();
      try {
        reader.setInput(in);
        return new int[] {reader.getWidth(0), reader.getHeight(0)};
      } finally {
        reader.dispose();
      }
    } catch (IOException | RuntimeException e) {
      if (e instanceof UploadRefusedException refused) {
        throw refused;
      }
      throw new UploadRefusedException("the file starts like a " + type.extension.toUpperCase(Locale.ROOT)
          + " image but is damaged or not an image");
    }
  }

  private void writeFile(String name, byte[] bytes) {
    try {
      Files.createDirectories(folder);
      Path target = folder.resolve(name);
      if (Files.exists(target)) {
        return;
      }
      Path temporary = Files.createTempFile(folder, "upload-", ".part");
      Files.write(temporary, bytes);
      Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot store the upload in " + folder, e);
    }
  }

  private static boolean startsWith(byte[] bytes, int offset, byte[] prefix) {
    return bytes.length >= offset + prefix.length
        && Arrays.equals(bytes, offset, offset + prefix.length, prefix, 0, prefix.length);
  }

  static String cleanName(String name) {
    if (name == null) {
      return "";
    }
    String base = name.replace('\\', '/');
    base = base.substring(base.lastIndexOf('/') + 1).replaceAll("\\p{Cntrl}", "").strip();
    return base.length() > 255 ? base.substring(0, 255) : base;
  }

  private static long megabytes(long bytes) {
    return Math.max(1, bytes / (1024 * 1024));
  }
}
