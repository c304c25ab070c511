package org.thinkpress.media;

import com.twelvemonkeys.imageio.metadata.Directory;
import com.twelvemonkeys.imageio.metadata.Entry;
import com.twelvemonkeys.imageio.metadata.tiff.TIFF;
import com.twelvemonkeys.imageio.metadata.tiff.TIFFReader;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Set;
import javax.imageio.ImageIO;
import javax.imageio.stream.ImageInputStream;

/**
 * Takes out of an image's bytes what a camera or an editor wrote about it, GPS position and camera
 * serial numbers among it: EXIF, XMP, IPTC and comments, and keeps what shows the pixels right (a
 * JPEG's JFIF header, colour profile and Adobe marker; a PNG's palette, transparency, gamma and
 * colour chunks; a WebP's image chunks). The pixels are copied byte for byte, so the image is what
 * was uploaded, and stripping stripped bytes changes nothing: a file exported from one site and
 * imported into another keeps its name (its SHA-256).
 *
 * <p>GIFs are kept as they are: the format has no EXIF, and its comment and application blocks sit
 * between the frames of an animation.
 */
final class Metadata {

  /** PNG chunks that carry text, camera data or times rather than pixels. */
  private static final Set<String> PNG_DROPPED = Set.of("tEXt", "zTXt", "iTXt", "eXIf", "tIME");
  private static final byte[] JFIF = "JFIF\0".getBytes(StandardCharsets.US_ASCII);
  private static final byte[] ICC = "ICC_PROFILE\0".getBytes(StandardCharsets.US_ASCII);
  private static final byte[] ADOBE = "Adobe".getBytes(StandardCharsets.US_ASCII);
  private static final byte[] EXIF = "Exif\0\0".getBytes(StandardCharsets.US_ASCII);

  private Metadata() {}

  /** The bytes without their metadata; damaged structure is refused, as a file that is not an image. */
  static byte[] strip(FileType type, byte[] bytes) {
    try {
      return switch (type) {
        case JPEG -> jpeg(bytes);
        case PNG -> png(bytes);
        case WEBP -> webp(bytes);
        default -> bytes;
      };
    } catch (IndexOutOfBoundsException e) {
      throw new UploadRefusedException("the file starts like a " + type.name() + " image but is damaged");
    }
  }

  /**
   * The EXIF orientation of a JPEG (1 to 8; 1 is upright, 6 is a phone held upright, to be turned a
   * quarter clockwise), 1 when it has none or the EXIF cannot be read.
   */
  static int jpegOrientation(byte[] bytes) {
    int at = 2;
    while (at + 4 <= bytes.length && (bytes[at] & 0xff) == 0xff) {
      int marker = bytes[at + 1] & 0xff;
      if (marker == 0xda || marker == 0xd9) {
        return 1;
      }
      int length = ((bytes[at + 2] & 0xff) << 8) | (bytes[at + 3] & 0xff);
      if (marker == 0xe1 && startsWith(bytes, at + 4, EXIF)) {
        return tiffOrientation(Arrays.copyOfRange(bytes, at + 4 + EXIF.length, Math.min(bytes.length, at + 2 + length)));
      }
      at += 2 + length;
    }
    return 1;
  }

  private static int tiffOrientation(byte[] tiff) {
    try (ImageInputStream in = ImageIO.createImageInputStream(new java.io.ByteArrayInputStream(tiff))) {
      Directory ifd0 = new TIFFReader().read(in);
      Entry entry = ifd0.getEntryById(TIFF.TAG_ORIENTATION);
      if (entry != null && entry.getValue() instanceof Number number && number.intValue() >= 1 && number.intValue() <= 8) {
        return number.intValue();
      }
      return 1;
    } catch (IOException | RuntimeException e) {
      return 1; // an unreadable EXIF block is dropped with the rest; the pixels stay as stored
    }
  }

