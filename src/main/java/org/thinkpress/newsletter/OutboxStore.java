package org.thinkpress.newsletter;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.thinkpress.storage.Dialect;

/**
 * The SQL of sends and the outbox. Claims take {@code FOR UPDATE SKIP LOCKED} where the database
 * has it (PostgreSQL), so that senders on several nodes never claim the same row; on SQLite one
 * sender runs per database and write transactions are serialised anyway.
 */
final class OutboxStore {

  static final String SEND_COLUMNS = "id, send_key, kind, list_key, subject, publication_id, campaign_id, period_start,"
      + " period_end, created_at";

  private final Jdbi jdbi;
  private final Dialect dialect;
  /**
   * On SQLite the sender's writes take turns here rather than in SQLite's busy handler, which
   * sleeps between retries and, with several workers, spends more time asleep than writing.
   * PostgreSQL needs no such thing.
   */
  private final java.util.concurrent.locks.ReentrantLock sqliteWrites;

  OutboxStore(Jdbi jdbi, Dialect dialect) {
    this.jdbi = jdbi;
    this.dialect = dialect;
    this.sqliteWrites = dialect == Dialect.SQLITE ? new java.util.concurrent.locks.ReentrantLock() : null;
  }

  private <T> T write(java.util.function.Supplier<T> work) {
    if (sqliteWrites == null) {
      return work.get();
    }
    sqliteWrites.lock();
    try {
      return work.get();
    } finally {
      sqliteWrites.unlock();
    }
  }

  Jdbi jdbi() {
    return jdbi;
  }

  Dialect dialect() {
    return dialect;
  }

  // --- sends ---------------------------------------------------------------------------------

  /** Creates a send unless one with its key exists; returns the new id, or empty when it existed. */
  Optional<Long> createSend(Handle handle, String key, Send.Kind kind, String listKey, String subject, Long publicationId,
                            Long campaignId, Instant periodStart, Instant periodEnd, long now) {
    return handle.createQuery("INSERT INTO sends (send_key, kind, list_key, subject, publication_id, campaign_id,"
            + " period_start, period_end, created_at) VALUES (:key, :kind, :list, :subject, :publication, :campaign,"
            + " :start, :end, :now) ON CONFLICT (send_key) DO NOTHING RETURNING id")
        .bind("key", key).bind("kind", kind.key()).bind("list", listKey).bind("subject", subject)
        .bind("publication", publicationId).bind("campaign", campaignId)
        .bind("start", periodStart == null ? null : periodStart.toEpochMilli())
        .bind("end", periodEnd == null ? null : periodEnd.toEpochMilli()).bind("now", now)
        .mapTo(Long.class).findOne();
  }

  boolean sendExists(Handle handle, String key) {
    return handle.createQuery("SELECT COUNT(*) FROM sends WHERE send_key = :key").bind("key", key)
        .mapTo(Integer.class).one() > 0;
  }

  Optional<Send> findSend(long id) {
    return jdbi.withHandle(handle -> handle.createQuery("SELECT " + SEND_COLUMNS + " FROM sends WHERE id = :id")
        .bind("id", id).map((rs, ctx) -> send(rs)).findOne());
  }

  Optional<Send> findSend(String key) {
    return jdbi.withHandle(handle -> handle.createQuery("SELECT " + SEND_COLUMNS + " FROM sends WHERE send_key = :key")
        .bind("key", key).map((rs, ctx) -> send(rs)).findOne());
  }

  /** The newest sends first, confirmations left out. */
  List<Send> sends(int limit) {
    return jdbi.withHandle(handle -> handle.createQuery("SELECT " + SEND_COLUMNS + " FROM sends"
            + " WHERE kind <> 'confirmation' ORDER BY id DESC LIMIT :limit")
        .bind("limit", limit).map((rs, ctx) -> send(rs)).list());
  }

  static Send send(ResultSet rs) throws SQLException {
    return new Send(rs.getLong("id"), rs.getString("send_key"), Send.Kind.ofKey(rs.getString("kind")),
        rs.getString("list_key"), rs.getString("subject"), nullableLong(rs, "publication_id"),
        nullableLong(rs, "campaign_id"), instant(rs, "period_start"), instant(rs, "period_end"),
        Instant.ofEpochMilli(rs.getLong("created_at")));
  }

