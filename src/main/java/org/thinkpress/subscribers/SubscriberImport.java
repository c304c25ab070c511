package org.thinkpress.subscribers;

import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.thinkpress.subscribers.ImportReport.Kept;
import org.thinkpress.subscribers.SubscriberCsv.Row;
import org.thinkpress.subscribers.SubscriberStore.Choices;

/**
 * What an import does with each row of a {@link SubscriberCsv} file (or of another platform's,
 * read by {@link PlatformSubscriberCsv} into the same rows), in one transaction (a dry
 * run goes through the same rules and writes nothing). The rules, in order:
 * <ol>
 * <li>An address suppressed here, or erased here on request, is left as it is.</li>
 * <li>A new address is added as the row says: its status (confirmed without a status column),
 *     its times, its language, its lists and interests, its suppression. A row is only confirmed
 *     (or paused) with a consent record; a pending row stays pending, an unsubscribed one is
 *     kept as having left, so that no later import can bring them back.</li>
 * <li>For an address here, the row can only make less mail happen, or extend what a confirmed
 *     person gets: a suppression in the row is added; a departure in the row is recorded, unless
 *     they confirmed here after it; an unsubscribed address stays unsubscribed whatever the row
 *     says; a pending one is confirmed only by a row recording consent and confirmation; lists and
 *     interests are extended only by such a row.</li>
 * </ol>
 * No import turns an unsubscribed, suppressed or erased address into a confirmed one, and none
 * sends anything.
 */
final class SubscriberImport {

  /** What the rules decided for one row. */
  private record Outcome(SubscriberStatus added, boolean updated, Kept kept) {
    static Outcome adding(SubscriberStatus status) {
      return new Outcome(status, false, null);
    }

    static Outcome changing() {
      return new Outcome(null, true, null);
    }

    static Outcome keeping(Kept rule) {
      return new Outcome(null, false, rule);
    }
  }

  private final SubscriberStore store;
  private final SubscriberMail mail;

  SubscriberImport(SubscriberStore store, SubscriberMail mail) {
    this.store = store;
    this.mail = mail;
  }

  ImportReport run(Jdbi jdbi, SubscriberCsv.Parsed parsed, long now, boolean dryRun) {
    Map<SubscriberStatus, Integer> added = new EnumMap<>(SubscriberStatus.class);
    Map<Kept, Integer> kept = new EnumMap<>(Kept.class);
    int[] updated = new int[1];
    jdbi.useTransaction(handle -> {
      for (Row row : parsed.rows()) {
        Outcome outcome = apply(handle, row, now, !dryRun);
        if (outcome.added() != null) {
          added.merge(outcome.added(), 1, Integer::sum);
        } else if (outcome.updated()) {
          updated[0]++;
        } else {
          kept.merge(outcome.kept(), 1, Integer::sum);
        }
      }
    });
    return new ImportReport(dryRun, added, updated[0], kept, List.of(), parsed.notes());
  }

  private Outcome apply(Handle handle, Row row, long now, boolean write) {
    if (store.isSuppressed(handle, row.email())) {
      return Outcome.keeping(Kept.SUPPRESSED);
    }
    Optional<Subscriber> existing = store.findByEmail(handle, row.email());
    if (existing.isEmpty()) {
      if (store.wasErased(handle, row.email())) {
        return Outcome.keeping(Kept.ERASED); // asked to be forgotten: only signing up again brings them back
      }
      if (write) {
        add(handle, row, now);
      }
      return Outcome.adding(row.statusOrConfirmed());
    }
    Subscriber subscriber = existing.get();
    boolean suppressing = row.suppressed();
    if (suppressing && write) {
      suppress(handle, subscriber.id(), row, now);
    }
    Outcome change = change(handle, subscriber, row, now, write);
    return suppressing && !change.updated() ? Outcome.changing() : change;
  }

