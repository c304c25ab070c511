package org.thinkpress.subscribers;

import java.util.Locale;

/** Where a subscriber stands; see the package documentation for what each one receives. */
public enum SubscriberStatus {
  PENDING, CONFIRMED, PAUSED, UNSUBSCRIBED;

  /** The lower-case word stored in the database and shown in exports. */
  public String key() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static SubscriberStatus ofKey(String key) {
    for (SubscriberStatus status : values()) {
      if (status.key().equals(key)) {
        return status;
      }
    }
    throw new InvalidSubscriptionException("unknown subscriber status '" + key
        + "'; expected pending, confirmed, paused or unsubscribed");
  }
}