  private static Long nullableLong(ResultSet rs, String column) throws SQLException {
    long value = rs.getLong(column);
    return rs.wasNull() ? null : value;
  }

  private static Instant instant(ResultSet rs, String column) throws SQLException {
    Long value = nullableLong(rs, column);
    return value == null ? null : Instant.ofEpochMilli(value);
  }

  /** A batch insert of rows for one send; {@code items} may be empty strings. */
  void insertRows(Handle handle, long sendId, List<long[]> subscribers, List<String> items, long now) {
    var batch = handle.prepareBatch("INSERT INTO outbox (send_id, subscriber_id, status, items, next_attempt_at,"
        + " changed_at) VALUES (:send, :subscriber, 'queued', :items, :now, :now)");
    for (int i = 0; i < subscribers.size(); i++) {
      batch.bind("send", sendId).bind("subscriber", subscribers.get(i)[0]).bind("items", items.get(i)).bind("now", now).add();
    }
    if (!subscribers.isEmpty()) {
      batch.execute();
    }
  }

  /**
   * The subscribers of a segment: confirmed, unsuppressed, on any of {@code <lists>}, and either
   * wanting everything, or interested in any of {@code <topics>} or {@code <regions>}; with
   * {@code :any}, every subscriber of the lists. Shared by {@link #insertSegment} and
   * {@link #countSegment}, so that the count shown before a campaign is what the send queues.
   */
  static final String SEGMENT = " FROM subscribers s WHERE s.status = 'confirmed'"
      + " AND s.email NOT IN (SELECT email FROM suppressions)"
      + " AND s.id IN (SELECT subscriber_id FROM subscriber_lists WHERE list_key IN (<lists>))"
      + " AND (:any = TRUE OR s.everything = TRUE"
      + " OR s.id IN (SELECT subscriber_id FROM subscriber_topics WHERE topic_id IN (<topics>))"
      + " OR s.id IN (SELECT subscriber_id FROM subscriber_regions WHERE region_id IN (<regions>)))";

  /**
   * Adds a row for every subscriber of the segment (see {@link #SEGMENT}): any of {@code lists},
   * interests matching everything, any of {@code topicIds}, any of {@code regionIds}; with
   * {@code anyInterest}, every subscriber of the lists. Returns how many rows.
   */
  int insertSegment(Handle handle, long sendId, List<String> lists, java.util.Collection<Long> topicIds,
                    java.util.Collection<Long> regionIds, boolean anyInterest, long now) {
    return segment(handle.createUpdate("INSERT INTO outbox (send_id, subscriber_id, status, next_attempt_at, changed_at)"
            + " SELECT :send, s.id, 'queued', :now, :now" + SEGMENT), lists, topicIds, regionIds, anyInterest)
        .bind("send", sendId).bind("now", now)
        .execute();
  }

  /** How many rows {@link #insertSegment} would add now for the same segment. */
  long countSegment(Handle handle, List<String> lists, java.util.Collection<Long> topicIds,
                    java.util.Collection<Long> regionIds, boolean anyInterest) {
    return segment(handle.createQuery("SELECT COUNT(*)" + SEGMENT), lists, topicIds, regionIds, anyInterest)
        .mapTo(Long.class).one();
  }

  static <S extends org.jdbi.v3.core.statement.SqlStatement<S>> S segment(S statement, List<String> lists,
      java.util.Collection<Long> topicIds, java.util.Collection<Long> regionIds, boolean anyInterest) {
    List<Long> topics = topicIds.isEmpty() ? List.of(-1L) : List.copyOf(topicIds);
    List<Long> regions = regionIds.isEmpty() ? List.of(-1L) : List.copyOf(regionIds);
    return statement.bind("any", anyInterest).bindList("lists", lists).bindList("topics", topics)
        .bindList("regions", regions);
  }

  // --- progress and admin --------------------------------------------------------------------

