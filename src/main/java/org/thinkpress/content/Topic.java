package org.thinkpress.content;

import java.util.Map;

/** A stored topic (Security and Defence, Energy and Climate...). */
public record Topic(long id, String slug, String name, Map<String, String> names, String description) {

  /** The name for readers of {@code language}, or the main name. */
  public String nameIn(String language) {
    return names.getOrDefault(language, name);
  }

  public TopicInput toInput() {
    return new TopicInput(slug, name, names, description);
  }
}
