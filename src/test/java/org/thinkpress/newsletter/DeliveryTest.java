package org.thinkpress.newsletter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.thinkpress.content.Fixtures.publication;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.Message;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.thinkpress.content.Fixtures;
import org.thinkpress.content.Status;
import org.thinkpress.publishing.Action;
import org.thinkpress.publishing.Actor;
import org.thinkpress.publishing.PreviewLinks;
import org.thinkpress.publishing.Workflow;
import org.thinkpress.storage.Dialect;
import org.thinkpress.subscribers.SubscribeRequest;

/**
 * Alerts and digests over a real SMTP server (GreenMail), on SQLite: a piece published in the
 * editor reaches its subscribers through the running background work. (When alerts are and are
 * not sent: {@link AlertsTest}.)
 */
class DeliveryTest {

  @RegisterExtension
  static GreenMailExtension greenMail = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort());

  NewsletterFixture fixture;

  @BeforeEach
  void open() {
    MailTransport smtp = new SmtpMailTransport(MailSettings.smtp("127.0.0.1", greenMail.getSmtp().getPort(),
        MailSettings.Security.NONE));
    fixture = new NewsletterFixture(Dialect.SQLITE, smtp, NewsletterFixture.settings());
  }

  @AfterEach
  void close() {
    fixture.close();
  }

  /** Recipient address → the messages they received. */
  static Map<String, List<MimeMessage>> byRecipient() {
    return byRecipient(greenMail);
  }

  static Map<String, List<MimeMessage>> byRecipient(GreenMailExtension server) {
    return Arrays.stream(server.getReceivedMessages()).collect(Collectors.groupingBy(DeliveryTest::recipient,
        TreeMap::new, Collectors.toList()));
  }

  static String recipient(MimeMessage message) {
    try {
      return ((jakarta.mail.internet.InternetAddress) message.getRecipients(Message.RecipientType.TO)[0]).getAddress();
    } catch (Exception e) {
      throw new AssertionError(e);
    }
  }

  @Test
  void anAlertGoesOnlyToConfirmedSubscribersOfTheAlertListWhoseInterestsMatch() throws Exception {
    givenSubscribers("energy@x.org,alerts,energy,,form", "security@x.org,alerts,security,,form",
        "caucasus@x.org,alerts,,south-caucasus,form", "asia@x.org,alerts,,central-asia,form", "all@x.org,alerts,,,form",
        "weekly@x.org,weekly,,,form");
    givenAPendingSignUp("pending@x.org", "alerts");
    givenTheBackgroundWorkRunning();
    thenTheOnlyMessageIsTheConfirmationFor("pending@x.org");

    whenAnEditorPublishes(publication("grid").title("The Armenian grid").topics("energy").regions("armenia"));

    thenMessagesWentExactlyTo("all@x.org", "caucasus@x.org", "energy@x.org");
    MimeMessage alert = byRecipient().get("energy@x.org").get(0);
    assertThat(alert.getSubject()).isEqualTo("The Armenian grid");
    assertThat(alert.getHeader("List-Unsubscribe-Post")).containsExactly("List-Unsubscribe=One-Click");
    assertThat(alert.getHeader("List-Unsubscribe")[0]).matches("<https://think\\.example/unsubscribe/p\\.[0-9]+\\.[A-Za-z0-9_-]+>,"
        + " <mailto:news@think\\.example\\?subject=unsubscribe%20p\\.[0-9]+\\.[A-Za-z0-9_-]+>");
    String body = GreenMailUtil.getBody(alert);
    assertThat(body).contains("https://think.example/publications/grid", "https://think.example/email/v.",
        "View in your browser");
  }

  // --- given, when, then -----------------------------------------------------------------------

  /** Subscribers as CSV lines ({@code email,lists,topics,regions,consent}), confirmed; nothing is sent yet. */
  void givenSubscribers(String... lines) {
    fixture.subscribers(lines);
    assertThat(greenMail.getReceivedMessages()).as("mail before the sender runs").isEmpty();
  }

  /** A sign-up from the form to {@code list}, not yet confirmed: its confirmation is queued. */
  void givenAPendingSignUp(String email, String list) {
    fixture.subscribers.subscribe(new SubscribeRequest(email, "", "en", List.of(list), List.of(), List.of(), true, "form"));
  }

  void givenTheBackgroundWorkRunning() {
    fixture.newsletter.startBackground(fixture.content);
    fixture.sender().idleMillis(20);
  }

  /** Once the outbox is drained, exactly one message arrived: the confirmation to {@code email}. Then the inbox is emptied. */
  void thenTheOnlyMessageIsTheConfirmationFor(String email) throws Exception {
    assertThat(greenMail.waitForIncomingEmail(5000, 1)).as("a confirmation message within 5 s").isTrue();
    fixture.awaitOutboxDrained();
    assertThat(byRecipient()).as("everything received").containsOnlyKeys(email);
    assertThat(byRecipient().get(email)).singleElement()
        .satisfies(message -> assertThat(message.getSubject()).startsWith("Confirm your subscription"));
    greenMail.purgeEmailFromAllMailboxes();
  }

  /** An editor publishes {@code piece} (built as a draft) in the editor, as the admin does. */
  void whenAnEditorPublishes(Fixtures.PublicationBuilder piece) {
    var jdbi = fixture.db.database().jdbi();
    long account = jdbi.withHandle(h -> h.createQuery("INSERT INTO accounts (email, name, role, password_hash,"
        + " created_at, changed_at) VALUES ('eda@think.example', 'Eda', 'editor', 'x', 0, 0) RETURNING id")
        .mapTo(Long.class).one());
    new Workflow(jdbi, fixture.content, new PreviewLinks(jdbi, fixture.clock), fixture.clock).create(
        new Actor(account, "Eda", true), piece.status(Status.DRAFT).published(null).build(), Action.PUBLISH, null);
  }

  /** Once the outbox is drained, one message or more reached each of {@code emails} and nobody else. */
  void thenMessagesWentExactlyTo(String... emails) {
    assertThat(greenMail.waitForIncomingEmail(5000, emails.length)).as(emails.length + " messages within 5 s").isTrue();
    fixture.awaitOutboxDrained();
    assertThat(byRecipient().keySet()).containsExactly(emails);
  }

  @Test
  void aDigestCarriesToEachSubscriberThePiecesOfThePeriodThatMatchTheirInterests() throws Exception {
    // 2026-03-02 is a Monday: the weekly period is 2026-02-23T08:00Z to 2026-03-02T08:00Z.
    fixture.content.savePublication(publication("grid").title("Grid").topics("energy").regions("armenia")
        .published("2026-02-25T09:00:00Z").build());
    fixture.content.savePublication(publication("borders").title("Borders").topics("security").regions("georgia")
        .published("2026-02-26T09:00:00Z").build());
    fixture.content.savePublication(publication("too-old").title("Too old").topics("energy").regions("armenia")
        .published("2026-02-20T09:00:00Z").build());
    fixture.content.savePublication(publication("too-new").title("Too new").topics("energy").regions("armenia")
        .published("2026-03-02T09:00:00Z").build());
    fixture.subscribers("energy@x.org,weekly,energy,,form", "caucasus@x.org,weekly,,south-caucasus,form",
        "asia@x.org,weekly,,central-asia,form", "all@x.org,weekly,,,form", "alerts-only@x.org,alerts,energy,,form");

    List<SendProgress> digests = fixture.newsletter.service().composeDueDigests(fixture.clock.instant(), Optional.of("weekly"));
    assertThat(digests).hasSize(1);
    assertThat(digests.get(0).total()).isEqualTo(3);
    assertThat(digests.get(0).send().periodStart()).isEqualTo(Instant.parse("2026-02-23T08:00:00Z"));
    assertThat(fixture.newsletter.service().composeDueDigests(fixture.clock.instant(), Optional.of("weekly"))).isEmpty();

    fixture.sender().start();
    assertThat(greenMail.waitForIncomingEmail(5000, 3)).isTrue();
    fixture.awaitOutboxDrained();
    Map<String, List<MimeMessage>> received = byRecipient();
    assertThat(received.keySet()).containsExactly("all@x.org", "caucasus@x.org", "energy@x.org");
    assertThat(titles(received.get("energy@x.org").get(0))).containsExactly("Grid");
    assertThat(titles(received.get("caucasus@x.org").get(0))).containsExactly("Borders", "Grid");
    assertThat(titles(received.get("all@x.org").get(0))).containsExactly("Borders", "Grid");
    assertThat(received.get("all@x.org").get(0).getSubject()).isEqualTo("ThinkPress: Weekly");
  }

  /** The piece titles linked in a digest's plain-text part, in order. */
  static List<String> titles(MimeMessage message) throws Exception {
    jakarta.mail.Multipart parts = (jakarta.mail.Multipart) message.getContent();
    String text = (String) parts.getBodyPart(0).getContent();
    return Arrays.stream(text.split("\r?\n")).filter(line -> List.of("Grid", "Borders", "Too old", "Too new").contains(line))
        .toList();
  }
}
