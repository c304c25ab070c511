package org.thinkpress.subscribers;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Whose subscriber CSV an import reads. ThinkPress's own columns are {@link SubscriberCsv}'s; the
 * exports of the platforms an institute moves from are read by {@link PlatformSubscriberCsv},
 * which says how each of their columns maps.
 */
public enum SubscriberFormat {
  /** ThinkPress's columns, as an export writes them; {@code email} and {@code consent} required. */
  THINKPRESS("a ThinkPress subscriber file", List.of("email", "consent")),
  /** The subscriber list a Substack publication exports (Settings, Export): one row per email subscriber. */
  SUBSTACK("Substack's subscriber export", List.of("email", "email_disabled", "created_at")),
  /** The members CSV of a Ghost site (Members, Export all members). */
  GHOST("Ghost's members export", List.of("email", "subscribed_to_emails", "created_at"));

  private final String description;
  private final List<String> required;

  SubscriberFormat(String description, List<String> required) {
    this.description = description;
    this.required = required;
  }

  /** The lower-case word a user types: {@code thinkpress}, {@code substack}, {@code ghost}. */
  public String key() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** How a message names such a file: "Ghost's members export". */
  public String description() {
    return description;
  }

  /** The format a user's word names, in any case. */
  public static Optional<SubscriberFormat> ofKey(String key) {
    return Arrays.stream(values()).filter(f -> f.key().equalsIgnoreCase(key.strip())).findFirst();
  }

  /** Every key, for messages and help: "thinkpress, substack, ghost". */
  public static String keys() {
    return String.join(", ", Arrays.stream(values()).map(SubscriberFormat::key).toList());
  }

  /** The columns without which a header is not this format's that it lacks, in order; empty when it has them all. */
  List<String> missingFrom(List<String> header) {
    return required.stream().filter(column -> !header.contains(column)).toList();
  }
}
