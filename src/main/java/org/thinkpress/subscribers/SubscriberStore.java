package org.thinkpress.subscribers;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.Query;
import org.thinkpress.accounts.Tokens;

/** The SQL of subscribers, their lists and interests; every method runs on the caller's handle. */
final class SubscriberStore {

  private static final String COLUMNS = "s.id, s.email, s.name, s.language, s.status, s.everything, s.consent,"
      + " s.consent_at, s.created_at, s.confirmed_at, s.unsubscribed_at, s.unsubscribe_reason";

  /** What a new or renewed subscription writes. */
  record Choices(String name, String language, boolean everything, Collection<String> lists,
                 Collection<Long> topicIds, Collection<Long> regionIds) {}

  /**
   * The record of a subscriber's consent and of their leaving, as a new row stores it (times in
   * epoch millis; {@code null} where not known or not applicable).
   */
  record History(String consent, Long consentAt, long createdAt, Long confirmedAt, Long unsubscribedAt,
                 String unsubscribeReason) {

    /** A sign-up made now: consent given now, nothing confirmed yet. */
    static History signUp(String consent, long now) {
      return new History(consent, now, now, null, null, null);
    }
  }

  /** An address on the suppression list: why and since when. */
  record Suppression(String reason, Instant at) {}

  Optional<Subscriber> findByEmail(Handle handle, String email) {
    return one(handle, "s.email = :value", email);
  }

  Optional<Subscriber> find(Handle handle, long id) {
    return one(handle, "s.id = :value", id);
  }

  private Optional<Subscriber> one(Handle handle, String condition, Object value) {
    List<Subscriber> found = load(handle, handle.createQuery("SELECT " + COLUMNS + " FROM subscribers s WHERE " + condition)
        .bind("value", value));
    return found.stream().findFirst();
  }

  /** Subscribers of a query selecting {@link #COLUMNS}, with their lists and interests attached. */
  List<Subscriber> load(Handle handle, Query query) {
    List<Row> rows = query.map((rs, ctx) -> Row.of(rs)).list();
    if (rows.isEmpty()) {
      return List.of();
    }
    List<Long> ids = rows.stream().map(Row::id).toList();
    Map<Long, Set<String>> lists = new HashMap<>();
    Map<Long, Set<Long>> topics = new HashMap<>();
    Map<Long, Set<Long>> regions = new HashMap<>();
    handle.createQuery("SELECT subscriber_id, list_key FROM subscriber_lists WHERE subscriber_id IN (<ids>)")
        .bindList("ids", ids)
        .map((rs, ctx) -> lists.computeIfAbsent(rs.getLong(1), k -> new TreeSet<>()).add(rs.getString(2))).list();
    handle.createQuery("SELECT subscriber_id, topic_id FROM subscriber_topics WHERE subscriber_id IN (<ids>)")
        .bindList("ids", ids)
        .map((rs, ctx) -> topics.computeIfAbsent(rs.getLong(1), k -> new HashSet<>()).add(rs.getLong(2))).list();
    handle.createQuery("SELECT subscriber_id, region_id FROM subscriber_regions WHERE subscriber_id IN (<ids>)")
        .bindList("ids", ids)
        .map((rs, ctx) -> regions.computeIfAbsent(rs.getLong(1), k -> new HashSet<>()).add(rs.getLong(2))).list();
    List<Subscriber> subscribers = new ArrayList<>(rows.size());
    for (Row row : rows) {
      subscribers.add(new Subscriber(row.id, row.email, row.name, row.language, row.status, row.everything,
          new TreeSet<>(lists.getOrDefault(row.id, Set.of())), topics.getOrDefault(row.id, Set.of()),
          regions.getOrDefault(row.id, Set.of()), row.consent, row.consentAt, row.createdAt, row.confirmedAt,
          row.unsubscribedAt, row.unsubscribeReason));
    }
    return subscribers;
  }

