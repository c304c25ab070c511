package org.thinkpress.newsletter;

import static java.util.Objects.requireNonNull;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import org.jdbi.v3.core.Handle;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.thinkpress.content.ContentChange;
import org.thinkpress.content.ContentListener;
import org.thinkpress.content.ContentReader;
import org.thinkpress.content.ContentStore;
import org.thinkpress.content.Publication;
import org.thinkpress.content.PublicationSummary;
import org.thinkpress.content.Status;
import org.thinkpress.publishing.PublishedEvents;
import org.thinkpress.subscribers.MailingList;
import org.thinkpress.subscribers.MailingLists;

/**
 * Sends the alert of a piece when it becomes published on this installation: it consumes the
 * {@linkplain PublishedEvents "became published" events} that publishing records (an editor's
 * publish, a scheduled piece coming due), each in one transaction that creates the alert's sends
 * and rows and marks the event handled. A content change is only the cue to look (off the
 * writing thread); a sweep every minute takes what another node published or a crash left.
 * Imported, restored or migrated pieces have no event, so they are never announced.
 *
 * <p>Each subscriber has a piece's alert once, ever (see {@link AlertRecipients}): a second
 * event for the piece (unpublished and published again), a subscriber on two alert lists, two
 * nodes at once send nothing more. A translated piece is one alert for its whole translation
 * group: each subscriber gets the version in their language preference, or the original (see
 * {@link Versions}), and the publication of another version later reaches only those who have not
 * had the group's alert. Only confirmed, unsuppressed subscribers are queued.
 *
 * <p>An event is dropped without an alert when it waited longer than
 * {@code newsletter.alert-max-age-hours}, or when the piece is dated that much before it was
 * published (back-dated archive material); {@code newsletter send alert SLUG} sends one anyway.
 */
