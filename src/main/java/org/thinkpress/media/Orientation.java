package org.thinkpress.media;

import java.awt.image.BufferedImage;

/**
 * The pixels of an image turned and mirrored as an EXIF orientation says (TIFF tag 274): 1 upright,
 * 2 mirrored, 3 upside down, 4 mirrored upside down, 5 transposed, 6 turned a quarter clockwise
 * (a phone held upright), 7 transverse, 8 turned a quarter anticlockwise.
 */
final class Orientation {

  private Orientation() {}

  static BufferedImage apply(BufferedImage image, int orientation) {
    if (orientation < 2 || orientation > 8) {
      return image;
    }
    int w = image.getWidth();
    int h = image.getHeight();
    boolean swaps = orientation >= 5;
    BufferedImage turned = new BufferedImage(swaps ? h : w, swaps ? w : h,
        image.getColorModel().hasAlpha() ? BufferedImage.TYPE_INT_ARGB : BufferedImage.TYPE_INT_RGB);
    int[] row = new int[w];
    for (int y = 0; y < h; y++) {
      image.getRGB(0, y, w, 1, row, 0, w);
      for (int x = 0; x < w; x++) {
        int tx;
        int ty;
        switch (orientation) {
          case 2 -> { tx = w - 1 - x; ty = y; }
          case 3 -> { tx = w - 1 - x; ty = h - 1 - y; }
          case 4 -> { tx = x; ty = h - 1 - y; }
          case 5 -> { tx = y; ty = x; }
          case 6 -> { tx = h - 1 - y; ty = x; }
          case 7 -> { tx = h - 1 - y; ty = w - 1 - x; }
          default -> { tx = y; ty = w - 1 - x; }
        }
        turned.setRGB(tx, ty, row[x]);
      }
    }
    return turned;
  }
}
