package org.thinkpress.subscribers;

import java.time.Instant;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * A stored subscriber.
 *
 * @param email lower-cased, as {@link EmailAddresses#normalize} gives it
 * @param language the language their messages are written in
 * @param everything whether they want every topic and region (then the two sets are ignored)
 * @param lists the keys of their lists, sorted
 * @param consent how and when they agreed to receive mail
 * @param confirmedAt when they confirmed, or {@code null} while pending
 */
public record Subscriber(long id, String email, String name, String language, SubscriberStatus status,
                         boolean everything, SortedSet<String> lists, Set<Long> topicIds, Set<Long> regionIds,
                         String consent, Instant createdAt, Instant confirmedAt) {

  public Subscriber {
    lists = java.util.Collections.unmodifiableSortedSet(new TreeSet<>(lists));
    topicIds = Set.copyOf(topicIds);
    regionIds = Set.copyOf(regionIds);
  }
}
