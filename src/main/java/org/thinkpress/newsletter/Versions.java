package org.thinkpress.newsletter;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * The published versions of one piece in several languages (a translation group), and which one a
 * subscriber is sent: the version in their language preference when there is one, otherwise the
 * <em>original</em>, the version published first (the earliest publication time, then the lowest
 * id). A preference matches a version of the same tag (case aside) first, then one of the same
 * language ({@code pt} and {@code pt-BR}). A piece in no group is its own only version.
 */
final class Versions {

  /** One published version: the piece's id, its language, when it was published. */
  record Version(long id, String language, Instant publishedAt) {}

  private final List<Version> versions;

  private Versions(List<Version> versions) {
    if (versions.isEmpty()) {
      throw new IllegalArgumentException("a piece has at least one version");
    }
    this.versions = versions.stream().sorted(Comparator.comparing((Version v) -> v.publishedAt() == null
        ? Instant.MAX : v.publishedAt()).thenComparingLong(Version::id)).toList();
  }

  static Versions of(List<Version> published) {
    return new Versions(List.copyOf(published));
  }

  /** The version published first. */
  Version original() {
    return versions.get(0);
  }

  /** The version a subscriber with this language preference is sent. */
  Version forLanguage(String preference) {
    String wanted = preference == null ? "" : preference.toLowerCase(Locale.ROOT);
    for (Version version : versions) {
      if (version.language().toLowerCase(Locale.ROOT).equals(wanted)) {
        return version;
      }
    }
    String language = primary(wanted);
    for (Version version : versions) {
      if (primary(version.language().toLowerCase(Locale.ROOT)).equals(language)) {
        return version;
      }
    }
    return original();
  }

  List<Version> all() {
    return versions;
  }

  private static String primary(String tag) {
    int dash = tag.indexOf('-');
    return dash < 0 ? tag : tag.substring(0, dash);
  }
}
