package org.thinkpress.newsletter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.thinkpress.storage.Dialect;
import org.thinkpress.storage.EachDatabase;
import org.thinkpress.subscribers.SubscribeRequest;
import org.thinkpress.subscribers.SubscriberService;

/**
 * A sign-up whose transaction fails half-way (the database refuses the outbox row, as a full disk
 * does) leaves nothing behind: not in the database, and not in memory, so that the next sign-ups
 * work and their confirmations go into the confirmations send.
 */
final class FailedSignUpTest {

  /** A real refusal of the database's own, made and undone by the test. */
  interface Fault {

    /** Makes the database refuse the next write of an outbox row, with a real error of its own. */
    void refuseOutboxWrites(Jdbi jdbi);

    /** Undoes {@link #refuseOutboxWrites}: space came back. */
    void allowOutboxWrites(Jdbi jdbi);

    /** What the database's refusal says. */
    String refusal();

    static Fault of(Dialect dialect) {
      return dialect == Dialect.SQLITE ? new FullSqliteFile() : new PostgresConstraint();
    }
  }

  NewsletterFixture fixture;
  private Fault fault;
  SubscriberService subscribers;
  Jdbi jdbi;

  @BeforeEach
  void open(Dialect dialect) {
    fixture = new NewsletterFixture(dialect, null, NewsletterFixture.settings());
    fault = Fault.of(dialect);
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

  @EachDatabase
  void aSignUpThatFailedHalfWayLeavesNothingBehindAndTheNextSignUpsGoIntoTheConfirmationsSend() {
    fault.refuseOutboxWrites(jdbi);
    assertThatThrownBy(() -> subscribe("first@x.org")).hasMessageContaining(fault.refusal());
    assertThat(subscribers.find("first@x.org")).isEmpty();
    assertThat(fixture.newsletter.service().sends(10)).extracting(p -> p.send().key()).doesNotContain("confirmations");

    fault.allowOutboxWrites(jdbi);
    // another send is created next: on SQLite it gets the id the rolled-back send had
    fixture.newsletter.service().sendCampaign("After the failure", "Text.", List.of("news"), List.of(), List.of());
    subscribe("second@x.org");
    subscribe("first@x.org");

    assertThat(sendKeyOfTheRowOf("second@x.org")).isEqualTo("confirmations");
    assertThat(sendKeyOfTheRowOf("first@x.org")).isEqualTo("confirmations");
    assertThat(fixture.statuses()).containsExactly("first@x.org:queued", "second@x.org:queued");
  }

  @EachDatabase
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

  @EachDatabase
  void theSenderIsWokenOnlyOnceTheConfirmationIsCommitted() {
    List<Long> visibleWhenWoken = new ArrayList<>();
    // read on another thread: a handle opened on the writing thread would join its transaction
    fixture.newsletter.outboxMail().onQueued(() -> visibleWhenWoken.add(CompletableFuture.supplyAsync(() ->
        jdbi.withHandle(h -> h.createQuery("SELECT COUNT(*) FROM outbox").mapTo(Long.class).one())).join()));

    subscribe("reader@x.org");

    assertThat(visibleWhenWoken).containsExactly(1L);
  }

  /** On PostgreSQL the fault is a constraint the outbox's next row breaks, added and dropped by the test. */
  static final class PostgresConstraint implements Fault {

    @Override
    public String refusal() {
      return "outbox_refused";
    }

    @Override
    public void refuseOutboxWrites(Jdbi jdbi) {
      jdbi.useHandle(h -> h.execute("ALTER TABLE outbox ADD CONSTRAINT outbox_refused CHECK (send_id < 0) NOT VALID"));
    }

    @Override
    public void allowOutboxWrites(Jdbi jdbi) {
      jdbi.useHandle(h -> h.execute("ALTER TABLE outbox DROP CONSTRAINT outbox_refused"));
    }
  }

  /**
   * On SQLite the fault is a full database: {@code PRAGMA max_page_count} holds the file at its
   * size, and the outbox table's page is filled until not even a row like the sign-up's fits.
   */
  static final class FullSqliteFile implements Fault {

    /** The pool's size in {@link org.thinkpress.storage.TestDatabase}: the pragma is per connection. */
    static final int POOL = 4;
    static final long FAR_FUTURE = 4_102_444_800_000L;

    @Override
    public String refusal() {
      return "SQLITE_FULL";
    }

    @Override
    public void refuseOutboxWrites(Jdbi jdbi) {
      long send = jdbi.withHandle(h -> h.createQuery("INSERT INTO sends (send_key, kind, subject, created_at)"
          + " VALUES ('padding', 'campaign', 'padding', 0) RETURNING id").mapTo(Long.class).one());
      List<Long> padding = new ArrayList<>();
      for (int i = 0; i < 60; i++) {
        String email = String.format("padding-%02d@x.org", i);
        padding.add(jdbi.withHandle(h -> h.createQuery("INSERT INTO subscribers (email, language, status, created_at,"
            + " changed_at) VALUES (:email, 'en', 'unsubscribed', 0, 0) RETURNING id").bind("email", email)
            .mapTo(Long.class).one()));
      }
      maxPageCount(jdbi, 1); // clamped to the file's current size
      jdbi.useHandle(h -> {
        int size = 1800;
        int next = 0;
        while (next < padding.size()) {
          try {
            h.createUpdate("INSERT INTO outbox (send_id, subscriber_id, status, items, next_attempt_at, changed_at)"
                    + " VALUES (:send, :subscriber, 'queued', :items, :later, :later)")
                .bind("send", send).bind("subscriber", padding.get(next)).bind("items", "9".repeat(size))
                .bind("later", FAR_FUTURE).execute();
            next++;
          } catch (RuntimeException full) {
            if (size == 0) {
              return; // not even an empty row fits: the next outbox row needs a page the file may not grow
            }
            size /= 2;
          }
        }
        throw new AssertionError("the outbox page never filled up");
      });
    }

    @Override
    public void allowOutboxWrites(Jdbi jdbi) {
      maxPageCount(jdbi, 1_073_741_823);
      jdbi.useHandle(h -> {
        h.execute("DELETE FROM sends WHERE send_key = 'padding'"); // its outbox rows go with it
        h.execute("DELETE FROM subscribers WHERE email LIKE 'padding-%'");
      });
    }

    private static void maxPageCount(Jdbi jdbi, long pages) {
      List<Handle> handles = new ArrayList<>();
      try {
        for (int i = 0; i < POOL; i++) {
          Handle handle = jdbi.open();
          handles.add(handle);
          handle.createQuery("PRAGMA max_page_count = " + pages).mapTo(Long.class).one();
        }
      } finally {
        handles.forEach(Handle::close);
      }
    }
  }
}
