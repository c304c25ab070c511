package org.thinkpress.content;

import java.util.List;

/**
 * The publication types an institute uses (analysis, commentary, report, policy brief, interview
 * by default), in the order the site lists them. Configured, not stored: a type is a word in the
 * configuration and a label in the site's messages.
 */
public record PublicationTypes(List<String> keys) {

  public static final PublicationTypes DEFAULT =
      new PublicationTypes(List.of("analysis", "commentary", "report", "policy-brief", "interview"));

  public PublicationTypes {
    if (keys == null || keys.isEmpty()) {
      throw new InvalidContentException("content.types must name at least one publication type");
    }
    for (String key : keys) {
      Slugs.require("content.types entry", key);
    }
    if (keys.stream().distinct().count() != keys.size()) {
      throw new InvalidContentException("content.types lists a type twice: " + keys);
    }
    keys = List.copyOf(keys);
  }

  public boolean contains(String key) {
    return keys.contains(key);
  }

  /** Returns the key, or an {@link InvalidContentException} naming the configured types. */
  public String require(String key) {
    if (!contains(key)) {
      throw new InvalidContentException("unknown type '" + key + "'; the configured types are " + String.join(", ", keys));
    }
    return key;
  }
}
