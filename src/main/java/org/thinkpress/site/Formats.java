package org.thinkpress.site;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.thinkpress.kit.Views.DateText;

/** Dates as readers of each language expect them, in the site's time zone. */
final class Formats {

  private static final Map<Locale, DateTimeFormatter> LONG_DATES = new ConcurrentHashMap<>();

  private Formats() {}

  static DateText date(Instant instant, Locale locale, ZoneId zone) {
    if (instant == null) {
      return null;
    }
    DateTimeFormatter formatter = LONG_DATES.computeIfAbsent(locale,
        l -> DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG).withLocale(l));
    return new DateText(DateTimeFormatter.ISO_INSTANT.format(instant), formatter.format(instant.atZone(zone)));
  }
}
