package org.thinkpress.media;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.SeekableByteChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.Collections;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.Locale;
import java.util.Optional;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;

/**
 * What a file is, by its bytes, never by its name or the browser's word: one of the {@link FileType}s
 * the site accepts, and then its stored name (the first 32 hex digits of its SHA-256 and the type's
 * extension), or {@link UploadRefusedException} saying what it is and why it is refused.
 *
 * <p>Images must parse (PNG, JPEG, GIF, WebP) and be at most {@link #MAX_PIXELS}; PDFs must end as PDFs do; office documents are told
 * apart as {@link OfficeFiles} says, recordings as {@link Recordings} says. Only for an old Word,
 * Excel or PowerPoint file does the original name count, and only after the bytes have shown it to
 * be one of the three. Plain text and CSV are not accepted: their bytes can be anything, a page of
 * HTML among them, so no check could tell a table from a script.
 */
final class UploadCheck {

  /** How much of a file's start {@link #sniff} reads: enough for two MP3 frames and an OpenDocument's mark. */
  private static final int HEAD = 4096;
  /** How much of a file's start is searched for the marks of SVG and HTML. */
  private static final int TEXT_HEAD = 512;
  /** Where a PDF's {@code %%EOF} must be: within its last kilobyte, as readers look for it. */
  private static final int PDF_TAIL = 1024;

  /** What the types accepted are called in messages. */
  static final String ACCEPTED = "PNG, JPEG, GIF and WebP images, PDF, Word, Excel, PowerPoint and OpenDocument"
      + " documents, and MP3, M4A and MP4 recordings";

  /**
   * The most pixels an image may have, checked in its header before anything is decoded: a photo of
   * a 50-megapixel camera passes; a "decompression bomb" (a small file declaring a huge image, that
   * would take gigabytes once decoded) is refused.
   */
  static final long MAX_PIXELS = 50_000_000L;

  /** What {@link #check} found in a file's bytes: its type, its size (images; else null), its stored name. */
  record Checked(FileType type, int[] size, String fileName) {
    String contentType() {
      return type.contentType;
    }
  }

  private UploadCheck() {}

  /** Where an image's header is read from. */
  @FunctionalInterface
  private interface ImageSource {
    ImageInputStream open() throws IOException;
  }

  /**
   * Checks that the file is one the site accepts (by its content, whatever the name) and gives the
   * name it is stored under; {@link UploadRefusedException} says why not. The file is read as a
   * stream (a large PDF or recording is never held in memory), an archive's directory through
   * {@link java.util.zip.ZipFile}.
   *
   * @param originalName the name it was uploaded or found under: consulted only for an OLE2 file
   *     (an old Word, Excel or PowerPoint document), whose bytes do not say which it is
   */
  static Checked check(Path file, String originalName) throws IOException {
    byte[] head;
    try (InputStream in = Files.newInputStream(file)) {
      head = in.readNBytes(HEAD);
    }
    if (head.length == 0) {
      throw new UploadRefusedException("the file is empty");
    }
    FileType type = sniff(head, file, originalName);
    int[] size = switch (type) {
      case PNG, JPEG, GIF, WEBP -> dimensions(type, () -> ImageIO.createImageInputStream(file.toFile()));
      case PDF -> pdfEnd(tail(file));
      default -> null;
    };
    return new Checked(type, size, storedName(sha256Hex(file), type));
  }

  private static String storedName(String sha256Hex, FileType type) {
    return sha256Hex.substring(0, 32) + "." + type.extension;
  }

