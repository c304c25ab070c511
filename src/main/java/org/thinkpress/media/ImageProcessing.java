package org.thinkpress.media;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Arrays;
import java.util.List;
import org.jdbi.v3.core.Handle;

/**
 * What happens to an image between its check and its row: its metadata is taken out and a turned
 * JPEG made upright ({@link #clean}), so that the file served as the original carries no EXIF or
 * GPS position either; then its variants are made and written next to it ({@link #make}) and
 * listed in {@code upload_variants} ({@link #record}).
 *
 * <p>The original is cleaned before it is named, so its name is the SHA-256 of what is served, and
 * cleaning a clean file changes nothing: the same photo uploaded twice, or exported and imported,
 * keeps one name.
 */
final class ImageProcessing {

  private ImageProcessing() {}

  /** Whether uploads of this type get cleaned and variants: PNG, JPEG and WebP (GIFs are kept as they are). */
  static boolean processed(FileType type) {
    return type == FileType.PNG || type == FileType.JPEG || type == FileType.WEBP;
  }

  /**
   * Cleans the not-yet-named file {@code partial} in place, and returns the check of what it then
   * holds (its new name, its size after turning); any other file's check as it was.
   */
  static UploadCheck.Checked clean(Path partial, UploadCheck.Checked checked, String originalName) throws IOException {
    if (!processed(checked.type())) {
      return checked;
    }
    byte[] bytes = Files.readAllBytes(partial);
    byte[] clean = Metadata.strip(checked.type(), Variants.upright(checked.type(), bytes));
    if (Arrays.equals(clean, bytes)) {
      return checked;
    }
    Files.write(partial, clean);
    return UploadCheck.check(partial, originalName);
  }

  /**
   * Makes the variants of a stored image and writes each file next to it unless it is there (a
   * variant is named after the original's content and its width, so an existing file is the same
   * one); none for other files.
   */
  static List<Variants.Variant> make(Path folder, UploadCheck.Checked checked) throws IOException {
    if (!processed(checked.type()) || checked.size() == null) {
      return List.of();
    }
    long started = System.nanoTime();
    byte[] original = Files.readAllBytes(folder.resolve(checked.fileName()));
    List<Variants.Variant> variants = Variants.of(checked.fileName(), checked.type(), original, checked.size()[0]);
    for (Variants.Variant variant : variants) {
      Path target = folder.resolve(variant.fileName());
      if (Files.exists(target)) {
        continue;
      }
      Path partial = Files.createTempFile(folder, "variant-", ".part");
      try {
        Files.write(partial, variant.bytes());
        Files.move(partial, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      } finally {
        Files.deleteIfExists(partial);
      }
    }
    org.slf4j.LoggerFactory.getLogger(ImageProcessing.class).debug("{} variants of {} ({} × {}) in {} ms",
        variants.size(), checked.fileName(), checked.size()[0], checked.size()[1], (System.nanoTime() - started) / 1_000_000);
    return variants;
  }

  /** Whether the table lists variants of the upload. */
  static boolean hasVariants(Handle handle, String uploadName) {
    return handle.createQuery("SELECT COUNT(*) FROM upload_variants WHERE upload_name = :name")
        .bind("name", uploadName).mapTo(Integer.class).one() > 0;
  }

  /** Lists the variants of an upload whose row exists, in the caller's transaction; those listed already stay. */
  static void record(Handle handle, String uploadName, List<Variants.Variant> variants) {
    for (Variants.Variant variant : variants) {
      handle.createUpdate("INSERT INTO upload_variants (upload_name, file_name, content_type, width, height, size_bytes)"
              + " VALUES (:upload, :name, :type, :width, :height, :size) ON CONFLICT (file_name) DO NOTHING")
          .bind("upload", uploadName).bind("name", variant.fileName()).bind("type", variant.type().contentType)
          .bind("width", variant.width()).bind("height", variant.height()).bind("size", variant.bytes().length)
          .execute();
    }
  }
}