  private record Row(long id, String email, String name, String language, SubscriberStatus status, boolean everything,
                     String consent, Instant consentAt, Instant createdAt, Instant confirmedAt, Instant unsubscribedAt,
                     String unsubscribeReason) {
    static Row of(ResultSet rs) throws SQLException {
      return new Row(rs.getLong("id"), rs.getString("email"), rs.getString("name"), rs.getString("language"),
          SubscriberStatus.ofKey(rs.getString("status")), rs.getBoolean("everything"), rs.getString("consent"),
          instant(rs, "consent_at"), Instant.ofEpochMilli(rs.getLong("created_at")), instant(rs, "confirmed_at"),
          instant(rs, "unsubscribed_at"), rs.getString("unsubscribe_reason"));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
      long value = rs.getLong(column);
      return rs.wasNull() ? null : Instant.ofEpochMilli(value);
    }
  }

  long insert(Handle handle, String email, SubscriberStatus status, Choices choices, History history, long now) {
    long id = handle.createQuery("INSERT INTO subscribers (email, name, language, status, everything, consent,"
            + " consent_at, created_at, confirmed_at, unsubscribed_at, unsubscribe_reason, changed_at) VALUES (:email,"
            + " :name, :language, :status, :everything, :consent, :consentAt, :created, :confirmed, :unsubscribed,"
            + " :reason, :now) RETURNING id")
        .bind("email", email).bind("name", choices.name()).bind("language", choices.language())
        .bind("status", status.key()).bind("everything", choices.everything()).bind("consent", history.consent())
        .bind("consentAt", history.consentAt()).bind("created", history.createdAt())
        .bind("confirmed", history.confirmedAt()).bind("unsubscribed", history.unsubscribedAt())
        .bind("reason", history.unsubscribeReason()).bind("now", now)
        .mapTo(Long.class).one();
    replaceChoices(handle, id, choices);
    return id;
  }

  /** Records a new consent (a new sign-up, or an import's consent column) and the language asked for. */
  void recordConsent(Handle handle, long id, String consent, Long consentAt, String language) {
    handle.createUpdate("UPDATE subscribers SET consent = :consent, consent_at = :at, language = :language WHERE id = :id")
        .bind("consent", consent).bind("at", consentAt).bind("language", language).bind("id", id).execute();
  }

  void setLanguage(Handle handle, long id, String language) {
    handle.createUpdate("UPDATE subscribers SET language = :language WHERE id = :id")
        .bind("language", language).bind("id", id).execute();
  }

  /** Replaces a subscriber's name, lists and interests. */
  void replaceChoices(Handle handle, long id, Choices choices) {
    handle.createUpdate("UPDATE subscribers SET name = :name, everything = :everything WHERE id = :id")
        .bind("name", choices.name()).bind("everything", choices.everything()).bind("id", id).execute();
    replace(handle, id, "subscriber_lists", "list_key", new TreeSet<>(choices.lists()));
    replace(handle, id, "subscriber_topics", "topic_id", new TreeSet<>(choices.topicIds()));
    replace(handle, id, "subscriber_regions", "region_id", new TreeSet<>(choices.regionIds()));
  }

  private static void replace(Handle handle, long id, String table, String column, Collection<?> values) {
    handle.createUpdate("DELETE FROM " + table + " WHERE subscriber_id = :id").bind("id", id).execute();
    if (values.isEmpty()) {
      return;
    }
    var batch = handle.prepareBatch("INSERT INTO " + table + " (subscriber_id, " + column + ") VALUES (:id, :value)");
    for (Object value : values) {
      batch.bind("id", id).bind("value", value).add();
    }
    batch.execute();
  }

  /**
   * Moves a subscriber to pending, confirmed or paused ({@link #unsubscribe} records leaving).
   * Confirming sets the confirmation time once; pending, confirmed or paused, they have not left,
   * so an earlier unsubscription's record goes.
   */
  void setStatus(Handle handle, long id, SubscriberStatus status, long now) {
    if (status == SubscriberStatus.UNSUBSCRIBED) {
      throw new IllegalArgumentException("use unsubscribe, which records how and when");
    }
    handle.createUpdate("UPDATE subscribers SET status = :status, changed_at = :now,"
            + " confirmed_at = COALESCE(confirmed_at, :confirmed), unsubscribed_at = NULL, unsubscribe_reason = NULL"
            + " WHERE id = :id")
        .bind("status", status.key()).bind("now", now).bind("id", id)
        .bind("confirmed", status == SubscriberStatus.CONFIRMED ? (Long) now : null).execute();
  }

