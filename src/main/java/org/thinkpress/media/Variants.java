package org.thinkpress.media;

import com.luciad.imageio.webp.WebPWriteParam;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageReadParam;
import javax.imageio.ImageReader;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageInputStream;
import javax.imageio.stream.MemoryCacheImageOutputStream;
import net.coobird.thumbnailator.Thumbnails;

/**
 * The responsive variants of an image, made once when it is uploaded: each of {@link #WIDTHS}
 * narrower than the image, and the image's own width when it is at most the widest, never wider
 * than the original; each as WebP and as JPEG (PNG for an image with transparent pixels, which
 * JPEG cannot keep), none with metadata. GIFs get none (an animation would stop at its first frame):
 * they are shown as uploaded.
 *
 * <p>Decoding is done by TwelveMonkeys' pure-Java readers, never by the WebP writer's native
 * library ({@link #reader}); a picture far wider than the widest variant is decoded subsampled, so
 * that a 50-megapixel photo needs no more memory than an 8-megapixel one.
 */
final class Variants {

  /**
   * The widths every image is offered at (as far as it is wider): thumbnails and experts' photos,
   * phones, tablets and laptops, high-density screens.
   */
  static final int[] WIDTHS = {160, 480, 800, 1200, 1600};
  static final float WEBP_QUALITY = 0.74f;
  static final float JPEG_QUALITY = 0.80f;
  private static final float UPRIGHT_QUALITY = 0.92f;

  /** One variant file: its stored name ({@code HASH-800.webp}), type, pixel size and bytes. */
  record Variant(String fileName, FileType type, int width, int height, byte[] bytes) {}

  private Variants() {}

  /** The widths an image {@code width} pixels wide is offered at. */
  static List<Integer> widths(int width) {
    List<Integer> widths = new ArrayList<>();
    for (int standard : WIDTHS) {
      if (standard < width) {
        widths.add(standard);
      }
    }
    if (width <= WIDTHS[WIDTHS.length - 1]) {
      widths.add(width);
    }
    return widths;
  }

  /**
   * A JPEG turned as its EXIF orientation says, re-encoded without metadata (browsers turn a JPEG
   * by its EXIF, and the EXIF is what is taken out); any other image, or an upright JPEG, as it is.
   */
  static byte[] upright(FileType type, byte[] bytes) {
    int orientation = type == FileType.JPEG ? Metadata.jpegOrientation(bytes) : 1;
    if (orientation == 1) {
      return bytes;
    }
    BufferedImage turned = Orientation.apply(decode(bytes, 1), orientation);
    return jpeg(turned, UPRIGHT_QUALITY);
  }

  /** Every variant of a stored image ({@code storedName} is its {@code HASH.ext}); none for a GIF. */
  static List<Variant> of(String storedName, FileType type, byte[] bytes, int width) {
    if (type == FileType.GIF) {
      return List.of();
    }
    int largest = widths(width).get(widths(width).size() - 1);
    int subsampling = Math.max(1, width / (largest * 2));
    BufferedImage image = decode(bytes, subsampling);
    boolean transparent = transparent(image);
    String base = storedName.substring(0, storedName.indexOf('.'));
    List<Variant> variants = new ArrayList<>();
    for (int target : widths(width)) {
      BufferedImage scaled = scale(image, target, transparent);
      String name = base + "-" + target;
      variants.add(new Variant(name + ".webp", FileType.WEBP, scaled.getWidth(), scaled.getHeight(), webp(scaled)));
      FileType fallback = transparent ? FileType.PNG : FileType.JPEG;
      byte[] encoded = transparent ? png(scaled) : jpeg(scaled, JPEG_QUALITY);
      variants.add(new Variant(name + "." + fallback.extension, fallback, scaled.getWidth(), scaled.getHeight(), encoded));
    }
    return variants;
  }

