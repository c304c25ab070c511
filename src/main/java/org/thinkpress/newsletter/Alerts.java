package org.thinkpress.newsletter;

import static java.util.Objects.requireNonNull;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.thinkpress.content.ContentChange;
import org.thinkpress.content.ContentListener;
import org.thinkpress.content.ContentReader;
import org.thinkpress.content.ContentStore;
import org.thinkpress.content.Listing;
import org.thinkpress.content.Publication;
import org.thinkpress.content.PublicationSummary;
import org.thinkpress.content.Status;
import org.thinkpress.subscribers.MailingList;
import org.thinkpress.subscribers.MailingLists;

/**
 * Sends the alert of each newly published piece to the alert lists. Hears content changes (a save
 * in the editor, a scheduled piece going live) and, every minute, looks at recent pieces, so a
 * publish made on another node or just before a crash still gets its alert.
 *
 * <p>A piece gets its alert once per list, ever: the send's key ({@code alert:PIECE:LIST}) is unique,
 * so editing a published piece, unpublishing and republishing it, or two nodes noticing it at
 * once sends nothing more. Pieces published longer ago than {@code newsletter.alert-max-age-hours}
 * get none (an import of old content must not mail everyone).
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

  /** Off the writing thread: a save must not wait for an alert to be composed. */
  @Override
  public void contentChanged(ContentChange change) {
    if (change.publicationIds().isEmpty()) {
      return;
    }
    try {
      executor.submit(() -> {
        try {
          check(change.publicationIds());
        } catch (RuntimeException e) {
          log.error("Composing alerts for pieces {} failed; the next sweep tries again", change.publicationIds(), e);
        }
      });
    } catch (RejectedExecutionException stopping) {
      // shutting down: the next start's sweep sends what is due
    }
  }

  /** Creates the alerts due for these pieces; returns the sends created. */
  List<Long> check(Collection<Long> publicationIds) {
    List<Long> created = new ArrayList<>();
    Instant now = clock.instant();
    for (Long id : publicationIds) {
      Optional<Publication> publication = publication(id);
      if (publication.isEmpty() || publication.get().status() != Status.PUBLISHED) {
        continue;
      }
      Instant published = publication.get().publishedAt();
      if (published == null || published.isBefore(now.minus(settings.alertMaxAge()))) {
        continue;
      }
      created.addAll(create(publication.get()));
    }
    if (!created.isEmpty()) {
      wake.run();
    }
    return created;
  }

  /** Looks at every piece published within the alert window; for start-up and the periodic sweep. */
  List<Long> sweep() {
    Instant now = clock.instant();
    List<Long> ids = reader.list(Listing.between(now.minus(settings.alertMaxAge()), now.plusMillis(1)), 1, 500)
        .items().stream().map(PublicationSummary::id).toList();
    return check(ids);
  }

  /**
   * Creates the alert sends of a piece (one per alert list) unless they exist, whatever its
   * publication date (the CLI calls this for a piece the window left out).
   */
  List<Long> create(Publication publication) {
    List<Long> created = new ArrayList<>();
    long now = clock.millis();
    var taxonomy = reader.taxonomy();
    var regions = Interests.regionsMatching(publication.regionIds(), taxonomy);
    for (MailingList list : lists.withCadence(MailingList.Cadence.ALERT)) {
      String key = "alert:" + publication.id() + ":" + list.key();
      Optional<Long> sendId = outbox.jdbi().inTransaction(handle -> {
        Optional<Long> id = outbox.createSend(handle, key, Send.Kind.ALERT, list.key(),
            MessageBuilder.oneLine(publication.title()), publication.id(), null, null, null, now);
        if (id.isPresent()) {
          int rows = outbox.insertSegment(handle, id.get(), List.of(list.key()), publication.topicIds(), regions, false, now);
          log.info("Alert for '{}' to list {}: {} recipient(s)", publication.slug(), list.key(), rows);
        }
        return id;
      });
      sendId.ifPresent(created::add);
    }
    return created;
  }

  Optional<Publication> publication(long id) {
    Optional<String> slug = outbox.jdbi().withHandle(handle -> handle.createQuery("SELECT slug FROM publications WHERE id = :id")
        .bind("id", id).mapTo(String.class).findOne());
    return slug.flatMap(content::findPublication);
  }

  @Override
  public void close() {
    executor.shutdownNow();
  }
}
