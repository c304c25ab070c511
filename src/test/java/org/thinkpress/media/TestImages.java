package org.thinkpress.media;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.zip.CRC32;
import java.util.zip.Deflater;
import javax.imageio.ImageIO;

/** Images the pipeline's tests upload, drawn and assembled here: photos with EXIF and GPS, bombs. */
final class TestImages {

  /** Words written into the EXIF and GPS blocks of {@link #withExif}, which no served file may contain. */
  static final String GPS_MARK = "GPS 40.1772N 44.5035E";
  static final String CAMERA_MARK = "CameraSerial-7781";

  private TestImages() {}

  /** A picture with its left half red and its right half blue, in {@code format}. */
  static byte[] halves(String format, int width, int height) {
    BufferedImage image = new BufferedImage(width, height,
        format.equals("png") ? BufferedImage.TYPE_INT_ARGB : BufferedImage.TYPE_INT_RGB);
    Graphics2D g = image.createGraphics();
    g.setColor(Color.RED);
    g.fillRect(0, 0, width / 2, height);
    g.setColor(Color.BLUE);
    g.fillRect(width / 2, 0, width - width / 2, height);
    g.dispose();
    return encode(image, format);
  }

  /** A picture with transparent corners, as PNG. */
  static byte[] transparentPng(int width, int height) {
    BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_ARGB);
    Graphics2D g = image.createGraphics();
    g.setColor(new Color(0x1f4e79));
    g.fillOval(0, 0, width, height);
    g.dispose();
    return encode(image, "png");
  }

  static byte[] encode(BufferedImage image, String format) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try {
      ImageIO.write(image, format, out);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }

  static BufferedImage decode(byte[] bytes) {
    try {
      return ImageIO.read(new ByteArrayInputStream(bytes));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * A JPEG with an EXIF block (APP1) right after its start: orientation {@code orientation}, the
   * camera's serial number and a GPS block naming a position, as a phone writes them.
   */
  static byte[] withExif(byte[] jpeg, int orientation) {
    byte[] serial = (CAMERA_MARK + "\0").getBytes(StandardCharsets.US_ASCII);
    byte[] area = GPS_MARK.getBytes(StandardCharsets.US_ASCII);
    // TIFF, big-endian: header (8), IFD0 of 3 entries (2 + 36 + 4), GPS IFD of 2 entries (2 + 24 + 4), then values
    int ifd0 = 8;
    int gpsIfd = ifd0 + 2 + 3 * 12 + 4;
    int values = gpsIfd + 2 + 2 * 12 + 4;
    ByteBuffer tiff = ByteBuffer.allocate(values + serial.length + area.length);
    tiff.put((byte) 'M').put((byte) 'M').putShort((short) 42).putInt(ifd0);
    tiff.putShort((short) 3);
    entry(tiff, 0x0112, 3, 1, orientation << 16); // Orientation, SHORT, left-justified
    entry(tiff, 0xa431, 2, serial.length, values); // BodySerialNumber, ASCII
    entry(tiff, 0x8825, 4, 1, gpsIfd); // GPS IFD pointer
    tiff.putInt(0);
    tiff.putShort((short) 2);
    entry(tiff, 0x0001, 2, 2, 'N' << 24); // GPSLatitudeRef "N"
    entry(tiff, 0x001c, 7, area.length, values + serial.length); // GPSAreaInformation
    tiff.putInt(0);
    tiff.put(serial).put(area);
    byte[] exif = tiff.array();
    int length = 2 + 6 + exif.length;
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.write(jpeg, 0, 2);
    out.write(0xff);
    out.write(0xe1);
    out.write(length >>> 8);
    out.write(length & 0xff);
    out.writeBytes("Exif\0\0".getBytes(StandardCharsets.US_ASCII));
    out.writeBytes(exif);
    out.write(jpeg, 2, jpeg.length - 2);
    return out.toByteArray();
  }

  private static void entry(ByteBuffer tiff, int tag, int type, int count, int value) {
    tiff.putShort((short) tag).putShort((short) type).putInt(count).putInt(value);
  }

  /** A WebP with an EXIF chunk naming a place appended, and its RIFF size made to count it. */
  static byte[] withWebPExif(byte[] webp) {
    byte[] exif = ("MM\0*" + GPS_MARK).getBytes(StandardCharsets.ISO_8859_1);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.write(webp, 0, webp.length);
    out.writeBytes("EXIF".getBytes(StandardCharsets.US_ASCII));
    out.writeBytes(ByteBuffer.allocate(4).order(java.nio.ByteOrder.LITTLE_ENDIAN).putInt(exif.length).array());
    out.writeBytes(exif);
    if (exif.length % 2 == 1) {
      out.write(0);
    }
    byte[] bytes = out.toByteArray();
    ByteBuffer.wrap(bytes, 4, 4).order(java.nio.ByteOrder.LITTLE_ENDIAN).putInt(bytes.length - 8);
    return bytes;
  }

  /** A PNG whose header declares {@code width} × {@code height} pixels, with one tiny row of data: a decompression bomb. */
  static byte[] pngDeclaring(int width, int height) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.writeBytes(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'});
    ByteBuffer header = ByteBuffer.allocate(13).putInt(width).putInt(height).put((byte) 8).put((byte) 2)
        .put((byte) 0).put((byte) 0).put((byte) 0);
    chunk(out, "IHDR", header.array());
    Deflater deflater = new Deflater();
    deflater.setInput(new byte[4096]);
    deflater.finish();
    byte[] data = new byte[4096];
    int size = deflater.deflate(data);
    chunk(out, "IDAT", java.util.Arrays.copyOf(data, size));
    chunk(out, "IEND", new byte[0]);
    return out.toByteArray();
  }

  /** A PNG with a text chunk naming a place, after its header. */
  static byte[] pngWithText(byte[] png, String text) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.write(png, 0, 33); // signature and IHDR
    chunk(out, "tEXt", ("Location\0" + text).getBytes(StandardCharsets.ISO_8859_1));
    out.write(png, 33, png.length - 33);
    return out.toByteArray();
  }

  private static void chunk(ByteArrayOutputStream out, String type, byte[] data) {
    byte[] name = type.getBytes(StandardCharsets.US_ASCII);
    out.writeBytes(ByteBuffer.allocate(4).putInt(data.length).array());
    out.writeBytes(name);
    out.writeBytes(data);
    CRC32 crc = new CRC32();
    crc.update(name);
    crc.update(data);
    out.writeBytes(ByteBuffer.allocate(4).putInt((int) crc.getValue()).array());
  }
}
