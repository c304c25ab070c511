package org.thinkpress.newsletter;

import static java.util.Objects.requireNonNull;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.StringJoiner;
import org.jdbi.v3.core.Handle;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.thinkpress.content.Taxonomy;
import org.thinkpress.subscribers.MailingList;

/**
 * Composes digests: for a daily or weekly list and a period, one outbox row per confirmed
 * subscriber with the period's pieces that match their interests (newest first, at most
 * {@link #MAX_ITEMS}); no row for a subscriber nothing matches. Periods end at
 * {@code newsletter.digest-hour} in the site's time zone (weekly ones on
 * {@code newsletter.digest-day}) and follow each other with no gap and no overlap; the send's key
 * ({@code digest:LIST:END}) makes a period's digest happen once.
 *
 * <p>A translated piece is listed once: each subscriber's digest has the version of its
 * translation group meant for them ({@link Versions}: their language's, else the original), and
 * only in the period when that version was published, so that a translation published later is
 * not a second entry for someone who had the piece already.
 *
 * <p>Matching runs in memory over subscribers read in id order, a page at a time, and rows are
 * written in batches, all in one transaction: a crash leaves either the whole digest queued or
 * none of it.
 */
final class Digests {

  private static final Logger log = LoggerFactory.getLogger(Digests.class);
  static final int MAX_ITEMS = 20;
  private static final int PAGE = 5000;

  private final OutboxStore outbox;
  private final SendContents contents;
  private final NewsletterSettings settings;
  private final ZoneId zone;
  private final Clock clock;

  Digests(OutboxStore outbox, SendContents contents, NewsletterSettings settings, ZoneId zone, Clock clock) {
    this.outbox = requireNonNull(outbox, "outbox");
    this.contents = requireNonNull(contents, "contents");
    this.settings = requireNonNull(settings, "settings");
    this.zone = requireNonNull(zone, "zone");
    this.clock = requireNonNull(clock, "clock");
  }

  /** The end of the latest period of {@code list} that has ended at {@code now}. */
  Instant latestPeriodEnd(MailingList list, Instant now) {
    ZonedDateTime local = now.atZone(zone);
    ZonedDateTime end = local.toLocalDate().atTime(settings.digestHour(), 0).atZone(zone);
    if (list.cadence() == MailingList.Cadence.WEEKLY) {
      LocalDate day = local.toLocalDate().with(TemporalAdjusters.previousOrSame(settings.digestDay()));
      end = day.atTime(settings.digestHour(), 0).atZone(zone);
      if (end.isAfter(local)) {
        end = end.minusWeeks(1);
      }
    } else if (end.isAfter(local)) {
      end = end.minusDays(1);
    }
    return end.toInstant();
  }

  Duration periodLength(MailingList list) {
    return list.cadence() == MailingList.Cadence.WEEKLY ? Duration.ofDays(7) : Duration.ofDays(1);
  }

  static String key(MailingList list, Instant end) {
    return "digest:" + list.key() + ":" + end;
  }

  /**
   * Composes the digest of {@code list} for the period ending at {@code end}, unless it exists.
   *
   * @return the new send's id, or empty when that period's digest was already composed
   */
  Optional<Long> compose(MailingList list, Instant end) {
    if (!list.isDigest()) {
      throw new IllegalArgumentException("list " + list.key() + " is not a digest list");
    }
    Instant start = end.minus(periodLength(list));
    Map<Long, SendContents.Piece> pieces = contents.periodPieces(start, end);
    Taxonomy taxonomy = contents.reader().taxonomy();
    List<Matcher> matchers = new ArrayList<>();
    for (SendContents.Piece piece : pieces.values()) {
      matchers.add(new Matcher(piece.id(), new HashSet<>(piece.topicIds()),
          Interests.regionsMatching(piece.regionIds(), taxonomy)));
    }
    Map<String, Versions> groups = new HashMap<>();
    contents.publishedVersions(pieces.values().stream().map(SendContents.Piece::translationGroup)
        .filter(java.util.Objects::nonNull).distinct().toList()).forEach((group, all) -> groups.put(group, Versions.of(all)));
    Shown shown = new Shown(pieces, groups);
    long now = clock.millis();
    long began = System.nanoTime();
    int[] rows = new int[1];
    Optional<Long> created = outbox.jdbi().inTransaction(handle -> {
      Optional<Long> sendId = outbox.createSend(handle, key(list, end), Send.Kind.DIGEST, list.key(), list.key(), null,
          null, start, end, now);
      if (sendId.isPresent() && !matchers.isEmpty()) {
        rows[0] = composeRows(handle, sendId.get(), list, matchers, shown, now);
      }
      return sendId;
    });
    created.ifPresent(id -> log.info("Digest of list {} for {} to {}: {} piece(s), {} message(s), composed in {} ms",
        list.key(), start, end, pieces.size(), rows[0], (System.nanoTime() - began) / 1_000_000));
    return created;
  }