  /** Every segment before the image data but JFIF, ICC profile and Adobe's; comments too. */
  private static byte[] jpeg(byte[] bytes) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(bytes.length);
    out.write(bytes, 0, 2);
    int at = 2;
    while (at < bytes.length) {
      if ((bytes[at] & 0xff) != 0xff) {
        throw new UploadRefusedException("the file starts like a JPEG image but is damaged");
      }
      int marker = bytes[at + 1] & 0xff;
      if (marker == 0xff) {
        at++; // fill byte
        continue;
      }
      if (marker == 0xda || marker == 0xd9) {
        out.write(bytes, at, bytes.length - at); // the scans and what follows, as they are
        break;
      }
      int length = ((bytes[at + 2] & 0xff) << 8) | (bytes[at + 3] & 0xff);
      if (length < 2 || at + 2 + length > bytes.length) {
        throw new UploadRefusedException("the file starts like a JPEG image but is damaged");
      }
      if (keptJpegSegment(marker, bytes, at + 4)) {
        out.write(bytes, at, 2 + length);
      }
      at += 2 + length;
    }
    return out.toByteArray();
  }

  private static boolean keptJpegSegment(int marker, byte[] bytes, int data) {
    if (marker == 0xfe) {
      return false;
    }
    if (marker >= 0xe0 && marker <= 0xef) {
      return (marker == 0xe0 && startsWith(bytes, data, JFIF)) || (marker == 0xe2 && startsWith(bytes, data, ICC))
          || (marker == 0xee && startsWith(bytes, data, ADOBE));
    }
    return true;
  }

  private static byte[] png(byte[] bytes) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(bytes.length);
    out.write(bytes, 0, 8);
    int at = 8;
    while (at + 12 <= bytes.length) {
      int length = readInt(bytes, at);
      String chunk = new String(bytes, at + 4, 4, StandardCharsets.ISO_8859_1);
      int size = 12 + length;
      if (length < 0 || at + size > bytes.length) {
        throw new UploadRefusedException("the file starts like a PNG image but is damaged");
      }
      if (!PNG_DROPPED.contains(chunk)) {
        out.write(bytes, at, size);
      }
      at += size;
      if (chunk.equals("IEND")) {
        break;
      }
    }
    return out.toByteArray();
  }

  /** A WebP without its EXIF and XMP chunks, and its extended header saying so. */
  private static byte[] webp(byte[] bytes) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(bytes.length);
    out.write(bytes, 0, 12);
    int at = 12;
    while (at + 8 <= bytes.length) {
      String chunk = new String(bytes, at, 4, StandardCharsets.ISO_8859_1);
      long length = Integer.toUnsignedLong(readIntLittle(bytes, at + 4));
      long size = 8 + length + (length & 1);
      if (at + 8 + length > bytes.length) {
        throw new UploadRefusedException("the file starts like a WebP image but is damaged");
      }
      int end = (int) Math.min(bytes.length, at + size);
      if (chunk.equals("VP8X")) {
        byte[] header = Arrays.copyOfRange(bytes, at, end);
        header[8] &= (byte) ~0x0c; // the EXIF and XMP flags
        out.write(header, 0, header.length);
      } else if (!chunk.equals("EXIF") && !chunk.equals("XMP ")) {
        out.write(bytes, at, end - at);
      }
      at = end;
    }
    byte[] stripped = out.toByteArray();
    int riff = stripped.length - 8;
    stripped[4] = (byte) riff;
    stripped[5] = (byte) (riff >>> 8);
    stripped[6] = (byte) (riff >>> 16);
    stripped[7] = (byte) (riff >>> 24);
    return stripped;
  }

  private static int readInt(byte[] b, int at) {
    return ((b[at] & 0xff) << 24) | ((b[at + 1] & 0xff) << 16) | ((b[at + 2] & 0xff) << 8) | (b[at + 3] & 0xff);
  }

  private static int readIntLittle(byte[] b, int at) {
    return (b[at] & 0xff) | ((b[at + 1] & 0xff) << 8) | ((b[at + 2] & 0xff) << 16) | ((b[at + 3] & 0xff) << 24);
  }

  private static boolean startsWith(byte[] bytes, int offset, byte[] prefix) {
    return UploadCheck.startsWith(bytes, offset, prefix);
  }
}
