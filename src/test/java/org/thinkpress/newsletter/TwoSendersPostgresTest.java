package org.thinkpress.newsletter;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.internet.MimeMessage;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.thinkpress.storage.Dialect;
import org.thinkpress.storage.EachDatabase;

/**
 * Two senders (as on two nodes) share one send on PostgreSQL; nobody is served twice. Without
 * PostgreSQL the run is reported as skipped, and fails on CI ({@link EachDatabase}).
 */
class TwoSendersPostgresTest {

  static final int RECIPIENTS = 300;

  @RegisterExtension
  static GreenMailExtension greenMail = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort());

  NewsletterFixture fixture;

  @BeforeEach
  void open() {
    MailTransport smtp = new SmtpMailTransport(MailSettings.smtp("127.0.0.1", greenMail.getSmtp().getPort(),
        MailSettings.Security.NONE));
    fixture = new NewsletterFixture(Dialect.POSTGRESQL, smtp, NewsletterFixture.settings().withConcurrency(3).withBatchSize(5));
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

  @EachDatabase(Dialect.POSTGRESQL)
  void twoSendersShareOneSendAndNoRecipientIsServedTwice() {
    SendProgress send = fixture.newsletter.service().sendCampaign("News", "Hello.", List.of("news"), List.of(), List.of());
    Sender one = fixture.newsletter.newSender();
    Sender two = fixture.newsletter.newSender();
    one.idleMillis(20);
    two.idleMillis(20);
    assertThat(one.start()).isTrue();
    assertThat(two.start()).isTrue();

    NewsletterFixture.await("the send to finish", () -> fixture.newsletter.service().progress(send.send().id()).finished());
    one.close();
    two.close();

    assertThat(fixture.newsletter.service().progress(send.send().id()).submitted()).isEqualTo(RECIPIENTS);
    Map<String, List<MimeMessage>> received = DeliveryTest.byRecipient(greenMail);
    assertThat(received).hasSize(RECIPIENTS);
    assertThat(received.values()).allSatisfy(messages -> assertThat(messages).hasSize(1));
    Map<String, Integer> bySender = new java.util.HashMap<>();
    fixture.db.database().jdbi().useHandle(h -> h.createQuery("SELECT claimed_by, COUNT(*) FROM outbox"
            + " WHERE status = 'submitted' GROUP BY claimed_by")
        .map((rs, ctx) -> bySender.put(rs.getString(1), rs.getInt(2))).list());
    assertThat(bySender.keySet()).containsExactlyInAnyOrder(one.id(), two.id());
    assertThat(bySender.values()).allSatisfy(count -> assertThat(count).isPositive());
  }
}