  /**
   * Confirms (or pauses) a pending subscriber on an import's word: a row recording their consent
   * and confirmation. Their confirmation link, if one is live, is used up.
   */
  void confirmImported(Handle handle, long id, SubscriberStatus status, long confirmedAt, long now) {
    handle.createUpdate("UPDATE subscribers SET status = :status, confirmed_at = COALESCE(confirmed_at, :confirmed),"
            + " confirm_nonce = NULL, confirm_expires_at = NULL, changed_at = :now WHERE id = :id")
        .bind("status", status.key()).bind("confirmed", confirmedAt).bind("now", now).bind("id", id).execute();
  }

  /** Records that a subscriber left: since {@code at}, and how ({@code reason}, at most 200 characters). */
  void unsubscribe(Handle handle, long id, String reason, long at, long now) {
    handle.createUpdate("UPDATE subscribers SET status = 'unsubscribed', changed_at = :now, unsubscribed_at = :at,"
            + " unsubscribe_reason = :reason WHERE id = :id")
        .bind("now", now).bind("at", at).bind("reason", reason.length() > 200 ? reason.substring(0, 200) : reason)
        .bind("id", id).execute();
  }

  /** Makes a new confirmation link live (the old one stops working) and records when it was sent. */
  void renewConfirmation(Handle handle, long id, String nonce, long expiresAt, long now) {
    handle.createUpdate("UPDATE subscribers SET confirm_nonce = :nonce, confirm_expires_at = :expires,"
            + " confirm_sent_at = :now, changed_at = :now WHERE id = :id")
        .bind("nonce", nonce).bind("expires", expiresAt).bind("now", now).bind("id", id).execute();
  }

  /** Records that a message was queued for a subscriber who is already confirmed (no new link). */
  void markConfirmationSent(Handle handle, long id, long now) {
    handle.createUpdate("UPDATE subscribers SET confirm_sent_at = :now WHERE id = :id")
        .bind("now", now).bind("id", id).execute();
  }

  /** When the last confirmation message was queued, if ever. */
  Optional<Long> confirmationSentAt(Handle handle, long id) {
    return handle.createQuery("SELECT confirm_sent_at FROM subscribers WHERE id = :id")
        .bind("id", id).mapTo(Long.class).findOne();
  }

  /** A subscriber's live confirmation link: the nonce its token carries, and when it expires. */
  record LiveConfirmation(String nonce, Instant expiresAt) {}

  /** The subscriber's live confirmation link, if one is live (none once confirmed). */
  Optional<LiveConfirmation> confirmation(Handle handle, long id) {
    return handle.createQuery("SELECT confirm_nonce, confirm_expires_at FROM subscribers WHERE id = :id"
            + " AND confirm_nonce IS NOT NULL")
        .bind("id", id).map((rs, ctx) -> new LiveConfirmation(rs.getString(1), Instant.ofEpochMilli(rs.getLong(2))))
        .findOne();
  }

  /**
   * Confirms when {@code nonce} is the live one, using it up; returns whether it did. One UPDATE
   * with the nonce in its condition, so that two clicks at once confirm once.
   */
  boolean confirm(Handle handle, long id, String nonce, long now) {
    return handle.createUpdate("UPDATE subscribers SET status = 'confirmed', confirmed_at = :now, changed_at = :now,"
            + " confirm_nonce = NULL, confirm_expires_at = NULL, unsubscribed_at = NULL, unsubscribe_reason = NULL"
            + " WHERE id = :id AND confirm_nonce = :nonce")
        .bind("now", now).bind("id", id).bind("nonce", nonce).execute() == 1;
  }