  /** The image as RGB or ARGB pixels, read by a pure-Java reader, every {@code subsampling}th pixel. */
  static BufferedImage decode(byte[] bytes, int subsampling) {
    try (ImageInputStream in = ImageIO.createImageInputStream(new ByteArrayInputStream(bytes))) {
      ImageReader reader = reader(in);
      try {
        reader.setInput(in, true, true);
        ImageReadParam param = reader.getDefaultReadParam();
        if (subsampling > 1) {
          param.setSourceSubsampling(subsampling, subsampling, 0, 0);
        }
        BufferedImage read = reader.read(0, param);
        int kind = read.getColorModel().hasAlpha() ? BufferedImage.TYPE_INT_ARGB : BufferedImage.TYPE_INT_RGB;
        if (read.getType() == kind) {
          return read;
        }
        BufferedImage converted = new BufferedImage(read.getWidth(), read.getHeight(), kind);
        Graphics2D g = converted.createGraphics();
        g.drawImage(read, 0, 0, null);
        g.dispose();
        return converted;
      } finally {
        reader.dispose();
      }
    } catch (IOException | RuntimeException e) {
      if (e instanceof UploadRefusedException refused) {
        throw refused;
      }
      throw new UploadRefusedException("the image could not be decoded: it is damaged or uses a form this site cannot read");
    }
  }

  /** The first reader for the stream that is not the native WebP library's. */
  static ImageReader reader(ImageInputStream in) {
    Iterator<ImageReader> readers = ImageIO.getImageReaders(in);
    while (readers.hasNext()) {
      ImageReader reader = readers.next();
      if (!reader.getClass().getName().startsWith("com.luciad.")) {
        return reader;
      }
    }
    throw new UploadRefusedException("the image is of a form this site cannot read");
  }

  /** Whether any pixel is not fully opaque (an alpha channel of opaque pixels does not count). */
  private static boolean transparent(BufferedImage image) {
    if (!image.getColorModel().hasAlpha()) {
      return false;
    }
    int[] row = new int[image.getWidth()];
    for (int y = 0; y < image.getHeight(); y++) {
      image.getRGB(0, y, row.length, 1, row, 0, row.length);
      for (int argb : row) {
        if ((argb >>> 24) != 0xff) {
          return true;
        }
      }
    }
    return false;
  }

  private static BufferedImage scale(BufferedImage image, int width, boolean transparent) {
    int type = transparent ? BufferedImage.TYPE_INT_ARGB : BufferedImage.TYPE_INT_RGB;
    int height = Math.max(1, Math.round((float) image.getHeight() * width / image.getWidth()));
    try {
      if (width >= image.getWidth() && image.getType() == type) {
        return image;
      }
      return Thumbnails.of(image).forceSize(width, height).imageType(type).asBufferedImage();
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot scale an image to " + width + " pixels", e);
    }
  }

  private static byte[] webp(BufferedImage image) {
    ImageWriter writer = ImageIO.getImageWritersByMIMEType("image/webp").next();
    WebPWriteParam param = new WebPWriteParam(writer.getLocale());
    param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
    param.setCompressionType(param.getCompressionTypes()[WebPWriteParam.LOSSY_COMPRESSION]);
    param.setCompressionQuality(WEBP_QUALITY);
    return write(writer, param, image);
  }

  static byte[] jpeg(BufferedImage image, float quality) {
    ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
    ImageWriteParam param = writer.getDefaultWriteParam();
    param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
    param.setCompressionQuality(quality);
    param.setProgressiveMode(ImageWriteParam.MODE_DEFAULT);
    return write(writer, param, image);
  }

  private static byte[] png(BufferedImage image) {
    ImageWriter writer = ImageIO.getImageWritersByFormatName("png").next();
    return write(writer, writer.getDefaultWriteParam(), image);
  }

  private static byte[] write(ImageWriter writer, ImageWriteParam param, BufferedImage image) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (MemoryCacheImageOutputStream out = new MemoryCacheImageOutputStream(bytes)) {
      writer.setOutput(out);
      writer.write(null, new IIOImage(image, null, null), param);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot encode an image variant", e);
    } finally {
      writer.dispose();
    }
    return bytes.toByteArray();
  }
}