  SendProgress progress(Send send) {
    return jdbi.withHandle(handle -> {
      Map<String, Long> counts = new java.util.HashMap<>();
      handle.createQuery("SELECT status, COUNT(*) FROM outbox WHERE send_id = :send GROUP BY status")
          .bind("send", send.id()).map((rs, ctx) -> counts.put(rs.getString(1), rs.getLong(2))).list();
      long[] extra = handle.createQuery("SELECT COALESCE(SUM(CASE WHEN status = 'queued' AND attempts > 0 THEN 1 ELSE 0 END), 0),"
              + " COALESCE(SUM(uncertain), 0) FROM outbox WHERE send_id = :send")
          .bind("send", send.id()).map((rs, ctx) -> new long[] {rs.getLong(1), rs.getLong(2)}).one();
      long total = counts.values().stream().mapToLong(Long::longValue).sum();
      return new SendProgress(send, total, counts.getOrDefault("queued", 0L) + counts.getOrDefault("claimed", 0L),
          extra[0], counts.getOrDefault("submitting", 0L), counts.getOrDefault("submitted", 0L),
          counts.getOrDefault("failed", 0L), counts.getOrDefault("suppressed", 0L), counts.getOrDefault("cancelled", 0L),
          extra[1]);
    });
  }

  /**
   * Queues a send's failed rows again, but never for a subscriber who unsubscribed since or whose
   * address is suppressed (their rows stay failed); returns how many.
   */
  int retryFailed(long sendId, long now) {
    return jdbi.withHandle(handle -> handle.createUpdate("UPDATE outbox SET status = 'queued', attempts = 0,"
            + " next_attempt_at = :now, last_error = NULL, changed_at = :now WHERE send_id = :send AND status = 'failed'"
            + " AND subscriber_id IN (SELECT id FROM subscribers WHERE status <> 'unsubscribed'"
            + " AND email NOT IN (SELECT email FROM suppressions))")
        .bind("send", sendId).bind("now", now).execute());
  }

  /** The failures of a send, for the admin: who, attempts and the last error. */
  List<SendFailure> failures(long sendId, int limit) {
    return jdbi.withHandle(handle -> handle.createQuery("SELECT s.id, s.email, o.attempts, o.last_error FROM outbox o"
            + " JOIN subscribers s ON s.id = o.subscriber_id WHERE o.send_id = :send AND o.status = 'failed'"
            + " ORDER BY o.id LIMIT :limit")
        .bind("send", sendId).bind("limit", limit)
        .map((rs, ctx) -> new SendFailure(rs.getLong(1), rs.getString(2), rs.getInt(3), rs.getString(4))).list());
  }

  int cancelQueued(Handle handle, long subscriberId, long now) {
    return handle.createUpdate("UPDATE outbox SET status = 'cancelled', claimed_by = NULL, changed_at = :now"
            + " WHERE subscriber_id = :subscriber AND status IN ('queued', 'claimed')")
        .bind("subscriber", subscriberId).bind("now", now).execute();
  }

  /** Queues (or queues again, as a new generation) the confirmation row of a subscriber. */
  void queueConfirmation(Handle handle, long sendId, long subscriberId, long now) {
    handle.createUpdate("INSERT INTO outbox (send_id, subscriber_id, status, next_attempt_at, changed_at)"
            + " VALUES (:send, :subscriber, 'queued', :now, :now)"
            + " ON CONFLICT (send_id, subscriber_id) DO UPDATE SET status = 'queued', generation = outbox.generation + 1,"
            + " attempts = 0, next_attempt_at = :now, last_error = NULL, claimed_by = NULL, changed_at = :now"
            + " WHERE outbox.status NOT IN ('claimed', 'submitting')")
        .bind("send", sendId).bind("subscriber", subscriberId).bind("now", now).execute();
  }

  // --- the sender's side ---------------------------------------------------------------------

  void register(String senderId, String host, long now) {
    jdbi.useHandle(handle -> handle.createUpdate("INSERT INTO newsletter_senders (id, host, started_at, heartbeat_at)"
            + " VALUES (:id, :host, :now, :now)")
        .bind("id", senderId).bind("host", host).bind("now", now).execute());
  }

  void heartbeat(String senderId, long now) {
    jdbi.useHandle(handle -> handle.createUpdate("UPDATE newsletter_senders SET heartbeat_at = :now WHERE id = :id")
        .bind("id", senderId).bind("now", now).execute());
  }

  void unregister(String senderId) {
    jdbi.useHandle(handle -> handle.createUpdate("DELETE FROM newsletter_senders WHERE id = :id").bind("id", senderId).execute());
  }

  /** What {@link #recover} found: rows whose outcome is unknown, and rows simply taken back. */
  record Recovery(int uncertain, int requeued) {}

