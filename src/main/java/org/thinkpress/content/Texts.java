package org.thinkpress.content;

import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

/** Checks for the short texts of the model, with messages that name the field. */
final class Texts {

  private Texts() {}

  /** A required single line: stripped, not blank, no control characters, at most {@code max} chars. */
  static String requireLine(String field, String value, int max) {
    if (value == null || value.isBlank()) {
      throw new InvalidContentException(field + " is missing");
    }
    return optionalLine(field, value, max);
  }

  /** An optional single line: {@code ""} when absent. */
  static String optionalLine(String field, String value, int max) {
    if (value == null) {
      return "";
    }
    String stripped = value.strip();
    for (int i = 0; i < stripped.length(); i++) {
      if (Character.isISOControl(stripped.charAt(i))) {
        throw new InvalidContentException(field + " must be a single line without control characters");
      }
    }
    return checkLength(field, stripped, max);
  }

  /** An optional text that may span lines: {@code ""} when absent; other control characters refused. */
  static String optionalText(String field, String value, int max) {
    if (value == null) {
      return "";
    }
    String stripped = value.strip().replace("\r\n", "\n");
    for (int i = 0; i < stripped.length(); i++) {
      char c = stripped.charAt(i);
      if (Character.isISOControl(c) && c != '\n' && c != '\t') {
        throw new InvalidContentException(field + " contains a control character (code " + (int) c + ")");
      }
    }
    return checkLength(field, stripped, max);
  }

  private static String checkLength(String field, String value, int max) {
    if (value.length() > max) {
      throw new InvalidContentException(field + " is " + value.length() + " characters long; the limit is " + max);
    }
    return value;
  }

  /** Names in other languages: valid tags, non-blank single-line names; returned sorted and unmodifiable. */
  static Map<String, String> requireNames(String field, Map<String, String> names) {
    if (names == null || names.isEmpty()) {
      return Map.of();
    }
    TreeMap<String, String> checked = new TreeMap<>();
    names.forEach((language, name) ->
        checked.put(Languages.require(field + " language", language), requireLine(field + " [" + language + "]", name, 200)));
    return Collections.unmodifiableMap(checked);
  }

  /**
   * An optional link: {@code null} when absent; otherwise an absolute http(s) URL or a path on
   * this site ({@code /assets/...}). Anything else (a {@code javascript:} URL, a protocol-relative
   * {@code //host} link, spaces) is refused.
   */
  static String optionalUrl(String field, String url) {
    if (url == null || url.isBlank()) {
      return null;
    }
    String stripped = url.strip();
    boolean sitePath = stripped.startsWith("/") && !stripped.startsWith("//");
    boolean web = stripped.startsWith("https://") || stripped.startsWith("http://");
    boolean clean = stripped.chars().noneMatch(c -> c <= ' ' || c == '"' || c == '<' || c == '>' || c == '\\');
    if (!(sitePath || web) || !clean || stripped.length() > 500) {
      throw new InvalidContentException(field + " '" + stripped + "' must be an http(s) URL or a path starting with /");
    }
    return stripped;
  }
}
