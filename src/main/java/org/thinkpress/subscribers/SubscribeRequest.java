package org.thinkpress.subscribers;

import java.util.List;

/**
 * What a reader asks for on a sign-up form, as typed: {@link SubscriberService#subscribe} checks it.
 *
 * @param email the address as typed
 * @param name an optional name, empty for none
 * @param language the language of the page they subscribed on, or the one they chose: their
 *     language preference; not a language tag means the site's
 * @param lists list keys; empty means the first configured list (the footer form)
 * @param topics topic slugs
 * @param regions region slugs
 * @param everything every topic and region; what it means when no topic or region is chosen
 *     (chosen ones win over it)
 * @param consent how they agreed, recorded with the subscription (form, page, time)
 */
public record SubscribeRequest(String email, String name, String language, List<String> lists, List<String> topics,
                               List<String> regions, boolean everything, String consent) {

  public SubscribeRequest {
    name = name == null ? "" : name;
    lists = lists == null ? List.of() : List.copyOf(lists);
    topics = topics == null ? List.of() : List.copyOf(topics);
    regions = regions == null ? List.of() : List.copyOf(regions);
    consent = consent == null ? "" : consent;
  }
}