  /**
   * Takes back the rows of senders that are gone: those not beating since {@code aliveSince}, or,
   * with {@code onlySender} (SQLite, where the file lock proves every other sender dead), every
   * sender but this one. Rows found submitting are counted as uncertain.
   */
  Recovery recover(String me, long aliveSince, boolean onlySender, long now) {
    String dead = onlySender ? "(claimed_by IS NULL OR claimed_by <> :me)"
        : "(claimed_by IS NULL OR claimed_by NOT IN (SELECT id FROM newsletter_senders WHERE heartbeat_at >= :alive))";
    return jdbi.inTransaction(handle -> {
      int uncertain = handle.createUpdate("UPDATE outbox SET uncertain = uncertain + 1, status = 'queued', claimed_by = NULL,"
              + " next_attempt_at = :now, changed_at = :now WHERE status = 'submitting' AND " + dead)
          .bind("me", me).bind("alive", aliveSince).bind("now", now).execute();
      int requeued = handle.createUpdate("UPDATE outbox SET status = 'queued', claimed_by = NULL, changed_at = :now"
              + " WHERE status = 'claimed' AND " + dead)
          .bind("me", me).bind("alive", aliveSince).bind("now", now).execute();
      handle.createUpdate("DELETE FROM newsletter_senders WHERE id <> :me AND (heartbeat_at < :alive OR :only = TRUE)")
          .bind("me", me).bind("alive", aliveSince).bind("only", onlySender).execute();
      return new Recovery(uncertain, requeued);
    });
  }

  /** The row of send {@code sendId} for subscriber {@code subscriberId}, whatever its status. */
  Optional<OutboxRow> findRow(long sendId, long subscriberId) {
    return jdbi.withHandle(handle -> handle.createQuery("SELECT id, send_id, subscriber_id, items, generation, attempts"
            + " FROM outbox WHERE send_id = :send AND subscriber_id = :subscriber")
        .bind("send", sendId).bind("subscriber", subscriberId)
        .map((rs, ctx) -> new OutboxRow(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getString(4), rs.getInt(5),
            rs.getInt(6)))
        .findOne());
  }

  /** Claims up to {@code limit} due rows for this sender. */
  List<OutboxRow> claim(String me, int limit, long now) {
    String lock = dialect.supportsSkipLocked() ? " FOR UPDATE SKIP LOCKED" : "";
    return write(() -> jdbi.inTransaction(handle -> handle.createQuery("UPDATE outbox SET status = 'claimed', claimed_by = :me,"
            + " claimed_at = :now, changed_at = :now WHERE id IN (SELECT id FROM outbox WHERE status = 'queued'"
            + " AND next_attempt_at <= :now ORDER BY next_attempt_at, id LIMIT :limit" + lock + ")"
            + " RETURNING id, send_id, subscriber_id, items, generation, attempts")
        .bind("me", me).bind("now", now).bind("limit", limit)
        .map((rs, ctx) -> new OutboxRow(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getString(4), rs.getInt(5),
            rs.getInt(6)))
        .list()
        .stream().sorted(java.util.Comparator.comparingLong(OutboxRow::id)).toList()));
  }

  /** Gives back rows claimed but not started, when a sender stops. */
  int release(String me, long now) {
    return jdbi.withHandle(handle -> handle.createUpdate("UPDATE outbox SET status = 'queued', claimed_by = NULL,"
            + " changed_at = :now WHERE claimed_by = :me AND status = 'claimed'")
        .bind("me", me).bind("now", now).execute());
  }

  /** The outcome of handing one row to the transport. */
  record Outcome(long rowId, String status, String error, long nextAttemptAt, boolean suppressAddress) {}

  /** What {@link #markSubmitting} found. */
  enum Mark { SUBMITTING, NOT_ELIGIBLE, GONE }

