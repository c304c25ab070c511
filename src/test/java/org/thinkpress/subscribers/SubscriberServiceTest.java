package org.thinkpress.subscribers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.StringReader;
import java.io.StringWriter;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.thinkpress.newsletter.NewsletterFixture;
import org.thinkpress.storage.Dialect;

/** Sign-up, links, unsubscribing, import, export and erasure, with a clock the test moves. */
class SubscriberServiceTest {

  NewsletterFixture fixture;
  SubscriberService service;

  @BeforeEach
  void open() {
    fixture = new NewsletterFixture(Dialect.SQLITE, null, NewsletterFixture.settings());
    service = fixture.subscribers;
  }

  @AfterEach
  void close() {
    fixture.close();
  }

  void subscribe(String email) {
    service.subscribe(new SubscribeRequest(email, "", "en", List.of("alerts"), List.of("energy"), List.of(), false, "test"));
  }

  String confirmationToken(String email) {
    long id = service.find(email).orElseThrow().id();
    return fixture.db.database().jdbi().withHandle(h -> service.confirmationToken(h, id)).orElseThrow();
  }

  long queuedConfirmations(String email) {
    return fixture.db.database().jdbi().withHandle(h -> h.createQuery("SELECT generation FROM outbox o JOIN subscribers s"
        + " ON s.id = o.subscriber_id WHERE s.email = :email").bind("email", email).mapTo(Long.class).one());
  }

  @Test
  void anExpiredConfirmationLinkIsRefused() {
    subscribe("late@x.org");
    String token = confirmationToken("late@x.org");
    fixture.clock.advance(Duration.ofHours(72).plusSeconds(1));

    assertThatThrownBy(() -> service.confirm(token)).isInstanceOfSatisfying(InvalidLinkException.class,
        e -> assertThat(e.reason()).isEqualTo(InvalidLinkException.Reason.EXPIRED));
    assertThat(service.find("late@x.org").orElseThrow().status()).isEqualTo(SubscriberStatus.PENDING);
  }

  @Test
  void aConfirmationLinkWorksOnceAndANewerOneReplacesIt() {
    subscribe("twice@x.org");
    String first = confirmationToken("twice@x.org");
    fixture.clock.advance(Duration.ofMinutes(11));
    subscribe("twice@x.org"); // asks again: a new link, the old one stops working
    String second = confirmationToken("twice@x.org");
    assertThat(second).isNotEqualTo(first);
    assertThat(queuedConfirmations("twice@x.org")).isEqualTo(1);

    assertThatThrownBy(() -> service.confirm(first)).isInstanceOfSatisfying(InvalidLinkException.class,
        e -> assertThat(e.reason()).isEqualTo(InvalidLinkException.Reason.USED));
    assertThat(service.confirm(second).status()).isEqualTo(SubscriberStatus.CONFIRMED);
    assertThatThrownBy(() -> service.confirm(second)).isInstanceOfSatisfying(InvalidLinkException.class,
        e -> assertThat(e.reason()).isEqualTo(InvalidLinkException.Reason.USED));
  }

  @Test
  void checkingAConfirmationLinkUsesNothingAndTellsALiveLinkFromAReplacedOrUsedOne() {
    subscribe("checked@x.org");
    String first = confirmationToken("checked@x.org");
    fixture.clock.advance(Duration.ofMinutes(11));
    subscribe("checked@x.org");
    String second = confirmationToken("checked@x.org");

    service.checkConfirmation(second);
    service.checkConfirmation(second);
    assertThat(service.find("checked@x.org").orElseThrow().status()).isEqualTo(SubscriberStatus.PENDING);
    assertThatThrownBy(() -> service.checkConfirmation(first)).isInstanceOfSatisfying(InvalidLinkException.class,
        e -> assertThat(e.reason()).isEqualTo(InvalidLinkException.Reason.USED));
    service.confirm(second);
    assertThatThrownBy(() -> service.checkConfirmation(second)).isInstanceOfSatisfying(InvalidLinkException.class,
        e -> assertThat(e.reason()).isEqualTo(InvalidLinkException.Reason.USED));
  }

  @Test
  void aConfirmationLinkWorksUntilItsLifetimeEnds() {
    subscribe("in-time@x.org");
    String token = confirmationToken("in-time@x.org");
    fixture.clock.advance(Duration.ofHours(72).minusSeconds(1));

    service.checkConfirmation(token);
    assertThat(service.confirm(token).status()).isEqualTo(SubscriberStatus.CONFIRMED);
  }

  @Test
  void aTamperedOrMisdirectedTokenIsRefused() {
    subscribe("a@x.org");
    String token = confirmationToken("a@x.org");
    String preferences = service.tokens().preferences(service.find("a@x.org").orElseThrow().id());
    // one character of the MAC changed: not one of the last two, whose low bits Base64 decoding may ignore
    int at = token.length() - 3;
    String forged = token.substring(0, at) + (token.charAt(at) == 'A' ? 'B' : 'A') + token.substring(at + 1);
    for (String bad : List.of(token.replace("c.1.", "c.2."), forged, "c.1", "", "p.1.", preferences)) {
      assertThatThrownBy(() -> service.confirm(bad)).as(bad).isInstanceOfSatisfying(InvalidLinkException.class,
          e -> assertThat(e.reason()).isEqualTo(InvalidLinkException.Reason.TAMPERED));
    }
    assertThatThrownBy(() -> service.preferences(token)).isInstanceOf(InvalidLinkException.class);
  }