final class Alerts implements ContentListener, AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(Alerts.class);

  private final OutboxStore outbox;
  private final ContentStore content;
  private final ContentReader reader;
  private final MailingLists lists;
  private final NewsletterSettings settings;
  private final Clock clock;
  private final Runnable wake;
  private final ExecutorService executor = Executors.newSingleThreadExecutor(r -> {
    Thread thread = new Thread(r, "newsletter-alerts");
    thread.setDaemon(true);
    return thread;
  });

  Alerts(OutboxStore outbox, ContentStore content, ContentReader reader, MailingLists lists, NewsletterSettings settings,
         Clock clock, Runnable wake) {
    this.outbox = requireNonNull(outbox, "outbox");
    this.content = requireNonNull(content, "content");
    this.reader = requireNonNull(reader, "reader");
    this.lists = requireNonNull(lists, "lists");
    this.settings = requireNonNull(settings, "settings");
    this.clock = requireNonNull(clock, "clock");
    this.wake = requireNonNull(wake, "wake");
  }

  /** A publication may have brought an event: look, off the writing thread. */
  @Override
  public void contentChanged(ContentChange change) {
    if (change.publicationIds().isEmpty()) {
      return;
    }
    try {
      executor.submit(() -> {
        try {
          consumePending();
        } catch (RuntimeException e) {
          log.error("Composing alerts failed; the next sweep tries again", e);
        }
      });
    } catch (RejectedExecutionException stopping) {
      // shutting down: the next start's sweep takes what is pending
    }
  }

  /**
   * Takes every pending event, oldest first, each in its own transaction; returns the sends
   * created. Safe on several threads and nodes at once.
   */
  synchronized List<Long> consumePending() {
    List<Long> created = new ArrayList<>();
    while (true) {
      Optional<List<Long>> handled;
      try {
        handled = outbox.jdbi().inTransaction(this::consumeOne);
      } catch (TakenElsewhere e) {
        continue;
      }
      if (handled.isEmpty()) {
        break;
      }
      created.addAll(handled.get());
    }
    if (!created.isEmpty()) {
      wake.run(); // after the commits
    }
    return created;
  }

  private Optional<List<Long>> consumeOne(Handle handle) {
    Optional<PublishedEvents.Event> next = PublishedEvents.nextPending(handle, outbox.dialect());
    if (next.isEmpty()) {
      return Optional.empty();
    }
    PublishedEvents.Event event = next.get();
    List<Long> created = due(event).map(piece -> create(handle, piece)).orElse(List.of());
    if (!PublishedEvents.markHandled(handle, event.id(), clock.millis())) {
      throw new TakenElsewhere(); // roll back what this transaction created
    }
    return Optional.of(created);
  }

  /** The piece an event announces, or empty when it gets no alert (and why, in the log). */
  private Optional<Publication> due(PublishedEvents.Event event) {
    Optional<Publication> piece = content.findPublication(event.publicationId());
    if (piece.isEmpty() || piece.get().status() != Status.PUBLISHED) {
      return Optional.empty(); // deleted or taken off the site before its alert was composed
    }
    Instant now = clock.instant();
    if (event.createdAt().isBefore(now.minus(settings.alertMaxAge()))) {
      log.warn("No alert for '{}': it was published at {}, longer ago than newsletter.alert-max-age-hours",
          piece.get().slug(), event.createdAt());
      return Optional.empty();
    }
    Instant dated = piece.get().publishedAt();
    if (dated != null && dated.isBefore(event.createdAt().minus(settings.alertMaxAge()))) {
      log.info("No alert for '{}': it is dated {}, long before it was published (send one with"
          + " 'newsletter send alert {}')", piece.get().slug(), dated, piece.get().slug());
      return Optional.empty();
    }
    return piece;
  }

  /**
   * Creates the alert sends of a published piece (one per alert list) that do not exist yet, in
   * its own transaction, whatever its age: the operator's {@code newsletter send alert SLUG}.
   * Those who had its alert already get nothing.
   */
  List<Long> create(Publication publication) {
    List<Long> created = outbox.jdbi().inTransaction(handle -> create(handle, publication));
    wake.run();
    return created;
  }

  /**
   * On the caller's transaction: one send per alert list ({@code alert:PIECE:LIST}, so once per
   * piece and list, ever), each to the list's matching subscribers who have not had the piece's
   * alert, under any list, before.
   */
  private List<Long> create(Handle handle, Publication publication) {
    List<Long> created = new ArrayList<>();
    long now = clock.millis();
    var regions = Interests.regionsMatching(publication.regionIds(), reader.taxonomy());
    String alertKey = AlertRecipients.key(publication.id(), publication.translationGroup());
    Versions versions = versions(publication);
    for (MailingList list : lists.withCadence(MailingList.Cadence.ALERT)) {
      Optional<Long> sendId = outbox.createSend(handle, "alert:" + publication.id() + ":" + list.key(), Send.Kind.ALERT,
          list.key(), MessageBuilder.oneLine(publication.title()), publication.id(), null, null, null, now);
      if (sendId.isPresent()) {
        AlertRecipients.claim(handle, sendId.get(), alertKey, list.key(), publication.topicIds(), regions);
        int rows = AlertRecipients.queue(handle, sendId.get(), versions, now);
        log.info("Alert for '{}' to list {}: {} recipient(s)", publication.slug(), list.key(), rows);
        created.add(sendId.get());
      }
    }
    return created;
  }

  /** The piece and its published translations. */
  private Versions versions(Publication publication) {
    List<Versions.Version> all = new ArrayList<>();
    all.add(new Versions.Version(publication.id(), publication.language(), publication.publishedAt()));
    for (PublicationSummary translation : reader.translations(publication)) {
      all.add(new Versions.Version(translation.id(), translation.language(), translation.publishedAt()));
    }
    return Versions.of(all);
  }

  /** Thrown inside a transaction to roll it back when another consumer handled the event first. */
  private static final class TakenElsewhere extends RuntimeException {
    TakenElsewhere() {
      super(null, null, false, false);
    }
  }

  @Override
  public void close() {
    executor.shutdownNow();
  }
}
