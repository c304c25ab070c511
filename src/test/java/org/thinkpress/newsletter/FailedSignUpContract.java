package org.thinkpress.newsletter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.thinkpress.storage.Dialect;
import org.thinkpress.subscribers.SubscribeRequest;
import org.thinkpress.subscribers.SubscriberService;

/**
 * A sign-up whose transaction fails half-way (the database refuses the outbox row, as a full disk
 * does) leaves nothing behind: not in the database, and not in memory, so that the next sign-ups
 * work and their confirmations go into the confirmations send.
 */
abstract class FailedSignUpContract {

  abstract Dialect dialect();

  /** Makes the database refuse the next write of an outbox row, with a real error of its own. */
  abstract void refuseOutboxWrites(Jdbi jdbi);

  /** Undoes {@link #refuseOutboxWrites}: space came back. */
  abstract void allowOutboxWrites(Jdbi jdbi);

  /** What the database's refusal says. */
  abstract String refusal();

  NewsletterFixture fixture;
  SubscriberService subscribers;
  Jdbi jdbi;

  @BeforeEach
  void open() {
    fixture = new NewsletterFixture(dialect(), null, NewsletterFixture.settings());
    subscribers = fixture.subscribers;
    jdbi = fixture.db.database().jdbi();
  }

  @AfterEach
  void close() {
    fixture.close();
  }

  void subscribe(String email) {
    subscribers.subscribe(new SubscribeRequest(email, "", "en", List.of("alerts"), List.of(), List.of(), true, "test"));
  }

  String sendKeyOfTheRowOf(String email) {
    return jdbi.withHandle(h -> h.createQuery("SELECT d.send_key FROM outbox o JOIN sends d ON d.id = o.send_id"
        + " JOIN subscribers s ON s.id = o.subscriber_id WHERE s.email = :email").bind("email", email)
        .mapTo(String.class).one());
  }

  @Test
  void aSignUpThatFailedHalfWayLeavesNothingBehindAndTheNextSignUpsGoIntoTheConfirmationsSend() {
    refuseOutboxWrites(jdbi);
    assertThatThrownBy(() -> subscribe("first@x.org")).hasMessageContaining(refusal());
    assertThat(subscribers.find("first@x.org")).isEmpty();
    assertThat(fixture.newsletter.service().sends(10)).extracting(p -> p.send().key()).doesNotContain("confirmations");

    allowOutboxWrites(jdbi);
    // another send is created next: on SQLite it gets the id the rolled-back send had
    fixture.newsletter.service().sendCampaign("After the failure", "Text.", List.of("news"), List.of(), List.of());
    subscribe("second@x.org");
    subscribe("first@x.org");

    assertThat(sendKeyOfTheRowOf("second@x.org")).isEqualTo("confirmations");
    assertThat(sendKeyOfTheRowOf("first@x.org")).isEqualTo("confirmations");
    assertThat(fixture.statuses()).containsExactly("first@x.org:queued", "second@x.org:queued");
  }

  @Test
  void aSignUpRolledBackAfterItsConfirmationWasQueuedLeavesNoSendIdBehind() {
    // the sign-up itself succeeds; the transaction it joined fails afterwards (a rule further on)
    assertThatThrownBy(() -> jdbi.useTransaction(outer -> {
      subscribe("first@x.org");
      throw new IllegalStateException("a later step failed");
    })).hasMessage("a later step failed");
    assertThat(subscribers.find("first@x.org")).isEmpty();
    assertThat(fixture.newsletter.service().sends(10)).extracting(p -> p.send().key()).doesNotContain("confirmations");

    // another send takes the place; on SQLite it gets the id the rolled-back send had
    fixture.newsletter.service().sendCampaign("After the failure", "Text.", List.of("news"), List.of(), List.of());
    subscribe("second@x.org");

    assertThat(sendKeyOfTheRowOf("second@x.org")).isEqualTo("confirmations");
  }

  @Test
  void theSenderIsWokenOnlyOnceTheConfirmationIsCommitted() {
    List<Long> visibleWhenWoken = new ArrayList<>();
    // read on another thread: a handle opened on the writing thread would join its transaction
    fixture.newsletter.outboxMail().onQueued(() -> visibleWhenWoken.add(CompletableFuture.supplyAsync(() ->
        jdbi.withHandle(h -> h.createQuery("SELECT COUNT(*) FROM outbox").mapTo(Long.class).one())).join()));

    subscribe("reader@x.org");

    assertThat(visibleWhenWoken).containsExactly(1L);
  }
}
