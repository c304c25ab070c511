package org.thinkpress.imports;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;

/**
 * A date as a WXR file writes it ({@code 2024-03-05 09:30:00}, MySQL's form) and where, so that a bad
 * one can be named by its file, line and element.
 */
record WxrStamp(String file, int line, String element, String text) {

  private static final DateTimeFormatter WORDPRESS =
      DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm:ss").withResolverStyle(ResolverStyle.STRICT);

  /**
   * The GMT date, or, where WordPress left it zero, the local date read as UTC, unless {@code draft}:
   * a draft's zero GMT date means it never had one. Either stamp may be {@code null} (not in the file).
   */
  static Instant instant(WxrStamp gmt, WxrStamp local, boolean draft) {
    Instant utc = gmt == null ? null : gmt.instant();
    return utc != null || draft || local == null ? utc : local.instant();
  }

  /** The date read as UTC, or {@code null} for one WordPress leaves empty or zero ({@code 0000-00-00 00:00:00}). */
  Instant instant() {
    if (text.isEmpty() || text.startsWith("0000-00-00")) {
      return null;
    }
    try {
      return LocalDateTime.parse(text, WORDPRESS).toInstant(ZoneOffset.UTC);
    } catch (DateTimeParseException e) {
      throw ImportException.at(file, line, element + " \"" + text
          + "\" is not a date and time as WordPress writes them (yyyy-MM-dd HH:mm:ss)");
    }
  }
}
