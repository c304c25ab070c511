package org.thinkpress.newsletter;

import java.time.Instant;

/**
 * A stored send: one message for many subscribers.
 *
 * @param key what makes it unique: {@code alert:PUBLICATION:LIST}, {@code digest:LIST:DATE},
 *     {@code campaign:ID} or {@code campaign:request:KEY} (a campaign sent once per form), {@code confirmations}
 * @param publicationId the alert's piece, or {@code null}
 * @param campaignId the campaign, or {@code null}
 * @param periodStart a digest's period, or {@code null}
 */
public record Send(long id, String key, Kind kind, String listKey, String subject, Long publicationId, Long campaignId,
                   Instant periodStart, Instant periodEnd, Instant createdAt) {

  /** What a send is. */
  public enum Kind {
    CONFIRMATION, ALERT, DIGEST, CAMPAIGN;

    public String key() {
      return name().toLowerCase(java.util.Locale.ROOT);
    }

    static Kind ofKey(String key) {
      return valueOf(key.toUpperCase(java.util.Locale.ROOT));
    }
  }
}