  /**
   * In one transaction: records the previous row's outcome (if any), then marks {@code next} as
   * submitting if it is still claimed by this sender and its subscriber may still receive it.
   */
  Mark recordAndMark(String me, Outcome previous, OutboxRow next, List<String> allowedStatuses, long now) {
    return write(() -> jdbi.inTransaction(handle -> {
      if (previous != null) {
        record(handle, me, previous, now);
      }
      if (next == null) {
        return Mark.GONE;
      }
      int marked = handle.createUpdate("UPDATE outbox SET status = 'submitting', attempts = attempts + 1, changed_at = :now"
              + " WHERE id = :id AND status = 'claimed' AND claimed_by = :me AND EXISTS (SELECT 1 FROM subscribers s"
              + " WHERE s.id = outbox.subscriber_id AND s.status IN (<allowed>)"
              + " AND s.email NOT IN (SELECT email FROM suppressions))")
          .bind("id", next.id()).bind("me", me).bind("now", now).bindList("allowed", allowedStatuses).execute();
      if (marked == 1) {
        return Mark.SUBMITTING;
      }
      // Still ours but not to be sent: the subscriber left, paused or is suppressed.
      int cancelled = handle.createUpdate("UPDATE outbox SET status = CASE WHEN EXISTS (SELECT 1 FROM subscribers s"
              + " JOIN suppressions x ON x.email = s.email WHERE s.id = outbox.subscriber_id) THEN 'suppressed'"
              + " ELSE 'cancelled' END, claimed_by = NULL, changed_at = :now"
              + " WHERE id = :id AND status = 'claimed' AND claimed_by = :me")
          .bind("id", next.id()).bind("me", me).bind("now", now).execute();
      return cancelled == 1 ? Mark.NOT_ELIGIBLE : Mark.GONE;
    }));
  }

  private static void record(Handle handle, String me, Outcome outcome, long now) {
    handle.createUpdate("UPDATE outbox SET status = :status, last_error = :error, next_attempt_at = :next,"
            + " submitted_at = CASE WHEN :status = 'submitted' THEN :now ELSE submitted_at END,"
            + " claimed_by = CASE WHEN :status = 'queued' THEN NULL ELSE claimed_by END, changed_at = :now"
            + " WHERE id = :id AND status = 'submitting' AND claimed_by = :me")
        .bind("status", outcome.status()).bind("error", outcome.error()).bind("next", outcome.nextAttemptAt())
        .bind("now", now).bind("id", outcome.rowId()).bind("me", me).execute();
    if (outcome.suppressAddress()) {
      String email = handle.createQuery("SELECT s.email FROM outbox o JOIN subscribers s ON s.id = o.subscriber_id"
              + " WHERE o.id = :id").bind("id", outcome.rowId()).mapTo(String.class).findOne().orElse(null);
      if (email != null) {
        handle.createUpdate("INSERT INTO suppressions (email, reason, created_at) VALUES (:email, :reason, :now)"
                + " ON CONFLICT (email) DO NOTHING")
            .bind("email", email).bind("reason", "hard bounce: " + outcome.error()).bind("now", now).execute();
        handle.createUpdate("UPDATE outbox SET status = 'suppressed', claimed_by = NULL, changed_at = :now"
                + " WHERE subscriber_id = (SELECT subscriber_id FROM outbox WHERE id = :id) AND status = 'queued'")
            .bind("id", outcome.rowId()).bind("now", now).execute();
      }
    }
  }

  /** A recipient as the sender needs them. */
  record Recipient(long id, String email, String name, String language, String status) {}

  java.util.Map<Long, Recipient> recipients(List<Long> ids) {
    Map<Long, Recipient> found = new java.util.HashMap<>();
    if (ids.isEmpty()) {
      return found;
    }
    jdbi.useHandle(handle -> handle.createQuery("SELECT id, email, name, language, status FROM subscribers WHERE id IN (<ids>)")
        .bindList("ids", ids)
        .map((rs, ctx) -> found.put(rs.getLong(1), new Recipient(rs.getLong(1), rs.getString(2), rs.getString(3),
            rs.getString(4), rs.getString(5))))
        .list());
    return found;
  }

  /** Rows over every send by status, for tests and the CLI. */
  Map<String, Long> countByStatus() {
    Map<String, Long> counts = new java.util.TreeMap<>();
    jdbi.useHandle(handle -> handle.createQuery("SELECT status, COUNT(*) FROM outbox GROUP BY status")
        .map((rs, ctx) -> counts.put(rs.getString(1), rs.getLong(2))).list());
    return counts;
  }

  /** How many rows are waiting (queued or claimed) over every send. */
  long waiting() {
    return jdbi.withHandle(handle -> handle.createQuery("SELECT COUNT(*) FROM outbox WHERE status IN ('queued', 'claimed',"
        + " 'submitting')").mapTo(Long.class).one());
  }

  static List<Long> parseItems(String items) {
    List<Long> ids = new ArrayList<>();
    if (items == null || items.isEmpty()) {
      return ids;
    }
    for (String part : items.split(",")) {
      ids.add(Long.parseLong(part));
    }
    return ids;
  }
}
