package org.thinkpress.newsletter;

import static java.util.Objects.requireNonNull;

import java.time.DayOfWeek;
import java.time.Duration;

/**
 * How the newsletter sends, from the {@code newsletter.*} settings.
 *
 * @param fromAddress the sender address of every message
 * @param fromName the display name, usually the institute's
 * @param replyTo where replies go; empty for the from address
 * @param unsubscribeMailbox the address of the {@code mailto:} in {@code List-Unsubscribe}
 * @param concurrency how many messages are handed to the mail server at once (one SMTP
 *     connection each); also the most messages a crash can make uncertain
 * @param ratePerSecond the most messages a second from this node; 0 for no limit
 * @param batchSize how many rows a worker claims at a time
 * @param maxAttempts tries before a temporarily failing row is recorded as failed
 * @param retryBase the wait after the first temporary failure; it doubles at each one, up to six hours
 * @param senderLease how long a sender may go without a heartbeat before its rows are taken back
 * @param alertMaxAge a "became published" event that waited longer than this, or a piece dated this
 *     much before it became published (back-dated archive material), gets no alert
 * @param digestHour the hour of the day, in the site's time zone, at which digests go out
 * @param digestDay the day weekly digests go out
 * @param runSender whether {@code serve} runs a sender (turn off on nodes that should not send)
 */
public record NewsletterSettings(String fromAddress, String fromName, String replyTo, String unsubscribeMailbox,
                                 int concurrency, int ratePerSecond, int batchSize, int maxAttempts,
                                 Duration retryBase, Duration senderLease, Duration alertMaxAge, int digestHour,
                                 DayOfWeek digestDay, boolean runSender) {

  public NewsletterSettings {
    requireNonNull(fromAddress, "fromAddress");
    requireNonNull(fromName, "fromName");
    requireNonNull(replyTo, "replyTo");
    requireNonNull(unsubscribeMailbox, "unsubscribeMailbox");
    requireNonNull(retryBase, "retryBase");
    requireNonNull(senderLease, "senderLease");
    requireNonNull(alertMaxAge, "alertMaxAge");
    requireNonNull(digestDay, "digestDay");
  }

  /** Settings for tests and the defaults' shape. */
  public static NewsletterSettings of(String fromAddress) {
    return new NewsletterSettings(fromAddress, "", "", fromAddress, 4, 0, 50, 8, Duration.ofMinutes(1),
        Duration.ofSeconds(60), Duration.ofHours(48), 8, DayOfWeek.MONDAY, true);
  }

  public NewsletterSettings withConcurrency(int value) {
    return new NewsletterSettings(fromAddress, fromName, replyTo, unsubscribeMailbox, value, ratePerSecond, batchSize,
        maxAttempts, retryBase, senderLease, alertMaxAge, digestHour, digestDay, runSender);
  }

  public NewsletterSettings withBatchSize(int value) {
    return new NewsletterSettings(fromAddress, fromName, replyTo, unsubscribeMailbox, concurrency, ratePerSecond, value,
        maxAttempts, retryBase, senderLease, alertMaxAge, digestHour, digestDay, runSender);
  }

  public NewsletterSettings withMaxAttempts(int value) {
    return new NewsletterSettings(fromAddress, fromName, replyTo, unsubscribeMailbox, concurrency, ratePerSecond, batchSize,
        value, retryBase, senderLease, alertMaxAge, digestHour, digestDay, runSender);
  }
}
