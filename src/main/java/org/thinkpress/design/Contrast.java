package org.thinkpress.design;

import static java.util.Objects.requireNonNull;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * WCAG 2 contrast between two sRGB colours written {@code #rrggbb} (or {@code #rgb}), and the rule a
 * colour used for text must pass before it is saved: at least 4.5:1 against its background (level
 * AA for normal text). The measured ratio is shown to two decimals, rounded down, so that a colour
 * shown as 4.50:1 really passes and one that fails never reads as passing.
 */
public final class Contrast {

  /** The least contrast WCAG 2 level AA asks of normal-size text. */
  public static final double TEXT_MINIMUM = 4.5;

  private static final Pattern HEX = Pattern.compile("#(?:[0-9a-fA-F]{3}|[0-9a-fA-F]{6})");

  private Contrast() {}

  /**
   * The colour in its stored form ({@code #rrggbb}, lower case), or an {@link InvalidColourException}
   * naming what was given.
   */
  public static String normalise(String colour) {
    String value = requireNonNull(colour, "colour").strip();
    if (!HEX.matcher(value).matches()) {
      throw new InvalidColourException("'" + value + "' is not a colour; write it as #rrggbb, for example #1b3a5c");
    }
    value = value.toLowerCase(Locale.ROOT);
    if (value.length() == 4) {
      value = "#" + value.charAt(1) + value.charAt(1) + value.charAt(2) + value.charAt(2) + value.charAt(3)
          + value.charAt(3);
    }
    return value;
  }

  /** The contrast ratio of two colours, from 1 (the same) to 21 (black on white); order does not matter. */
  public static double ratio(String foreground, String background) {
    double a = luminance(normalise(foreground));
    double b = luminance(normalise(background));
    return (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05);
  }

  /**
   * Returns {@code colour} normalised when text in it is readable on {@code background}; otherwise
   * an {@link InvalidColourException} such as
   * {@code "#ffff00 on white has contrast 1.07:1; text needs at least 4.5:1"}.
   *
   * @param backgroundName how the message names the background ("white", "the dark background")
   */
  public static String requireTextContrast(String colour, String background, String backgroundName) {
    String normal = normalise(colour);
    double ratio = ratio(normal, background);
    if (ratio < TEXT_MINIMUM) {
      throw new InvalidColourException(normal + " on " + backgroundName + " has contrast " + shown(ratio)
          + ":1; text needs at least " + TEXT_MINIMUM + ":1");
    }
    return normal;
  }

  /** Two decimals, rounded down: 4.4999 is 4.49, never 4.50. */
  static String shown(double ratio) {
    return String.format(Locale.ROOT, "%.2f", Math.floor(ratio * 100) / 100);
  }

  /** WCAG 2's relative luminance of an sRGB colour {@code #rrggbb}. */
  private static double luminance(String hex) {
    int rgb = Integer.parseInt(hex.substring(1), 16);
    return 0.2126 * channel(rgb >> 16) + 0.7152 * channel(rgb >> 8) + 0.0722 * channel(rgb);
  }

  private static double channel(int value) {
    double c = (value & 0xff) / 255.0;
    return c <= 0.04045 ? c / 12.92 : Math.pow((c + 0.055) / 1.055, 2.4);
  }
}
