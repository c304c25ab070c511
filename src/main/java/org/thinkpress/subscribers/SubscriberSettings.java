package org.thinkpress.subscribers;

import static java.util.Objects.requireNonNull;

import java.time.Duration;

/**
 * How sign-up behaves.
 *
 * @param lists the lists readers may choose
 * @param confirmLinkLifetime how long a confirmation link works
 * @param perAddressPerHour the most sign-up requests one address may cause in an hour (more are
 *     answered the same way but send nothing)
 * @param perNetworkPer10Minutes the most sign-up requests from one network (an IPv4 /24, an IPv6
 *     /56) in ten minutes; more are refused with 429, by the server before the sign-up route runs
 * @param language the language of imported subscribers who have none, and of the sign-up pages
 */
public record SubscriberSettings(MailingLists lists, Duration confirmLinkLifetime, int perAddressPerHour,
                                 int perNetworkPer10Minutes, String language) {

  public SubscriberSettings {
    requireNonNull(lists, "lists");
    requireNonNull(confirmLinkLifetime, "confirmLinkLifetime");
    requireNonNull(language, "language");
  }

  public static SubscriberSettings defaults() {
    return new SubscriberSettings(MailingLists.parse(MailingLists.DEFAULT), Duration.ofHours(72), 3, 30, "en");
  }
}
