package org.thinkpress.subscribers;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.thinkpress.kit.Messages;

/**
 * The configured lists, in the order subscribers see them, parsed from {@code newsletter.lists}:
 * {@code new-publications=alert,weekly-digest=weekly,announcements=campaigns}. The first list is
 * the one the footer form subscribes to.
 */
public final class MailingLists {

  public static final String DEFAULT = "new-publications=alert,weekly-digest=weekly";

  private final Map<String, MailingList> byKey;

  private MailingLists(List<MailingList> lists) {
    Map<String, MailingList> map = new LinkedHashMap<>();
    for (MailingList list : lists) {
      map.put(list.key(), list);
    }
    this.byKey = map;
  }

  /** Parses the setting; the message of a failure names the faulty part. */
  public static MailingLists parse(String setting) {
    List<MailingList> lists = new ArrayList<>();
    for (String part : setting.split(",")) {
      String entry = part.strip();
      if (entry.isEmpty()) {
        continue;
      }
      int equals = entry.indexOf('=');
      if (equals < 0) {
        throw new InvalidSubscriptionException("list '" + entry + "' has no cadence; write KEY=alert|daily|weekly|campaigns");
      }
      String key = entry.substring(0, equals).strip();
      String cadence = entry.substring(equals + 1).strip().toUpperCase(Locale.ROOT);
      if (!key.matches("[a-z0-9]+(-[a-z0-9]+)*") || key.length() > 60) {
        throw new InvalidSubscriptionException("list key '" + key + "' must be lower-case letters, digits and dashes");
      }
      MailingList.Cadence parsed;
      try {
        parsed = MailingList.Cadence.valueOf(cadence);
      } catch (IllegalArgumentException e) {
        throw new InvalidSubscriptionException("list '" + key + "' has an unknown cadence '" + entry.substring(equals + 1).strip()
            + "'; expected alert, daily, weekly or campaigns");
      }
      if (lists.stream().anyMatch(l -> l.key().equals(key))) {
        throw new InvalidSubscriptionException("list '" + key + "' is listed twice");
      }
      lists.add(new MailingList(key, parsed));
    }
    if (lists.isEmpty()) {
      throw new InvalidSubscriptionException("at least one list is needed");
    }
    return new MailingLists(lists);
  }

  public List<MailingList> all() {
    return List.copyOf(byKey.values());
  }

  public Optional<MailingList> find(String key) {
    return Optional.ofNullable(byKey.get(key));
  }

  /** The name of the list a key names, in {@code msg}'s language; the key itself for a list no longer configured. */
  public String nameOf(String key, Messages msg) {
    return find(key).map(list -> list.nameIn(msg)).orElse(key);
  }

  /** The list a key names, or an error listing the known keys. */
  public MailingList require(String key) {
    MailingList list = byKey.get(key);
    if (list == null) {
      throw new InvalidSubscriptionException("unknown list '" + key + "'; known lists: " + String.join(", ", byKey.keySet()));
    }
    return list;
  }

  /** The list the footer form subscribes to. */
  public MailingList first() {
    return byKey.values().iterator().next();
  }

  public List<MailingList> withCadence(MailingList.Cadence cadence) {
    return byKey.values().stream().filter(l -> l.cadence() == cadence).toList();
  }
}
