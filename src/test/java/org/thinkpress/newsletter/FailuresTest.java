package org.thinkpress.newsletter;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.thinkpress.storage.Dialect;

/** What the outbox records when the relay refuses, for a while or for good. */
class FailuresTest {

  ScriptedSmtpServer relay;
  NewsletterFixture fixture;
  final AtomicInteger busyReplies = new AtomicInteger(1);

  @BeforeEach
  void open() throws Exception {
    relay = new ScriptedSmtpServer(recipient -> switch (recipient) {
      case "busy@x.org" -> busyReplies.getAndDecrement() > 0
          ? new ScriptedSmtpServer.Replies("451 4.3.0 Mailbox busy, try later", null)
          : new ScriptedSmtpServer.Replies(null, null);
      case "refused@x.org" -> new ScriptedSmtpServer.Replies(null, "554 5.6.0 Message content rejected");
      case "gone@x.org" -> new ScriptedSmtpServer.Replies("550 5.1.1 No such user", null);
      default -> new ScriptedSmtpServer.Replies(null, null);
    });
    MailTransport smtp = new SmtpMailTransport(MailSettings.smtp("127.0.0.1", relay.port(), MailSettings.Security.NONE));
    fixture = new NewsletterFixture(Dialect.SQLITE, smtp, NewsletterFixture.settings().withMaxAttempts(3));
    fixture.subscribers("ok@x.org,news,,,form", "busy@x.org,news,,,form", "refused@x.org,news,,,form",
        "gone@x.org,news,,,form");
  }

  @AfterEach
  void close() throws Exception {
    fixture.close();
    relay.close();
  }

  @Test
  void temporaryFailuresAreRetriedLaterPermanentOnesRecordedAndHardBouncesSuppressed() {
    SendProgress send = fixture.newsletter.service().sendCampaign("News", "Hello.", List.of("news"), List.of(), List.of());
    fixture.sender().start();

    NewsletterFixture.await("every first attempt", () -> {
      SendProgress p = fixture.newsletter.service().progress(send.send().id());
      return p.submitted() == 1 && p.failed() == 1 && p.suppressed() == 1 && p.retrying() == 1;
    });
    assertThat(fixture.statuses()).containsExactly("busy@x.org:queued", "gone@x.org:suppressed", "ok@x.org:submitted",
        "refused@x.org:failed");
    assertThat(errorOf("refused@x.org")).isEqualTo("554 5.6.0 Message content rejected");
    assertThat(errorOf("busy@x.org")).isEqualTo("451 4.3.0 Mailbox busy, try later");
    assertThat(fixture.subscribers.counts().suppressed()).isEqualTo(1);
    assertThat(relay.accepted()).containsExactly("ok@x.org");

    fixture.clock.advance(Duration.ofMinutes(2)); // past the first backoff (one minute, plus up to 10 %)
    fixture.sender().wake();
    fixture.awaitOutboxDrained();
    assertThat(fixture.statuses()).containsExactly("busy@x.org:submitted", "gone@x.org:suppressed", "ok@x.org:submitted",
        "refused@x.org:failed");
    assertThat(relay.accepted()).containsExactly("ok@x.org", "busy@x.org");

    // A later campaign leaves the suppressed address out; a retry of the failure sends it again.
    SendProgress next = fixture.newsletter.service().sendCampaign("More", "Again.", List.of("news"), List.of(), List.of());
    assertThat(next.total()).isEqualTo(3);
    assertThat(fixture.newsletter.service().retryFailed(send.send().id())).isEqualTo(1);
    fixture.awaitOutboxDrained();
    assertThat(fixture.newsletter.service().progress(send.send().id()).failed()).isEqualTo(1);
    assertThat(fixture.newsletter.service().failures(send.send().id(), 10)).extracting(SendFailure::email).containsExactly("refused@x.org");
  }

  @Test
  void temporaryFailuresBeyondTheMostAttemptsAreRecordedAsFailed() {
    busyReplies.set(100);
    SendProgress send = fixture.newsletter.service().sendCampaign("News", "Hello.", List.of("news"), List.of(), List.of());
    fixture.sender().start();
    for (int attempt = 1; attempt < 3; attempt++) {
      int tries = attempt;
      NewsletterFixture.await("attempt " + tries, () -> attempts("busy@x.org") == tries && status("busy@x.org").equals("queued"));
      fixture.clock.advance(Duration.ofHours(1));
      fixture.sender().wake();
    }
    NewsletterFixture.await("the last attempt", () -> status("busy@x.org").equals("failed"));
    assertThat(errorOf("busy@x.org")).isEqualTo("gave up after 3 attempts: 451 4.3.0 Mailbox busy, try later");
    assertThat(fixture.newsletter.service().progress(send.send().id()).retrying()).isZero();
  }

  @Test
  void backoffDoublesUpToSixHours() {
    Sender sender = fixture.sender();
    assertThat(sender.backoff(1)).isBetween(60_000L, 66_000L);
    assertThat(sender.backoff(2)).isBetween(120_000L, 132_000L);
    assertThat(sender.backoff(12)).isBetween(Sender.MAX_BACKOFF_MILLIS, Sender.MAX_BACKOFF_MILLIS * 11 / 10);
  }

  private String errorOf(String email) {
    return column(email, "o.last_error");
  }

  private String status(String email) {
    return column(email, "o.status");
  }

  private int attempts(String email) {
    return Integer.parseInt(column(email, "o.attempts"));
  }

  private String column(String email, String column) {
    return fixture.db.database().jdbi().withHandle(h -> h.createQuery("SELECT " + column + " FROM outbox o JOIN subscribers s"
        + " ON s.id = o.subscriber_id WHERE s.email = :email ORDER BY o.id LIMIT 1").bind("email", email)
        .mapTo(String.class).one());
  }
}
