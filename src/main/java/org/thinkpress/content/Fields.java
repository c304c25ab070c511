package org.thinkpress.content;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.thinkpress.content.ContentImportException.Problem;

/**
 * Typed access to the fields of one front matter or list entry of a content folder; a field of the
 * wrong type adds a problem, at the field's line, to the reading's list instead of failing.
 */
final class Fields {
  private final Map<?, ?> values;
  private final String file;
  private final Map<String, Integer> keyLines;
  private final int defaultLine;
  private final List<Problem> problems;

  Fields(Map<?, ?> values, String file, Map<String, Integer> keyLines, int defaultLine, List<Problem> problems) {
    this.values = values;
    this.file = file;
    this.keyLines = keyLines;
    this.defaultLine = defaultLine;
    this.problems = problems;
  }

  int line(String key) {
    return keyLines.getOrDefault(key, defaultLine);
  }

  /** The line of the first field the message names, or the entry's first line. */
  int lineFor(String message) {
    int best = -1;
    int line = defaultLine;
    for (Map.Entry<String, Integer> key : keyLines.entrySet()) {
      var matcher = Pattern.compile("(?<![A-Za-z_])" + Pattern.quote(key.getKey()) + "(?![A-Za-z_])").matcher(message);
      if (matcher.find() && (best < 0 || matcher.start() < best)) {
        best = matcher.start();
        line = key.getValue();
      }
    }
    return line;
  }

  void onlyKnown(Set<String> known) {
    for (Object key : values.keySet()) {
      if (!known.contains(String.valueOf(key))) {
        problems.add(new Problem(file, line(String.valueOf(key)), "unknown field '" + key + "'; known fields are "
            + String.join(", ", known.stream().sorted().toList())));
      }
    }
  }

  String text(String key) {
    Object value = values.get(key);
    if (value == null) {
      return null;
    }
    if (value instanceof Map || value instanceof List) {
      problems.add(new Problem(file, line(key), key + " must be text, not a list or mapping"));
      return null;
    }
    return String.valueOf(value);
  }

  String textOr(String key, String fallback) {
    String value = text(key);
    return value == null ? fallback : value;
  }

  boolean bool(String key) {
    Object value = values.get(key);
    if (value == null) {
      return false;
    }
    if (value instanceof Boolean flag) {
      return flag;
    }
    problems.add(new Problem(file, line(key), key + " must be true or false, not '" + value + "'"));
    return false;
  }

  List<String> list(String key) {
    Object value = values.get(key);
    if (value == null) {
      return List.of();
    }
    if (value instanceof List<?> items) {
      return items.stream().map(String::valueOf).toList();
    }
    if (value instanceof String single) {
      return List.of(single);
    }
    problems.add(new Problem(file, line(key), key + " must be a list of slugs such as [energy, security]"));
    return List.of();
  }

  Map<String, String> names(String key) {
    Object value = values.get(key);
    if (value == null) {
      return Map.of();
    }
    if (!(value instanceof Map<?, ?> map)) {
      problems.add(new Problem(file, line(key), key + " must map language tags to names, such as { ru: Армения }"));
      return Map.of();
    }
    Map<String, String> names = new LinkedHashMap<>();
    map.forEach((language, name) -> names.put(String.valueOf(language), name == null ? null : String.valueOf(name)));
    return names;
  }

  /** An ISO 8601 time: {@code 2025-06-10T08:00:00Z}, with an offset, or a plain date (midnight UTC). */
  Instant instant(String key) {
    String value = text(key);
    if (value == null || value.isBlank()) {
      return null;
    }
    String trimmed = value.strip();
    try {
      if (trimmed.length() == 10) {
        return LocalDate.parse(trimmed).atStartOfDay(ZoneOffset.UTC).toInstant();
      }
      return OffsetDateTime.parse(trimmed).toInstant();
    } catch (DateTimeParseException e) {
      problems.add(new Problem(file, line(key), key + " '" + trimmed
          + "' is not a date and time such as 2025-06-10T08:00:00Z"));
      return null;
    }
  }
}
