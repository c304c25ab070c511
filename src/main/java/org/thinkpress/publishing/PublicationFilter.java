package org.thinkpress.publishing;

import org.thinkpress.content.Status;

/**
 * Which pieces the editors' list shows; every part is optional ({@code null}: any).
 *
 * @param query words in the title or slug
 */
public record PublicationFilter(Status status, String type, String expert, String topic, String language,
                                String query) {

  public PublicationFilter {
    type = blankToNull(type);
    expert = blankToNull(expert);
    topic = blankToNull(topic);
    language = blankToNull(language);
    query = blankToNull(query);
  }

  public static PublicationFilter all() {
    return new PublicationFilter(null, null, null, null, null, null);
  }

  private static String blankToNull(String value) {
    return value == null || value.isBlank() ? null : value.strip();
  }
}
