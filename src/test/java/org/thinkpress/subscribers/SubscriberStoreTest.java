package org.thinkpress.subscribers;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.BeforeEach;
import org.thinkpress.storage.EachDatabase;
import org.thinkpress.storage.TestDatabase;

/** The subscribers' SQL does the same on each database: rows, choices, statuses, links, suppressions, erasure. */
final class SubscriberStoreTest {

  static final long NOW = Instant.parse("2026-03-01T10:00:00Z").toEpochMilli();

  final SubscriberStore store = new SubscriberStore();
  Jdbi jdbi;
  long energy;

  @BeforeEach
  void open(TestDatabase db) {
    jdbi = db.database().jdbi();
    energy = jdbi.withHandle(h -> h.createQuery("INSERT INTO topics (slug, name, created_at, changed_at)"
        + " VALUES ('energy', 'Energy', 0, 0) RETURNING id").mapTo(Long.class).one());
  }

  long signUp(Handle h, String email, List<String> lists) {
    return store.insert(h, email, SubscriberStatus.PENDING,
        new SubscriberStore.Choices("Reader", "en", false, lists, List.of(energy), List.of()),
        SubscriberStore.History.signUp("form", NOW), NOW);
  }

  @EachDatabase
  void aNewSubscriberIsReadBackWithTheirChoicesAndHistory() {
    jdbi.useHandle(h -> {
      long id = signUp(h, "reader@x.org", List.of("weekly", "alerts"));

      Subscriber found = store.findByEmail(h, "reader@x.org").orElseThrow();
      assertThat(store.find(h, id)).hasValue(found);
      assertThat(found.status()).isEqualTo(SubscriberStatus.PENDING);
      assertThat(found.lists()).containsExactly("alerts", "weekly");
      assertThat(found.topicIds()).containsExactly(energy);
      assertThat(found.regionIds()).isEmpty();
      assertThat(found.consent()).isEqualTo("form");
      assertThat(found.consentAt()).isEqualTo(Instant.ofEpochMilli(NOW));
      assertThat(found.confirmedAt()).isNull();
      assertThat(store.findByEmail(h, "nobody@x.org")).isEmpty();
    });
  }

  @EachDatabase
  void replacingChoicesReplacesNameListsAndInterests() {
    jdbi.useHandle(h -> {
      long id = signUp(h, "reader@x.org", List.of("weekly"));

      store.replaceChoices(h, id, new SubscriberStore.Choices("Renamed", "en", true, List.of("alerts"), List.of(), List.of()));

      Subscriber found = store.find(h, id).orElseThrow();
      assertThat(found.name()).isEqualTo("Renamed");
      assertThat(found.everything()).isTrue();
      assertThat(found.lists()).containsExactly("alerts");
      assertThat(found.topicIds()).isEmpty();
    });
  }

  @EachDatabase
  void aLiveLinkConfirmsOnceAndLeavingIsRecorded() {
    jdbi.useHandle(h -> {
      long id = signUp(h, "reader@x.org", List.of("weekly"));
      store.renewConfirmation(h, id, "nonce-1", NOW + 1000, NOW);
      assertThat(store.confirmationSentAt(h, id)).hasValue(NOW);
      assertThat(store.confirmation(h, id)).hasValue(
          new SubscriberStore.LiveConfirmation("nonce-1", java.time.Instant.ofEpochMilli(NOW + 1000)));

      assertThat(store.confirm(h, id, "another nonce", NOW + 1)).isFalse();
      assertThat(store.confirm(h, id, "nonce-1", NOW + 2)).isTrue();
      assertThat(store.confirm(h, id, "nonce-1", NOW + 3)).isFalse();
      assertThat(store.confirmation(h, id)).isEmpty();
      assertThat(store.find(h, id).orElseThrow().confirmedAt()).isEqualTo(Instant.ofEpochMilli(NOW + 2));

      store.unsubscribe(h, id, "one-click", NOW + 10, NOW + 11);
      Subscriber left = store.find(h, id).orElseThrow();
      assertThat(left.status()).isEqualTo(SubscriberStatus.UNSUBSCRIBED);
      assertThat(left.unsubscribedAt()).isEqualTo(Instant.ofEpochMilli(NOW + 10));
      assertThat(left.unsubscribeReason()).isEqualTo("one-click");

      store.setStatus(h, id, SubscriberStatus.CONFIRMED, NOW + 20);
      Subscriber back = store.find(h, id).orElseThrow();
      assertThat(back.status()).isEqualTo(SubscriberStatus.CONFIRMED);
      assertThat(back.confirmedAt()).isEqualTo(Instant.ofEpochMilli(NOW + 2)); // set once
      assertThat(back.unsubscribedAt()).isNull();
    });
  }

  @EachDatabase
  void aSuppressionIsKeptOnceWithItsFirstReason() {
    jdbi.useHandle(h -> {
      store.suppress(h, "bounced@x.org", "hard bounce", NOW);
      store.suppress(h, "bounced@x.org", "complaint", NOW + 1);

      assertThat(store.isSuppressed(h, "bounced@x.org")).isTrue();
      assertThat(store.isSuppressed(h, "reader@x.org")).isFalse();
      assertThat(store.suppressionReason(h, "bounced@x.org")).hasValue("hard bounce");
      assertThat(store.suppressions(h, List.of("bounced@x.org", "reader@x.org")))
          .containsOnlyKeys("bounced@x.org")
          .containsValue(new SubscriberStore.Suppression("hard bounce", Instant.ofEpochMilli(NOW)));
    });
  }

  @EachDatabase
  void anErasedSubscriberIsGoneButTheAddressIsKnownToHaveAskedForIt() {
    jdbi.useHandle(h -> {
      long id = signUp(h, "reader@x.org", List.of("weekly"));
      store.suppress(h, "reader@x.org", "complaint", NOW);

      assertThat(store.erase(h, id, "reader@x.org", NOW + 1)).isTrue();

      assertThat(store.find(h, id)).isEmpty();
      assertThat(store.isSuppressed(h, "reader@x.org")).isFalse();
      assertThat(store.wasErased(h, "reader@x.org")).isTrue();
      assertThat(store.wasErased(h, "other@x.org")).isFalse();
      assertThat(h.createQuery("SELECT COUNT(*) FROM subscriber_lists").mapTo(Long.class).one()).isZero();
      assertThat(store.erase(h, id, "reader@x.org", NOW + 2)).isFalse();
    });
  }
}
