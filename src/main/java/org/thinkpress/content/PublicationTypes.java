package org.thinkpress.content;

import java.util.List;

/**
 * The publication types an institute uses (analysis, commentary, report, policy brief, interview
 * by default), in the order the site lists them. Configured, not stored: a type is a word in the
 * configuration and a label in the site's messages.
 *
 * <p>One more type is built in and never configured: {@link #PAGE}, a site page (About, Contact,
 * Privacy...) served at the site's root ({@code /about}) rather than under {@code /publications/},
 * and left out of listings, feeds, the home page and alerts. {@link #contains} answers for the
 * configured types only; {@link #require} also accepts the page type.
 */
public record PublicationTypes(List<String> keys) {

  public static final PublicationTypes DEFAULT =
      new PublicationTypes(List.of("analysis", "commentary", "report", "policy-brief", "interview"));

  /** The built-in type of site pages, which no configuration may list. */
  public static final String PAGE = "page";

  public PublicationTypes {
    if (keys == null || keys.isEmpty()) {
      throw new InvalidContentException("content.types must name at least one publication type");
    }
    for (String key : keys) {
      Slugs.require("content.types entry", key);
    }
    if (keys.contains(PAGE)) {
      throw new InvalidContentException("content.types must not list 'page': it is the built-in type of site pages");
    }
    if (keys.stream().distinct().count() != keys.size()) {
      throw new InvalidContentException("content.types lists a type twice: " + keys);
    }
    keys = List.copyOf(keys);
  }

  public boolean contains(String key) {
    return keys.contains(key);
  }

  /** Whether a piece may have this type: a configured one, or {@link #PAGE}. */
  public boolean allows(String key) {
    return PAGE.equals(key) || contains(key);
  }

  /** Whether this is the type of site pages. */
  public static boolean isPage(String type) {
    return PAGE.equals(type);
  }

  /** Returns the key, or an {@link InvalidContentException} naming the configured types. */
  public String require(String key) {
    if (!allows(key)) {
      throw new InvalidContentException("unknown type '" + key + "'; the configured types are " + String.join(", ", keys));
    }
    return key;
  }
}