  @Test
  void aConfirmedSubscriberWhoSignsUpAgainGetsANoteAndNoLiveLinkAndKeepsTheirChoices() {
    subscribe("known@x.org");
    service.confirm(confirmationToken("known@x.org"));
    fixture.clock.advance(Duration.ofMinutes(11));
    service.subscribe(new SubscribeRequest("known@x.org", "", "en", List.of("weekly"), List.of("security"), List.of(), false,
        "test"));

    long id = service.find("known@x.org").orElseThrow().id();
    java.util.Optional<String> liveLink = fixture.db.database().jdbi().withHandle(h -> service.confirmationToken(h, id));
    assertThat(liveLink).isEmpty();
    assertThat(queuedConfirmations("known@x.org")).isEqualTo(1);
    Subscriber after = service.find("known@x.org").orElseThrow();
    assertThat(after.status()).isEqualTo(SubscriberStatus.CONFIRMED);
    assertThat(after.lists()).containsExactly("alerts");
  }

  @Test
  void oneAddressCausesAtMostOneConfirmationMessageInTenMinutesAndThreeRequestsAnHour() {
    subscribe("busy@x.org");
    subscribe("busy@x.org");
    assertThat(queuedConfirmations("busy@x.org")).isZero();
    fixture.clock.advance(Duration.ofMinutes(11));
    subscribe("busy@x.org");
    assertThat(queuedConfirmations("busy@x.org")).isEqualTo(1);
    fixture.clock.advance(Duration.ofMinutes(11));
    subscribe("busy@x.org"); // the fourth request within the hour of the in-memory limit: ignored
    assertThat(queuedConfirmations("busy@x.org")).isEqualTo(1);
    fixture.clock.advance(Duration.ofMinutes(38).minusSeconds(1));
    subscribe("busy@x.org"); // a second before the hour since the first: still ignored
    assertThat(queuedConfirmations("busy@x.org")).isEqualTo(1);
    fixture.clock.advance(Duration.ofSeconds(1));
    subscribe("busy@x.org"); // the hour is over: the request counts again
    assertThat(queuedConfirmations("busy@x.org")).isEqualTo(2);
  }

  @Test
  void unsubscribingCancelsMailStillQueuedAndIsIdempotent() {
    fixture.subscribers("stay@x.org,news,,,form", "leave@x.org,news,,,form");
    fixture.newsletter.service().sendCampaign("One", "First.", List.of("news"), List.of(), List.of());
    fixture.newsletter.service().sendCampaign("Two", "Second.", List.of("news"), List.of(), List.of());
    String token = service.tokens().preferences(service.find("leave@x.org").orElseThrow().id());

    assertThat(service.unsubscribe(token)).isEqualTo(2);
    assertThat(service.unsubscribe(token)).isZero();
    assertThat(fixture.statuses()).containsExactly("leave@x.org:cancelled", "leave@x.org:cancelled", "stay@x.org:queued",
        "stay@x.org:queued");
    fixture.sender().start();
    fixture.awaitOutboxDrained();
    assertThat(fixture.statuses()).containsExactly("leave@x.org:cancelled", "leave@x.org:cancelled", "stay@x.org:submitted",
        "stay@x.org:submitted");
  }

  @Test
  void importNeedsConsentIsAllOrNothingAndNeverResubscribesSomeoneWhoLeft() {
    String bad = "email,name,lists,topics,consent\nok@x.org,Ok,news,energy,met at the 2025 forum\n"
        + "noconsent@x.org,No,news,,\nbroken,Bad,news,,yes\nok@x.org,Again,news,,yes\n";
    ImportReport refused = service.importCsv(new StringReader(bad), "people.csv", false);
    assertThat(refused.errors()).containsExactly("people.csv:3: no consent recorded for this address",
        "people.csv:4: the email address must look like name@example.org",
        "people.csv:5: the address is already on an earlier line");
    assertThat(service.find("ok@x.org")).isEmpty();

    fixture.subscribers("left@x.org,news,,,form");
    service.unsubscribe(service.tokens().preferences(service.find("left@x.org").orElseThrow().id()));
    String good = "email,lists,topics,regions,consent\nnew@x.org,news;alerts,energy,armenia,forum 2025\n"
        + "left@x.org,news,,,forum 2025\n";
    ImportReport dryRun = service.importCsv(new StringReader(good), "people.csv", true);
    assertThat(List.of(dryRun.added(), dryRun.updated(), dryRun.kept().get(ImportReport.Kept.UNSUBSCRIBED)))
        .containsExactly(1, 0, 1);
    assertThat(service.find("new@x.org")).isEmpty();

    ImportReport real = service.importCsv(new StringReader(good), "people.csv", false);
    assertThat(List.of(real.added(), real.updated(), real.kept().get(ImportReport.Kept.UNSUBSCRIBED)))
        .containsExactly(1, 0, 1);
    Subscriber imported = service.find("new@x.org").orElseThrow();
    assertThat(imported.status()).isEqualTo(SubscriberStatus.CONFIRMED);
    assertThat(imported.lists()).containsExactly("alerts", "news");
    assertThat(imported.consent()).isEqualTo("forum 2025");
    assertThat(service.find("left@x.org").orElseThrow().status()).isEqualTo(SubscriberStatus.UNSUBSCRIBED);
  }

