package org.thinkpress.media;

import java.io.ByteArrayInputStream;
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
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import org.thinkpress.accounts.Tokens;

/**
 * What a file is, by its bytes, never by its name or the browser's word: one of the {@link FileType}s
 * the site accepts, and then its stored name (the first 32 hex digits of its SHA-256 and the type's
 * extension), or {@link UploadRefusedException} saying what it is and why it is refused.
 */
final class UploadCheck {

  /** How much of a file's start {@link #sniff} reads. */
  private static final int HEAD = 512;
  /** Where a PDF's {@code %%EOF} must be: within its last kilobyte, as readers look for it. */
  private static final int PDF_TAIL = 1024;

  /** What the types accepted are called in messages. */
  static final String ACCEPTED = "PNG, JPEG, GIF and WebP images and PDF documents";

  /** The types accepted, by their stored extension. */
  enum FileType {
    PNG("image/png", "png"), JPEG("image/jpeg", "jpg"), GIF("image/gif", "gif"), WEBP("image/webp", "webp"),
    PDF("application/pdf", "pdf");

    final String contentType;
    final String extension;

    FileType(String contentType, String extension) {
      this.contentType = contentType;
      this.extension = extension;
    }
  }

  /** What {@link #check} found in a file's bytes: its type, its size (null for WebP and PDF), its stored name. */
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
   * Checks that the bytes are a file an editor could upload (by their content, whatever the name)
   * and gives the name it is stored under; {@link UploadRefusedException} says why not.
   */
  static Checked check(byte[] bytes) {
    FileType type = sniff(bytes);
    int[] size = type == FileType.PDF
        ? pdfEnd(Arrays.copyOfRange(bytes, Math.max(0, bytes.length - PDF_TAIL), bytes.length))
        : dimensions(type, () -> ImageIO.createImageInputStream(new ByteArrayInputStream(bytes)));
    return new Checked(type, size, storedName(Tokens.sha256Hex(bytes), type));
  }

  /** {@link #check(byte[])} for a file, read as a stream: a large PDF is never held in memory. */
  static Checked check(Path file) throws IOException {
    byte[] head;
    try (InputStream in = Files.newInputStream(file)) {
      head = in.readNBytes(HEAD);
    }
    if (head.length == 0) {
      throw new UploadRefusedException("the file is empty");
    }
    FileType type = sniff(head);
    int[] size = type == FileType.PDF ? pdfEnd(tail(file)) : dimensions(type, () -> ImageIO.createImageInputStream(file.toFile()));
    return new Checked(type, size, storedName(sha256Hex(file), type));
  }

  private static String storedName(String sha256Hex, FileType type) {
    return sha256Hex.substring(0, 32) + "." + type.extension;
  }

  /** The type the bytes begin with; anything else, SVG and HTML included, is refused. */
  private static FileType sniff(byte[] b) {
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
    String head = new String(b, 0, Math.min(b.length, HEAD), StandardCharsets.ISO_8859_1).toLowerCase(Locale.ROOT);
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

  /** Width and height, read from the header; PNG, JPEG and GIF that do not parse are refused. */
  private static int[] dimensions(FileType type, ImageSource source) {
    if (type == FileType.WEBP) {
      return null;
    }
    String name = type.extension.toUpperCase(Locale.ROOT);
    try (ImageInputStream in = source.open()) {
      Iterator<ImageReader> readers = in == null ? Collections.emptyIterator() : ImageIO.getImageReaders(in);
      if (!readers.hasNext()) {
        throw new UploadRefusedException("the file starts like a " + name + " image but is not one");
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

  private static boolean startsWith(byte[] bytes, int offset, byte[] prefix) {
    return bytes.length >= offset + prefix.length
        && Arrays.equals(bytes, offset, offset + prefix.length, prefix, 0, prefix.length);
  }
}
