package org.thinkpress.newsletter;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.BeforeEach;
import org.thinkpress.storage.Dialect;
import org.thinkpress.storage.EachDatabase;
import org.thinkpress.storage.TestDatabase;

/**
 * The outbox's SQL does the same on each database: a send made once per key, rows queued,
 * claimed, marked, recorded, given back, recovered and retried.
 */
final class OutboxStoreTest {

  static final long NOW = 1_772_359_200_000L; // 2026-03-01T10:00:00Z
  static final List<String> MAY_RECEIVE = List.of("confirmed");

  Jdbi jdbi;
  OutboxStore outbox;
  long ana;
  long boris;

  @BeforeEach
  void open(TestDatabase db, Dialect dialect) {
    jdbi = db.database().jdbi();
    outbox = new OutboxStore(jdbi, dialect);
    ana = subscriber("ana@x.org");
    boris = subscriber("boris@x.org");
  }

  long subscriber(String email) {
    return jdbi.withHandle(h -> h.createQuery("INSERT INTO subscribers (email, language, status, created_at, changed_at)"
        + " VALUES (:email, 'en', 'confirmed', 0, 0) RETURNING id").bind("email", email).mapTo(Long.class).one());
  }

  long givenACampaignTo(long... subscribers) {
    return jdbi.inTransaction(h -> {
      long send = outbox.createSend(h, "campaign-1", Send.Kind.CAMPAIGN, "news", "News", null, null, null, null, NOW)
          .orElseThrow();
      List<long[]> rows = java.util.Arrays.stream(subscribers).mapToObj(id -> new long[] {id}).toList();
      outbox.insertRows(h, send, rows, rows.stream().map(row -> "").toList(), NOW);
      return send;
    });
  }

  SendProgress progressOf(long send) {
    return outbox.progress(outbox.findSend(send).orElseThrow());
  }

  @EachDatabase
  void aSendIsMadeOncePerKey() {
    long send = givenACampaignTo(ana);

    Optional<Long> again = jdbi.withHandle(h -> outbox.createSend(h, "campaign-1", Send.Kind.CAMPAIGN, "news", "Again",
        null, null, null, null, NOW));
    boolean exists = jdbi.withHandle(h -> outbox.sendExists(h, "campaign-1"));
    assertThat(again).isEmpty();
    assertThat(exists).isTrue();
    assertThat(outbox.findSend("campaign-1")).hasValueSatisfying(found -> {
      assertThat(found.id()).isEqualTo(send);
      assertThat(found.subject()).isEqualTo("News");
      assertThat(found.kind()).isEqualTo(Send.Kind.CAMPAIGN);
    });
    assertThat(outbox.sends(10)).extracting(Send::id).containsExactly(send);
  }

  @EachDatabase
  void claimedRowsAreMarkedRecordedAndCounted() {
    long send = givenACampaignTo(ana, boris);
    assertThat(outbox.waiting()).isEqualTo(2);

    List<OutboxRow> claimed = outbox.claim("sender-1", 10, NOW);
    assertThat(claimed).extracting(OutboxRow::subscriberId).containsExactly(ana, boris);
    assertThat(outbox.claim("sender-2", 10, NOW)).isEmpty();

    assertThat(outbox.recordAndMark("sender-1", null, claimed.get(0), MAY_RECEIVE, NOW)).isEqualTo(OutboxStore.Mark.SUBMITTING);
    OutboxStore.Outcome sent = new OutboxStore.Outcome(claimed.get(0).id(), "submitted", null, NOW, false);
    assertThat(outbox.recordAndMark("sender-1", sent, null, MAY_RECEIVE, NOW)).isEqualTo(OutboxStore.Mark.GONE);
    assertThat(outbox.release("sender-1", NOW)).isEqualTo(1);

    assertThat(outbox.countByStatus()).isEqualTo(Map.of("queued", 1L, "submitted", 1L));
    SendProgress progress = progressOf(send);
    assertThat(progress.total()).isEqualTo(2);
    assertThat(progress.submitted()).isEqualTo(1);
    assertThat(progress.queued()).isEqualTo(1);
  }

