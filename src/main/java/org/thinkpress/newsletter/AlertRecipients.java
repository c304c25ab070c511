package org.thinkpress.newsletter;

import java.util.Collection;
import java.util.List;
import org.jdbi.v3.core.Handle;

/**
 * The SQL of who has had which alert ({@code alert_recipients}): one row per (alert key,
 * subscriber), ever. An alert send first claims its recipients here, {@code ON CONFLICT DO
 * NOTHING}, and then queues outbox rows for exactly those it claimed; so a subscriber on two alert
 * lists, a piece republished, a translation published later, or two nodes at once never reach
 * anyone twice. Every method runs on the caller's transaction.
 */
final class AlertRecipients {

  private AlertRecipients() {}

  /** The key under which a piece's alert is had: its translation group's, or its own. */
  static String key(long publicationId, String translationGroup) {
    return translationGroup != null ? "group:" + translationGroup : "piece:" + publicationId;
  }

  /**
   * Claims for the send every subscriber of the segment (confirmed, not suppressed, on the list,
   * with matching interests; see {@link OutboxStore#SEGMENT}) who has not had this alert yet;
   * returns how many.
   */
  static int claim(Handle handle, long sendId, String alertKey, String listKey, Collection<Long> topicIds,
                   Collection<Long> regionIds) {
    return OutboxStore.segment(handle.createUpdate("INSERT INTO alert_recipients (alert_key, subscriber_id, send_id)"
            + " SELECT :key, s.id, :send" + OutboxStore.SEGMENT + " ON CONFLICT (alert_key, subscriber_id) DO NOTHING"),
            List.of(listKey), topicIds, regionIds, false)
        .bind("key", alertKey).bind("send", sendId)
        .execute();
  }

  /**
   * Queues one outbox row for each subscriber the send claimed, naming in its items the version
   * their language preference gets; returns how many.
   */
  static int queue(Handle handle, long sendId, Versions versions, long now) {
    List<String> languages = handle.createQuery("SELECT DISTINCT s.language FROM alert_recipients r"
            + " JOIN subscribers s ON s.id = r.subscriber_id WHERE r.send_id = :send ORDER BY s.language")
        .bind("send", sendId).mapTo(String.class).list();
    if (languages.isEmpty()) {
      return 0; // nobody claimed: everyone on the list had it, or nobody matches
    }
    StringBuilder version = new StringBuilder("CASE");
    for (int i = 0; i < languages.size(); i++) {
      version.append(" WHEN s.language = :language").append(i).append(" THEN :version").append(i);
    }
    version.append(" ELSE '' END");
    var insert = handle.createUpdate("INSERT INTO outbox (send_id, subscriber_id, status, items, next_attempt_at,"
            + " changed_at) SELECT :send, r.subscriber_id, 'queued', " + version + ", :now, :now"
            + " FROM alert_recipients r JOIN subscribers s ON s.id = r.subscriber_id WHERE r.send_id = :send")
        .bind("send", sendId).bind("now", now);
    for (int i = 0; i < languages.size(); i++) {
      insert.bind("language" + i, languages.get(i))
          .bind("version" + i, Long.toString(versions.forLanguage(languages.get(i)).id()));
    }
    return insert.execute();
  }
}