  private record Matcher(long pieceId, Set<Long> topics, Set<Long> regions) {}

  /**
   * Which of the period's pieces a subscriber of a language preference is shown: every piece in
   * no translation group, and of each group the version meant for them, when it is one of the
   * period's. Worked out once per language.
   */
  private static final class Shown {
    private final Map<Long, SendContents.Piece> pieces;
    private final Map<String, Versions> groups;
    private final Map<String, Set<Long>> byLanguage = new HashMap<>();

    Shown(Map<Long, SendContents.Piece> pieces, Map<String, Versions> groups) {
      this.pieces = pieces;
      this.groups = groups;
    }

    boolean shows(String language, long pieceId) {
      return byLanguage.computeIfAbsent(language, this::compute).contains(pieceId);
    }

    private Set<Long> compute(String language) {
      Set<Long> shown = new HashSet<>();
      for (SendContents.Piece piece : pieces.values()) {
        Versions versions = piece.translationGroup() == null ? null : groups.get(piece.translationGroup());
        if (versions == null || versions.forLanguage(language).id() == piece.id()) {
          shown.add(piece.id());
        }
      }
      return shown;
    }
  }

  /** A subscriber of the list as matching needs them. */
  private record Candidate(long id, boolean everything, String language) {}

  private int composeRows(Handle handle, long sendId, MailingList list, List<Matcher> matchers, Shown shown, long now) {
    int written = 0;
    long after = 0;
    while (true) {
      List<Candidate> page = handle.createQuery("SELECT s.id, s.everything, s.language FROM subscribers s"
              + " JOIN subscriber_lists l ON l.subscriber_id = s.id AND l.list_key = :list"
              + " WHERE s.status = 'confirmed' AND s.id > :after AND s.email NOT IN (SELECT email FROM suppressions)"
              + " ORDER BY s.id LIMIT :page")
          .bind("list", list.key()).bind("after", after).bind("page", PAGE)
          .map((rs, ctx) -> new Candidate(rs.getLong(1), rs.getBoolean(2), rs.getString(3))).list();
      if (page.isEmpty()) {
        return written;
      }
      long last = page.get(page.size() - 1).id();
      Map<Long, List<Long>> topics = interests(handle, "subscriber_topics", "topic_id", after, last);
      Map<Long, List<Long>> regions = interests(handle, "subscriber_regions", "region_id", after, last);
      List<long[]> recipients = new ArrayList<>();
      List<String> items = new ArrayList<>();
      for (Candidate subscriber : page) {
        List<Long> theirTopics = topics.getOrDefault(subscriber.id(), List.of());
        List<Long> theirRegions = regions.getOrDefault(subscriber.id(), List.of());
        StringJoiner matched = new StringJoiner(",");
        int count = 0;
        for (Matcher matcher : matchers) {
          if (count == MAX_ITEMS) {
            break;
          }
          if (shown.shows(subscriber.language(), matcher.pieceId) && (subscriber.everything()
              || intersects(theirTopics, matcher.topics) || intersects(theirRegions, matcher.regions))) {
            matched.add(Long.toString(matcher.pieceId));
            count++;
          }
        }
        if (count > 0) {
          recipients.add(new long[] {subscriber.id()});
          items.add(matched.toString());
        }
      }
      outbox.insertRows(handle, sendId, recipients, items, now);
      written += recipients.size();
      after = last;
    }
  }

  private static boolean intersects(List<Long> chosen, Set<Long> wanted) {
    for (Long id : chosen) {
      if (wanted.contains(id)) {
        return true;
      }
    }
    return false;
  }

  private static Map<Long, List<Long>> interests(Handle handle, String table, String column, long after, long last) {
    Map<Long, List<Long>> interests = new HashMap<>();
    handle.createQuery("SELECT subscriber_id, " + column + " FROM " + table
            + " WHERE subscriber_id > :after AND subscriber_id <= :last")
        .bind("after", after).bind("last", last)
        .map((rs, ctx) -> interests.computeIfAbsent(rs.getLong(1), id -> new ArrayList<>()).add(rs.getLong(2)))
        .list();
    return interests;
  }
}
