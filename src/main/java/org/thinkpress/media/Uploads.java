package org.thinkpress.media;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.jdbi.v3.core.Jdbi;

/**
 * Files editors upload and imports bring in (images, documents, recordings), kept under
 * {@code data.dir/uploads/} and served at {@code /media/NAME}.
 *
 * <p>The type is decided by the file's bytes, never by its name or the browser's word: only PNG,
 * JPEG, GIF and WebP images; PDF, Word, Excel and PowerPoint (DOCX, XLSX, PPTX and the older DOC,
 * XLS, PPT) and OpenDocument (ODT, ODS, ODP) documents; and MP3, M4A and MP4 recordings are
 * accepted ({@link FileType}; how each is told, {@link UploadCheck}). PNG, JPEG and GIF must also
 * parse as images, and a PDF must begin with {@code %PDF-} and end with {@code %%EOF} (a file cut
 * short is refused). SVG, HTML, plain text, CSV and everything else are refused, so nothing
 * uploaded can carry script onto the site's origin; the files are also served with a sandboxing
 * policy of their own. A file is named after the SHA-256 of its bytes, so its URL never changes
 * meaning and can be cached for a year, and uploading the same file twice stores it once.
 */
public final class Uploads {

  /**
   * File names as stored and served: 32 hex digits and the type's extension; an image's variants
   * add their width ({@code HASH-800.webp}).
   */
  static final Pattern FILE_NAME = Pattern.compile("[0-9a-f]{32}(-[0-9]{1,5})?\\.(" + FileType.extensionPattern() + ")");

  /** An uploaded file as listed and linked; width and height are null but for images. */
  public record Upload(String fileName, String originalName, String contentType, long sizeBytes, Integer width,
                       Integer height, Instant createdAt) {
    public String url() {
      return "/media/" + fileName;
    }

    /** Whether it is an image (shown in a body) rather than a document or a recording (linked to). */
    public boolean image() {
      return contentType.startsWith("image/");
    }
  }

  /** A stored file ready to send, and what it is. */
  record StoredFile(Path path, FileType type) {
    String contentType() {
      return type.contentType;
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

  /**
   * Checks and stores a file an editor uploads, within the editor's limit; reads at most one byte
   * past it. The original name is kept for the library and downloads, and tells an old Word, Excel
   * or PowerPoint file's kind once its bytes show it is one of the three ({@link UploadCheck}).
   */
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
    String original = cleanName(originalName);
    UploadCheck.Checked checked = writeFile(bytes, original);
    int[] size = checked.size();
    String name = checked.fileName();
    long now = clock.millis();
    List<Variants.Variant> variants = jdbi.withHandle(handle -> ImageProcessing.hasVariants(handle, name))
        ? List.of() : variants(checked);
    jdbi.useTransaction(handle -> {
      if (handle.createQuery("SELECT COUNT(*) FROM uploads WHERE file_name = :name").bind("name", name)
          .mapTo(Integer.class).one() == 0) {
        handle.createUpdate("INSERT INTO uploads (file_name, original_name, content_type, size_bytes, width, height,"
                + " account_id, created_at) VALUES (:name, :original, :type, :size, :width, :height, :account, :now)")
            .bind("name", name).bind("original", original).bind("type", checked.contentType()).bind("size", storedSize(name))
            .bind("width", size == null ? null : size[0]).bind("height", size == null ? null : size[1])
            .bind("account", accountId).bind("now", now).execute();
      }
      ImageProcessing.record(handle, name, variants);
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
    return FileType.ofExtension(fileName.substring(fileName.lastIndexOf('.') + 1)).map(type -> new StoredFile(path, type));
  }

  static Upload upload(java.sql.ResultSet rs) throws java.sql.SQLException {
    int width = rs.getInt("width");
    boolean noWidth = rs.wasNull();
    int height = rs.getInt("height");
    boolean noHeight = rs.wasNull();
    return new Upload(rs.getString("file_name"), rs.getString("original_name"), rs.getString("content_type"),
        rs.getLong("size_bytes"), noWidth ? null : width, noHeight ? null : height,
        Instant.ofEpochMilli(rs.getLong("created_at")));
  }

  Path folder() {
    return folder;
  }

  /**
   * Writes the bytes under a temporary name that is never served, checks the file there (an office
   * document's archive is read as a file), and renames it to its stored name unless a file of that
   * name, so of these bytes, is there already. A refused file is deleted.
   */
  private UploadCheck.Checked writeFile(byte[] bytes, String originalName) {
    Path temporary = null;
    try {
      Files.createDirectories(folder);
      temporary = Files.createTempFile(folder, "upload-", ".part");
      Files.write(temporary, bytes);
      UploadCheck.Checked checked = ImageProcessing.clean(temporary, UploadCheck.check(temporary, originalName),
          originalName);
      Path target = folder.resolve(checked.fileName());
      if (!Files.exists(target)) {
        Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      }
      return checked;
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot store the upload in " + folder, e);
    } finally {
      if (temporary != null) {
        try {
          Files.deleteIfExists(temporary);
        } catch (IOException ignored) {
          // a leftover .part file is never served: its name is not a stored name
        }
      }
    }
  }

  private long storedSize(String name) {
    try {
      return Files.size(folder.resolve(name));
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read the upload " + name + " in " + folder, e);
    }
  }

  private List<Variants.Variant> variants(UploadCheck.Checked checked) {
    try {
      return ImageProcessing.make(folder, checked);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot store the variants of " + checked.fileName() + " in " + folder, e);
    }
  }

  /**
   * Makes the variants of every PNG, JPEG and WebP upload that has none (uploaded before variants
   * were made, or whose making failed), one at a time; returns how many it did. The originals stay
   * as they were stored. An upload that cannot be read or decoded is logged and left without.
   */
  public int addMissingVariants() {
    List<Upload> missing = jdbi.withHandle(handle -> handle.createQuery("SELECT * FROM uploads u WHERE content_type IN"
            + " ('image/png', 'image/jpeg', 'image/webp') AND width IS NOT NULL AND NOT EXISTS"
            + " (SELECT 1 FROM upload_variants v WHERE v.upload_name = u.file_name) ORDER BY id")
        .map((rs, ctx) -> upload(rs)).list());
    int done = 0;
    for (Upload upload : missing) {
      Optional<FileType> type = FileType.ofExtension(upload.fileName().substring(upload.fileName().lastIndexOf('.') + 1));
      try {
        List<Variants.Variant> variants = ImageProcessing.make(folder, new UploadCheck.Checked(type.orElseThrow(),
            new int[] {upload.width(), upload.height()}, upload.fileName()));
        jdbi.useTransaction(handle -> ImageProcessing.record(handle, upload.fileName(), variants));
        done++;
      } catch (IOException | RuntimeException e) {
        org.slf4j.LoggerFactory.getLogger(Uploads.class).warn("No variants for the upload {}: {}", upload.fileName(),
            e.getMessage());
      }
    }
    return done;
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
