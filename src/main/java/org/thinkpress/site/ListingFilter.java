package org.thinkpress.site;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.thinkpress.content.Slugs;

/**
 * The filters of {@code /publications}: at most one value each of type, topic, region, expert,
 * language and year, as links write them ({@code ?type=analysis&topic=energy&year=2025}). The
 * canonical query names them in {@link #DIMENSIONS} order, then {@code page}; it is a filtered
 * page's only address, and its only cache key.
 */
record ListingFilter(Map<String, String> values) {

  static final List<String> DIMENSIONS = List.of("type", "topic", "region", "expert", "language", "year");

  static final ListingFilter NONE = new ListingFilter(Map.of());

  ListingFilter {
    Map<String, String> ordered = new LinkedHashMap<>();
    for (String dimension : DIMENSIONS) {
      if (values.get(dimension) != null) {
        ordered.put(dimension, values.get(dimension));
      }
    }
    values = java.util.Collections.unmodifiableMap(ordered);
  }

  /**
   * The filters among a query string's parameters (others, such as {@code page} or
   * {@code utm_source}, are not filters), or an {@link InvalidRequestException} naming the filter
   * that is repeated, empty or malformed.
   */
  static ListingFilter parse(Map<String, List<String>> parameters) {
    Map<String, String> values = new LinkedHashMap<>();
    for (Map.Entry<String, List<String>> parameter : parameters.entrySet()) {
      String name = parameter.getKey();
      if (!DIMENSIONS.contains(name)) {
        // page, and what links carry for their senders (utm_source, fbclid): the rest of the site ignores them too
        continue;
      }
      if (parameter.getValue().size() != 1) {
        throw new InvalidRequestException("the filter '" + name + "' is given " + parameter.getValue().size()
            + " times; give it once");
      }
      String value = parameter.getValue().get(0);
      if (!wellFormed(name, value)) {
        throw new InvalidRequestException("the " + name + " '" + abbreviate(value) + "' is not " + expected(name));
      }
      values.put(name, value);
    }
    return new ListingFilter(values);
  }

  private static boolean wellFormed(String name, String value) {
    return switch (name) {
      case "year" -> value.matches("[12][0-9]{3}");
      case "language" -> value.matches("[a-z]{2,3}(-[A-Z]{2})?");
      default -> Slugs.isValid(value);
    };
  }

  private static String expected(String name) {
    return switch (name) {
      case "year" -> "a year such as 2025";
      case "language" -> "a language tag such as en or ru";
      default -> "a " + name + " name as its address writes it, such as " + switch (name) {
        case "type" -> "analysis";
        case "topic" -> "energy";
        case "region" -> "armenia";
        default -> "lilit-arakelyan";
      };
    };
  }

  boolean isEmpty() {
    return values.isEmpty();
  }

  String get(String dimension) {
    return values.get(dimension);
  }

  /** The filters with {@code dimension} set to {@code value}. */
  ListingFilter with(String dimension, String value) {
    Map<String, String> changed = new LinkedHashMap<>(values);
    changed.put(dimension, value);
    return new ListingFilter(changed);
  }

  ListingFilter without(String dimension) {
    Map<String, String> changed = new LinkedHashMap<>(values);
    changed.remove(dimension);
    return new ListingFilter(changed);
  }

  /** The canonical address of page {@code page} of {@code path} with these filters. */
  String href(String path, int page) {
    List<String> parts = new ArrayList<>();
    values.forEach((name, value) -> parts.add(name + "=" + value));
    if (page > 1) {
      parts.add("page=" + page);
    }
    return parts.isEmpty() ? path : path + "?" + String.join("&", parts);
  }

  private static String abbreviate(String value) {
    return value.length() > 60 ? value.substring(0, 60) + "…" : value;
  }
}
