package org.thinkpress.subscribers;

/**
 * A search of subscribers for the admin: every part optional ({@code null} or blank: any).
 *
 * @param text part of the address or name
 * @param page from 1
 */
public record SubscriberQuery(String text, SubscriberStatus status, String list, Long topicId, Long regionId,
                              int page, int pageSize) {

  public SubscriberQuery {
    text = text == null ? "" : text;
    if (text.length() > 254) {
      throw new InvalidSubscriptionException("the search text is longer than 254 characters");
    }
    if (page < 1 || pageSize < 1 || pageSize > 1000) {
      throw new InvalidSubscriptionException("page " + page + " of size " + pageSize + " is out of range");
    }
  }

  public static SubscriberQuery all(int page, int pageSize) {
    return new SubscriberQuery("", null, null, null, null, page, pageSize);
  }

  public static SubscriberQuery text(String text) {
    return new SubscriberQuery(text, null, null, null, null, 1, 50);
  }
}
