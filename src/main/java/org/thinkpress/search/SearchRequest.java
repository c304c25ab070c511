package org.thinkpress.search;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * A search as the page's address gives it: the text ({@code q}), filters by facet
 * ({@code topic}, {@code region}, {@code expert}, {@code type}, {@code year}, {@code language};
 * a parameter may repeat, and then any of its values will do), the order ({@code sort=date} or
 * relevance) and the page number. Reading an address never fails: values that cannot be ours are
 * left out, and a page number that is not one is page 1.
 *
 * @param query the text as typed (cleaned when parsed into a {@link UserQuery})
 * @param filters values by dimension, each list sorted and without repeats; dimensions in {@link #DIMENSIONS} order
 * @param byDate whether newest first rather than most relevant first
 * @param page the page number, from 1
 */
public record SearchRequest(String query, Map<String, List<String>> filters, boolean byDate, int page) {

  /** The facet dimensions, in the order the page shows them. */
  public static final List<String> DIMENSIONS = List.of(Fields.TOPIC_DIM, Fields.REGION_DIM, Fields.TYPE_DIM,
      Fields.EXPERT_DIM, Fields.YEAR_DIM, Fields.LANGUAGE_DIM);

  /** How deep pagination goes: further pages only ever serve robots. */
  public static final int MAX_PAGE = 50;
  static final int MAX_VALUES = 10;

  private static final Pattern SLUG = Pattern.compile("[a-z0-9](?:[a-z0-9-]{0,118}[a-z0-9])?");
  private static final Pattern YEAR = Pattern.compile("[0-9]{4}");
  private static final Pattern LANGUAGE = Pattern.compile("[A-Za-z]{2,8}(?:-[A-Za-z0-9]{1,8}){0,3}");

  public SearchRequest {
    query = query == null ? "" : query;
    Map<String, List<String>> copy = new LinkedHashMap<>();
    for (String dim : DIMENSIONS) {
      List<String> values = filters.get(dim);
      if (values != null && !values.isEmpty()) {
        copy.put(dim, List.copyOf(values));
      }
    }
    filters = java.util.Collections.unmodifiableMap(copy);
    page = Math.max(1, Math.min(MAX_PAGE, page));
  }

  /** Reads a request from query parameters (each name with its values, in order). */
  public static SearchRequest of(Map<String, List<String>> params) {
    String query = first(params, "q");
    Map<String, List<String>> filters = new LinkedHashMap<>();
    for (String dim : DIMENSIONS) {
      TreeSet<String> values = new TreeSet<>();
      for (String value : params.getOrDefault(dim, List.of())) {
        if (value != null && values.size() < MAX_VALUES && valid(dim, value)) {
          values.add(value);
        }
      }
      if (!values.isEmpty()) {
        filters.put(dim, new ArrayList<>(values));
      }
    }
    boolean byDate = "date".equals(first(params, "sort"));
    String page = first(params, "page");
    int number = page != null && page.matches("[1-9][0-9]{0,5}") ? Integer.parseInt(page) : 1;
    return new SearchRequest(query, filters, byDate, number);
  }

  /** A plain text search: no filter, by relevance, page 1. */
  public static SearchRequest text(String query) {
    return new SearchRequest(query, Map.of(), false, 1);
  }

  private static String first(Map<String, List<String>> params, String name) {
    List<String> values = params.get(name);
    return values == null || values.isEmpty() ? null : values.get(0);
  }

  private static boolean valid(String dim, String value) {
    return switch (dim) {
      case Fields.YEAR_DIM -> YEAR.matcher(value).matches();
      case Fields.LANGUAGE_DIM -> LANGUAGE.matcher(value).matches();
      default -> SLUG.matcher(value).matches();
    };
  }

  public boolean hasFilters() {
    return !filters.isEmpty();
  }

  public boolean isSelected(String dim, String value) {
    return filters.getOrDefault(dim, List.of()).contains(value);
  }

  /** This request with a filter value added, or removed when present; back to page 1. */
  public SearchRequest toggle(String dim, String value) {
    Map<String, List<String>> changed = new LinkedHashMap<>(filters);
    TreeSet<String> values = new TreeSet<>(filters.getOrDefault(dim, List.of()));
    if (!values.remove(value)) {
      values.add(value);
    }
    if (values.isEmpty()) {
      changed.remove(dim);
    } else {
      changed.put(dim, new ArrayList<>(values));
    }
    return new SearchRequest(query, changed, byDate, 1);
  }

  public SearchRequest withPage(int number) {
    return new SearchRequest(query, filters, byDate, number);
  }

  public SearchRequest withOrder(boolean newestFirst) {
    return new SearchRequest(query, filters, newestFirst, 1);
  }

  /** The address of this request under {@code path}: {@code /search?q=...&topic=...}. */
  public String toUrl(String path) {
    StringBuilder url = new StringBuilder(path);
    char separator = '?';
    if (!query.isBlank()) {
      url.append(separator).append("q=").append(encode(query.strip()));
      separator = '&';
    }
    for (Map.Entry<String, List<String>> filter : filters.entrySet()) {
      for (String value : filter.getValue()) {
        url.append(separator).append(filter.getKey()).append('=').append(encode(value));
        separator = '&';
      }
    }
    if (byDate) {
      url.append(separator).append("sort=date");
      separator = '&';
    }
    if (page > 1) {
      url.append(separator).append("page=").append(page);
    }
    return url.toString();
  }

  private static String encode(String value) {
    return java.net.URLEncoder.encode(value, java.nio.charset.StandardCharsets.UTF_8);
  }
}
