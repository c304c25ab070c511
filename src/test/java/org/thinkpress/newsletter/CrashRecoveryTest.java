package org.thinkpress.newsletter;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.internet.MimeMessage;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.thinkpress.storage.Dialect;

/**
 * A sender stopped abruptly in the middle of a send, and a new one started: every recipient gets
 * the message, exactly once unless their message was in flight at the stop; those few get it
 * twice with the same Message-ID, and the new sender counts them.
 */
class CrashRecoveryTest {

  static final int RECIPIENTS = 120;
  static final int CONCURRENCY = 4;

  @RegisterExtension
  static GreenMailExtension greenMail = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort());

  NewsletterFixture fixture;
  CrashTransport crashing;

  @BeforeEach
  void open() {
    MailTransport smtp = new SmtpMailTransport(MailSettings.smtp("127.0.0.1", greenMail.getSmtp().getPort(),
        MailSettings.Security.NONE));
    crashing = new CrashTransport(smtp, 40);
    fixture = new NewsletterFixture(Dialect.SQLITE, crashing,
        NewsletterFixture.settings().withConcurrency(CONCURRENCY).withBatchSize(10));
    List<String> lines = new ArrayList<>();
    for (int i = 0; i < RECIPIENTS; i++) {
      lines.add(String.format("reader%03d@x.org,news,,,form", i));
    }
    fixture.subscribers(lines.toArray(String[]::new));
  }

  @AfterEach
  void close() {
    fixture.close();
  }

  @Test
  void aSenderStoppedMidSendAndRestartedServesEveryRecipientAndOnlyInFlightOnesTwice() throws Exception {
    SendProgress send = fixture.newsletter.service().sendCampaign("News", "Hello.", List.of("news"), List.of(), List.of());
    Sender first = fixture.sender();
    first.start();
    NewsletterFixture.await("every worker to die", () -> crashing.deadWorkers() == CONCURRENCY);
    first.abandon();
    SendProgress atCrash = fixture.newsletter.service().progress(send.send().id());
    assertThat(atCrash.submitting()).isEqualTo(CONCURRENCY);
    assertThat(atCrash.finished()).isFalse();

    crashing.disarm();
    Sender second = fixture.newsletter.newSender();
    second.idleMillis(20);
    assertThat(second.start()).isTrue();
    assertThat(second.recovery().uncertain()).isEqualTo(CONCURRENCY);
    NewsletterFixture.await("the send to finish", () -> fixture.newsletter.service().progress(send.send().id()).finished());
    second.close();

    SendProgress done = fixture.newsletter.service().progress(send.send().id());
    assertThat(done.submitted()).isEqualTo(RECIPIENTS);
    assertThat(done.uncertain()).isEqualTo(CONCURRENCY);
    Map<String, List<MimeMessage>> received = DeliveryTest.byRecipient(greenMail);
    assertThat(received).hasSize(RECIPIENTS);
    Set<String> twice = received.entrySet().stream().filter(e -> e.getValue().size() > 1).map(Map.Entry::getKey)
        .collect(Collectors.toSet());
    assertThat(twice).isEqualTo(crashing.inFlightAtCrash()).hasSize(CONCURRENCY);
    assertThat(received.values()).allSatisfy(messages -> assertThat(messages).hasSizeLessThanOrEqualTo(2));
    for (String recipient : twice) {
      List<MimeMessage> copies = received.get(recipient);
      assertThat(copies.get(0).getMessageID()).isEqualTo(copies.get(1).getMessageID());
    }
  }
}