  boolean isSuppressed(Handle handle, String email) {
    return handle.createQuery("SELECT COUNT(*) FROM suppressions WHERE email = :email")
        .bind("email", email).mapTo(Integer.class).one() > 0;
  }

  Optional<String> suppressionReason(Handle handle, String email) {
    return handle.createQuery("SELECT reason FROM suppressions WHERE email = :email")
        .bind("email", email).mapTo(String.class).findOne();
  }

  void suppress(Handle handle, String email, String reason, long now) {
    handle.createUpdate("INSERT INTO suppressions (email, reason, created_at) VALUES (:email, :reason, :now)"
            + " ON CONFLICT (email) DO NOTHING")
        .bind("email", email).bind("reason", reason.length() > 500 ? reason.substring(0, 500) : reason)
        .bind("now", now).execute();
  }

  /** The suppressions of these addresses, by address. */
  Map<String, Suppression> suppressions(Handle handle, Collection<String> emails) {
    Map<String, Suppression> found = new HashMap<>();
    if (emails.isEmpty()) {
      return found;
    }
    handle.createQuery("SELECT email, reason, created_at FROM suppressions WHERE email IN (<emails>)")
        .bindList("emails", List.copyOf(emails))
        .map((rs, ctx) -> found.put(rs.getString(1), new Suppression(rs.getString(2), Instant.ofEpochMilli(rs.getLong(3)))))
        .list();
    return found;
  }

  /**
   * Deletes the subscriber and everything that refers to them; returns whether they existed. What
   * stays is the SHA-256 of the address in {@code erased_addresses}: it names nobody, but an
   * import of an old list can tell that this address asked to be forgotten ({@link #wasErased}).
   */
  boolean erase(Handle handle, long id, String email, long now) {
    handle.createUpdate("DELETE FROM suppressions WHERE email = :email").bind("email", email).execute();
    handle.createUpdate("INSERT INTO erased_addresses (address_hash, erased_at) VALUES (:hash, :now)"
            + " ON CONFLICT (address_hash) DO NOTHING")
        .bind("hash", Tokens.sha256(email)).bind("now", now).execute();
    // lists, interests and outbox rows go with the row (ON DELETE CASCADE)
    return handle.createUpdate("DELETE FROM subscribers WHERE id = :id").bind("id", id).execute() == 1;
  }

  /** Whether this (normalized) address was erased on request. */
  boolean wasErased(Handle handle, String email) {
    return handle.createQuery("SELECT COUNT(*) FROM erased_addresses WHERE address_hash = :hash")
        .bind("hash", Tokens.sha256(email)).mapTo(Integer.class).one() > 0;
  }

  /** Subscribers matching a search, newest first. */
  List<Subscriber> search(Handle handle, SubscriberQuery query) {
    Where where = Where.of(query);
    return load(handle, where.bind(handle.createQuery("SELECT " + COLUMNS + " FROM subscribers s WHERE " + where.sql
            + " ORDER BY s.id DESC LIMIT :limit OFFSET :offset"))
        .bind("limit", query.pageSize()).bind("offset", (long) (query.page() - 1) * query.pageSize()));
  }

  long count(Handle handle, SubscriberQuery query) {
    Where where = Where.of(query);
    return where.bind(handle.createQuery("SELECT COUNT(*) FROM subscribers s WHERE " + where.sql)).mapTo(Long.class).one();
  }