  /** The type the bytes begin with; anything else, SVG and HTML included, is refused. */
  private static FileType sniff(byte[] b, Path file, String originalName) throws IOException {
    if (startsWith(b, 0, new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'})) {
      return FileType.PNG;
    }
    if (startsWith(b, 0, new byte[] {(byte) 0xff, (byte) 0xd8, (byte) 0xff})) {
      return FileType.JPEG;
    }
    if (startsWith(b, 0, ascii("GIF87a")) || startsWith(b, 0, ascii("GIF89a"))) {
      return FileType.GIF;
    }
    if (startsWith(b, 0, ascii("RIFF")) && startsWith(b, 8, ascii("WEBPVP8"))) {
      return FileType.WEBP;
    }
    if (startsWith(b, 0, ascii("%PDF-"))) {
      return FileType.PDF;
    }
    if (OfficeFiles.zip(b)) {
      return OfficeFiles.inZip(file, b);
    }
    if (OfficeFiles.compound(b)) {
      return OfficeFiles.compound(b, originalName);
    }
    Optional<FileType> recording = Recordings.sniff(b);
    if (recording.isPresent()) {
      return recording.get();
    }
    String head = new String(b, 0, Math.min(b.length, TEXT_HEAD), StandardCharsets.ISO_8859_1).toLowerCase(Locale.ROOT);
    if (head.contains("<svg")) {
      throw new UploadRefusedException("SVG images cannot be uploaded, because they can carry script;"
          + " convert the image to PNG first");
    }
    if (head.contains("<html") || head.contains("<!doctype html") || head.contains("<head") || head.contains("<body")) {
      throw new UploadRefusedException("this file is an HTML page (whatever its name says), and only " + ACCEPTED
          + " can be uploaded");
    }
    throw new UploadRefusedException("only " + ACCEPTED + " can be uploaded, and this file is none of them"
        + " (whatever its name says)");
  }

  /** A PDF must end as PDFs do; one cut short in a copy or a download is refused. Gives no size. */
  private static int[] pdfEnd(byte[] tail) {
    if (!new String(tail, StandardCharsets.ISO_8859_1).contains("%%EOF")) {
      throw new UploadRefusedException("the file starts like a PDF document but does not end like one"
          + " (no %%EOF): it is damaged or cut short");
    }
    return null;
  }

  private static byte[] tail(Path file) throws IOException {
    try (SeekableByteChannel channel = Files.newByteChannel(file)) {
      long size = channel.size();
      ByteBuffer tail = ByteBuffer.allocate((int) Math.min(size, PDF_TAIL));
      channel.position(size - tail.capacity());
      while (tail.hasRemaining() && channel.read(tail) >= 0) {
        // reads until the buffer is full
      }
      return Arrays.copyOf(tail.array(), tail.position());
    }
  }

  /**
   * Width and height, read from the header (nothing is decoded); images whose header does not parse,
   * or that declare more than {@link #MAX_PIXELS}, are refused.
   */
  private static int[] dimensions(FileType type, ImageSource source) {
    String name = type.extension.toUpperCase(Locale.ROOT);
    try (ImageInputStream in = source.open()) {
      Iterator<ImageReader> readers = in == null ? Collections.emptyIterator() : ImageIO.getImageReaders(in);
      if (!readers.hasNext()) {
        throw new UploadRefusedException("the file starts like a " + name + " image but is not one");
      }
      ImageReader reader = readers.next();
      while (reader.getClass().getName().startsWith("com.luciad.") && readers.hasNext()) {
        reader = readers.next(); // the native WebP library reads no uploaded bytes (Variants)
      }
      try {
        reader.setInput(in);
        int width = reader.getWidth(0);
        int height = reader.getHeight(0);
        if ((long) width * height > MAX_PIXELS) {
          throw new UploadRefusedException("the image is " + width + " × " + height + " pixels, more than the "
              + MAX_PIXELS / 1_000_000 + " megapixels an image may have");
        }
        return new int[] {width, height};
      } finally {
        reader.dispose();
      }
    } catch (IOException | RuntimeException e) {
      if (e instanceof UploadRefusedException refused) {
        throw refused;
      }
      throw new UploadRefusedException("the file starts like a " + name + " image but is damaged or not an image");
    }
  }

  private static String sha256Hex(Path file) throws IOException {
    try (DigestInputStream in = new DigestInputStream(Files.newInputStream(file), MessageDigest.getInstance("SHA-256"))) {
      in.transferTo(OutputStream.nullOutputStream());
      return HexFormat.of().formatHex(in.getMessageDigest().digest());
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java has SHA-256", e);
    }
  }

  private static byte[] ascii(String text) {
    return text.getBytes(StandardCharsets.US_ASCII);
  }

  static boolean startsWith(byte[] bytes, int offset, byte[] prefix) {
    return bytes.length >= offset + prefix.length
        && Arrays.equals(bytes, offset, offset + prefix.length, prefix, 0, prefix.length);
  }
}
