package org.thinkpress.subscribers;

import java.util.List;

/**
 * What a subscriber sets on their preferences page.
 *
 * @param lists list keys; at least one (leaving every list is unsubscribing)
 * @param paused receive nothing for now, keeping these choices
 * @param language their language preference, a language tag; empty or {@code null} keeps it
 */
public record Preferences(String name, List<String> lists, List<String> topics, List<String> regions,
                          boolean everything, boolean paused, String language) {

  /** Preferences that keep the language preference as it is. */
  public Preferences(String name, List<String> lists, List<String> topics, List<String> regions, boolean everything,
                     boolean paused) {
    this(name, lists, topics, regions, everything, paused, null);
  }

  public Preferences {
    name = name == null ? "" : name;
    lists = lists == null ? List.of() : List.copyOf(lists);
    topics = topics == null ? List.of() : List.copyOf(topics);
    regions = regions == null ? List.of() : List.copyOf(regions);
    language = language == null ? "" : language.strip();
  }
}