  @EachDatabase
  void aRowWhoseSubscriberMayNoLongerReceiveIsCancelledOrSuppressed() {
    givenACampaignTo(ana, boris);
    jdbi.useHandle(h -> {
      h.execute("UPDATE subscribers SET status = 'unsubscribed' WHERE email = 'ana@x.org'");
      h.execute("INSERT INTO suppressions (email, reason, created_at) VALUES ('boris@x.org', 'complaint', 0)");
    });
    List<OutboxRow> claimed = outbox.claim("sender-1", 10, NOW);

    assertThat(outbox.recordAndMark("sender-1", null, claimed.get(0), MAY_RECEIVE, NOW)).isEqualTo(OutboxStore.Mark.NOT_ELIGIBLE);
    assertThat(outbox.recordAndMark("sender-1", null, claimed.get(1), MAY_RECEIVE, NOW)).isEqualTo(OutboxStore.Mark.NOT_ELIGIBLE);

    assertThat(outbox.countByStatus()).isEqualTo(Map.of("cancelled", 1L, "suppressed", 1L));
  }

  @EachDatabase
  void rowsOfADeadSenderComeBackAndOnesMidSubmitCountAsUncertain() {
    long send = givenACampaignTo(ana, boris);
    outbox.register("dead", "node-1", NOW);
    List<OutboxRow> claimed = outbox.claim("dead", 10, NOW);
    outbox.recordAndMark("dead", null, claimed.get(0), MAY_RECEIVE, NOW);
    outbox.register("alive", "node-2", NOW + 60_000);

    OutboxStore.Recovery recovery = outbox.recover("alive", NOW + 30_000, false, NOW + 60_000);

    assertThat(recovery).isEqualTo(new OutboxStore.Recovery(1, 1));
    assertThat(outbox.countByStatus()).isEqualTo(Map.of("queued", 2L));
    assertThat(progressOf(send).uncertain()).isEqualTo(1);
  }

  @EachDatabase
  void failedRowsAreRetriedButNeverForSomeoneWhoLeft() {
    long send = givenACampaignTo(ana, boris);
    List<OutboxRow> claimed = outbox.claim("sender-1", 10, NOW);
    for (OutboxRow row : claimed) {
      outbox.recordAndMark("sender-1", null, row, MAY_RECEIVE, NOW);
      outbox.recordAndMark("sender-1", new OutboxStore.Outcome(row.id(), "failed", "550 no such user", NOW, false), null,
          MAY_RECEIVE, NOW);
    }
    assertThat(outbox.failures(send, 10)).extracting(SendFailure::email).containsExactly("ana@x.org", "boris@x.org");
    jdbi.useHandle(h -> h.execute("UPDATE subscribers SET status = 'unsubscribed' WHERE email = 'boris@x.org'"));

    assertThat(outbox.retryFailed(send, NOW + 1)).isEqualTo(1);

    assertThat(outbox.countByStatus()).isEqualTo(Map.of("queued", 1L, "failed", 1L));
    int cancelled = jdbi.withHandle(h -> outbox.cancelQueued(h, ana, NOW + 2));
    assertThat(cancelled).isEqualTo(1);
    assertThat(outbox.countByStatus()).isEqualTo(Map.of("cancelled", 1L, "failed", 1L));
  }

  @EachDatabase
  void aConfirmationIsQueuedAgainAsANewGeneration() {
    long send = jdbi.withHandle(h -> outbox.createSend(h, "confirmations", Send.Kind.CONFIRMATION, null, "Confirm", null,
        null, null, null, NOW).orElseThrow());
    jdbi.useHandle(h -> outbox.queueConfirmation(h, send, ana, NOW));
    jdbi.useHandle(h -> outbox.queueConfirmation(h, send, ana, NOW + 1));

    assertThat(outbox.claim("sender-1", 10, NOW + 1)).singleElement()
        .satisfies(row -> assertThat(row.generation()).isEqualTo(1));
  }
}
