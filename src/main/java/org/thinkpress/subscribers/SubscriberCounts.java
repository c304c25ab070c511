package org.thinkpress.subscribers;

import java.util.Map;

/**
 * Subscriber numbers for the admin's overview.
 *
 * @param byStatus every status, with zero for none
 * @param byList confirmed subscribers per list key
 * @param byTopic confirmed subscribers per topic id (besides those who chose everything)
 * @param byRegion confirmed subscribers per region id (besides those who chose everything)
 * @param everything confirmed subscribers who want every topic and region
 * @param suppressed addresses on the suppression list
 */
public record SubscriberCounts(Map<String, Long> byStatus, Map<String, Long> byList, Map<Long, Long> byTopic,
                               Map<Long, Long> byRegion, long everything, long suppressed) {

  public SubscriberCounts {
    byStatus = Map.copyOf(byStatus);
    byList = Map.copyOf(byList);
    byTopic = Map.copyOf(byTopic);
    byRegion = Map.copyOf(byRegion);
  }
}