  @Test
  void anExportCanBeImportedAgainAndSearchAndCountsSeeWhatWasImported() {
    fixture.subscribers("one@x.org,news;alerts,energy,armenia,form", "two@x.org,weekly,,,form");
    StringWriter csv = new StringWriter();
    assertThat(service.exportCsv(csv)).isEqualTo(2);
    assertThat(csv.toString()).startsWith("email,name,status,language,lists,topics,regions,everything,consent,consent_at,"
        + "created_at,confirmed_at,unsubscribed_at,unsubscribe_reason,suppressed_at,suppression_reason\r\n"
        + "one@x.org,,confirmed,en,alerts;news,energy,armenia,no,form,,");

    ImportReport again = service.importCsv(new StringReader(csv.toString()), "export.csv", false);
    assertThat(again.kept().get(ImportReport.Kept.UNCHANGED)).isEqualTo(2);
    SubscriberCounts counts = service.counts();
    assertThat(counts.byStatus()).containsEntry("confirmed", 2L).containsEntry("pending", 0L);
    assertThat(counts.byList()).containsEntry("news", 1L).containsEntry("weekly", 1L).containsEntry("alerts", 1L);
    assertThat(counts.everything()).isEqualTo(1);
    assertThat(service.search(SubscriberQuery.text("one"))).extracting(Subscriber::email).containsExactly("one@x.org");
    assertThat(service.count(new SubscriberQuery("", null, "weekly", null, null, 1, 50))).isEqualTo(1);
  }

  @Test
  void eraseRemovesEveryTraceOfASubscriber() {
    fixture.subscribers("gone@x.org,news,energy,,form", "kept@x.org,news,,,form");
    fixture.newsletter.service().sendCampaign("One", "First.", List.of("news"), List.of(), List.of());
    service.suppress("gone@x.org", "asked by phone");

    service.erase("Gone@X.org");

    assertThat(service.find("gone@x.org")).isEmpty();
    assertThat(fixture.statuses()).containsExactly("kept@x.org:queued");
    for (String table : List.of("subscriber_lists", "subscriber_topics", "subscriber_regions", "outbox")) {
      int orphans = fixture.db.database().jdbi().withHandle(h -> h.createQuery("SELECT COUNT(*) FROM " + table
          + " WHERE subscriber_id NOT IN (SELECT id FROM subscribers)").mapTo(Integer.class).one());
      assertThat(orphans).as(table).isZero();
    }
    assertThat(service.counts().suppressed()).isZero();
    assertThatThrownBy(() -> service.erase("gone@x.org")).isInstanceOf(SubscriberNotFoundException.class);
  }

  @Test
  void anImportCannotBringBackAnErasedAddressButSigningUpAgainCan() {
    fixture.subscribers("forget.me@x.org,news,energy,,form");
    service.erase("forget.me@x.org");

    String csv = "email,consent\nForget.Me@x.org,an old conference list\nnew@x.org,form\n";
    ImportReport dryRun = service.importCsv(new StringReader(csv), "old.csv", true);
    ImportReport report = service.importCsv(new StringReader(csv), "old.csv", false);

    assertThat(List.of(dryRun.added(), dryRun.keptTotal(), report.added(), report.keptTotal())).containsExactly(1, 1, 1, 1);
    assertThat(report.kept().get(ImportReport.Kept.ERASED)).isEqualTo(1);
    assertThat(service.find("forget.me@x.org")).isEmpty();
    assertThat(service.find("new@x.org")).isPresent();
    // what is kept names nobody
    List<String> kept = fixture.db.database().jdbi().withHandle(h -> h.createQuery("SELECT address_hash FROM erased_addresses")
        .mapTo(String.class).list());
    assertThat(kept).hasSize(1).allSatisfy(hash -> assertThat(hash).matches("[0-9a-f]{64}").doesNotContain("forget"));

    // the person may come back through double opt-in, and is then imported like anyone else
    subscribe("forget.me@x.org");
    service.confirm(confirmationToken("forget.me@x.org"));
    ImportReport again = service.importCsv(new StringReader(csv), "old.csv", false);
    assertThat(List.of(again.updated(), again.kept().get(ImportReport.Kept.UNCHANGED))).containsExactly(1, 1);
  }
}
