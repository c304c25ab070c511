package org.thinkpress.subscribers;

import java.time.Instant;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * A stored subscriber.
 *
 * @param email lower-cased, as {@link EmailAddresses#normalize} gives it
 * @param language their language preference: the language their messages are written in, and the
 *     version of a translated piece they are sent when there is one in it
 * @param everything whether they want every topic and region (then the two sets are ignored)
 * @param lists the keys of their lists, sorted
 * @param consent how they agreed to receive mail (the form, or an import's consent column)
 * @param consentAt when they agreed, or {@code null} when not known (an imported list that does not say)
 * @param confirmedAt when they confirmed, or {@code null} while pending
 * @param unsubscribedAt while unsubscribed, since when; else {@code null}
 * @param unsubscribeReason while unsubscribed, how they left (one-click, the preferences page...); else {@code null}
 */
public record Subscriber(long id, String email, String name, String language, SubscriberStatus status,
                         boolean everything, SortedSet<String> lists, Set<Long> topicIds, Set<Long> regionIds,
                         String consent, Instant consentAt, Instant createdAt, Instant confirmedAt,
                         Instant unsubscribedAt, String unsubscribeReason) {

  public Subscriber {
    lists = java.util.Collections.unmodifiableSortedSet(new TreeSet<>(lists));
    topicIds = Set.copyOf(topicIds);
    regionIds = Set.copyOf(regionIds);
  }
}