  private record Where(String sql, Map<String, Object> values) {
    static Where of(SubscriberQuery query) {
      StringBuilder sql = new StringBuilder("1 = 1");
      Map<String, Object> values = new LinkedHashMap<>();
      if (!query.text().isBlank()) {
        // '!' escapes LIKE's wildcards: a backslash would confuse the SQL parser of JDBI
        sql.append(" AND (s.email LIKE :text ESCAPE '!' OR LOWER(s.name) LIKE :text ESCAPE '!')");
        values.put("text", "%" + query.text().strip().toLowerCase(java.util.Locale.ROOT)
            .replace("!", "!!").replace("%", "!%").replace("_", "!_") + "%");
      }
      if (query.status() != null) {
        sql.append(" AND s.status = :status");
        values.put("status", query.status().key());
      }
      if (query.list() != null) {
        sql.append(" AND s.id IN (SELECT subscriber_id FROM subscriber_lists WHERE list_key = :list)");
        values.put("list", query.list());
      }
      if (query.topicId() != null) {
        sql.append(" AND s.id IN (SELECT subscriber_id FROM subscriber_topics WHERE topic_id = :topic)");
        values.put("topic", query.topicId());
      }
      if (query.regionId() != null) {
        sql.append(" AND s.id IN (SELECT subscriber_id FROM subscriber_regions WHERE region_id = :region)");
        values.put("region", query.regionId());
      }
      return new Where(sql.toString(), values);
    }

    Query bind(Query query) {
      values.forEach(query::bind);
      return query;
    }
  }

  /** Counts by status, by list, by topic and by region (the last three of confirmed subscribers only). */
  SubscriberCounts counts(Handle handle) {
    Map<String, Long> byStatus = new LinkedHashMap<>();
    for (SubscriberStatus status : SubscriberStatus.values()) {
      byStatus.put(status.key(), 0L);
    }
    handle.createQuery("SELECT status, COUNT(*) FROM subscribers GROUP BY status")
        .map((rs, ctx) -> byStatus.put(rs.getString(1), rs.getLong(2))).list();
    Map<String, Long> byList = grouped(handle, "SELECT l.list_key, COUNT(*) FROM subscriber_lists l"
        + " JOIN subscribers s ON s.id = l.subscriber_id WHERE s.status = 'confirmed' GROUP BY l.list_key");
    Map<Long, Long> byTopic = groupedIds(handle, "SELECT t.topic_id, COUNT(*) FROM subscriber_topics t"
        + " JOIN subscribers s ON s.id = t.subscriber_id WHERE s.status = 'confirmed' GROUP BY t.topic_id");
    Map<Long, Long> byRegion = groupedIds(handle, "SELECT r.region_id, COUNT(*) FROM subscriber_regions r"
        + " JOIN subscribers s ON s.id = r.subscriber_id WHERE s.status = 'confirmed' GROUP BY r.region_id");
    long everything = handle.createQuery("SELECT COUNT(*) FROM subscribers WHERE status = 'confirmed' AND everything = TRUE")
        .mapTo(Long.class).one();
    long suppressed = handle.createQuery("SELECT COUNT(*) FROM suppressions").mapTo(Long.class).one();
    return new SubscriberCounts(byStatus, byList, byTopic, byRegion, everything, suppressed);
  }

  private static Map<String, Long> grouped(Handle handle, String sql) {
    Map<String, Long> counts = new LinkedHashMap<>();
    handle.createQuery(sql).map((rs, ctx) -> counts.put(rs.getString(1), rs.getLong(2))).list();
    return counts;
  }

  private static Map<Long, Long> groupedIds(Handle handle, String sql) {
    Map<Long, Long> counts = new LinkedHashMap<>();
    handle.createQuery(sql).map((rs, ctx) -> counts.put(rs.getLong(1), rs.getLong(2))).list();
    return counts;
  }

  /** Every subscriber in id order, with their suppression if any, in pages, for export. */
  void forEach(Handle handle, java.util.function.BiConsumer<Subscriber, Suppression> action) {
    long after = 0;
    while (true) {
      List<Subscriber> page = load(handle, handle.createQuery("SELECT " + COLUMNS
              + " FROM subscribers s WHERE s.id > :after ORDER BY s.id LIMIT 1000").bind("after", after));
      if (page.isEmpty()) {
        return;
      }
      Map<String, Suppression> suppressed = suppressions(handle, page.stream().map(Subscriber::email).toList());
      page.forEach(s -> action.accept(s, suppressed.get(s.email())));
      after = page.get(page.size() - 1).id();
    }
  }
}