  /** The rules for an address that is here and not suppressed. */
  private Outcome change(Handle handle, Subscriber subscriber, Row row, long now, boolean write) {
    SubscriberStatus here = subscriber.status();
    if (row.statusOrConfirmed() == SubscriberStatus.UNSUBSCRIBED) {
      if (here == SubscriberStatus.UNSUBSCRIBED) {
        return Outcome.keeping(Kept.UNCHANGED);
      }
      if (row.unsubscribedAt() != null && lastConsent(subscriber).filter(at -> at.isAfter(row.unsubscribedAt())).isPresent()) {
        return Outcome.keeping(Kept.REJOINED);
      }
      if (write) {
        store.unsubscribe(handle, subscriber.id(), reason(row), at(row.unsubscribedAt(), now), now);
        mail.cancelQueued(handle, subscriber.id());
      }
      return Outcome.changing();
    }
    if (here == SubscriberStatus.UNSUBSCRIBED) {
      return Outcome.keeping(Kept.UNSUBSCRIBED);
    }
    if (!row.recordsConfirmation()) {
      return Outcome.keeping(Kept.NOT_CONFIRMED);
    }
    Choices merged = merged(subscriber, row.choices());
    if (here == SubscriberStatus.PENDING) {
      if (write) {
        store.replaceChoices(handle, subscriber.id(), merged);
        store.recordConsent(handle, subscriber.id(), row.consent(), millis(row.consentAt()), subscriber.language());
        store.confirmImported(handle, subscriber.id(), row.statusOrConfirmed(), at(row.confirmedAt(), now), now);
      }
      return Outcome.changing();
    }
    if (sameChoices(subscriber, merged)) {
      return Outcome.keeping(Kept.UNCHANGED);
    }
    if (write) {
      store.replaceChoices(handle, subscriber.id(), merged);
    }
    return Outcome.changing();
  }

  private void add(Handle handle, Row row, long now) {
    SubscriberStatus status = row.statusOrConfirmed();
    boolean confirmed = row.recordsConfirmation();
    boolean left = status == SubscriberStatus.UNSUBSCRIBED;
    SubscriberStore.History history = new SubscriberStore.History(row.consent(), millis(row.consentAt()),
        at(row.createdAt(), now), confirmed ? (Long) at(row.confirmedAt(), now) : millis(row.confirmedAt()),
        left ? (Long) at(row.unsubscribedAt(), now) : null, left ? reason(row) : null);
    long id = store.insert(handle, row.email(), status, row.choices(), history, now);
    if (row.suppressed()) {
      suppress(handle, id, row, now);
    }
  }

  private void suppress(Handle handle, long subscriberId, Row row, long now) {
    String reason = row.suppressionReason().isEmpty() ? "imported as suppressed" : row.suppressionReason();
    store.suppress(handle, row.email(), reason, at(row.suppressedAt(), now));
    mail.cancelQueued(handle, subscriberId);
  }

  /** When the subscriber last agreed here: their confirmation or their consent, whichever is later. */
  private static Optional<Instant> lastConsent(Subscriber s) {
    Instant confirmed = s.confirmedAt();
    Instant consent = s.consentAt();
    if (confirmed == null) {
      return Optional.ofNullable(consent);
    }
    return Optional.of(consent == null || confirmed.isAfter(consent) ? confirmed : consent);
  }

  private static String reason(Row row) {
    return row.unsubscribeReason().isEmpty() ? "an import recorded it" : row.unsubscribeReason();
  }

  private static long at(Instant instant, long now) {
    return instant == null ? now : instant.toEpochMilli();
  }

  private static Long millis(Instant instant) {
    return instant == null ? null : instant.toEpochMilli();
  }

  /** The subscriber's lists and interests extended by the row's; their name kept unless empty, their language kept. */
  private static Choices merged(Subscriber existing, Choices imported) {
    Set<String> mergedLists = new TreeSet<>(existing.lists());
    mergedLists.addAll(imported.lists());
    boolean everything = existing.everything() || imported.everything();
    Set<Long> topics = new TreeSet<>(existing.topicIds());
    Set<Long> regions = new TreeSet<>(existing.regionIds());
    if (!everything) {
      topics.addAll(imported.topicIds());
      regions.addAll(imported.regionIds());
    }
    String name = existing.name().isEmpty() ? imported.name() : existing.name();
    return new Choices(name, existing.language(), everything, mergedLists,
        everything ? Set.of() : topics, everything ? Set.of() : regions);
  }

  private static boolean sameChoices(Subscriber s, Choices c) {
    return s.name().equals(c.name()) && s.everything() == c.everything() && s.lists().equals(new TreeSet<>(c.lists()))
        && s.topicIds().equals(Set.copyOf(c.topicIds())) && s.regionIds().equals(Set.copyOf(c.regionIds()));
  }
}
