package org.thinkpress.newsletter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.thinkpress.content.Fixtures.publication;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.thinkpress.app.DemoContent;
import org.thinkpress.content.ContentBundle;
import org.thinkpress.content.PublicationInput;
import org.thinkpress.content.Status;
import org.thinkpress.publishing.Action;
import org.thinkpress.publishing.Actor;
import org.thinkpress.publishing.PreviewLinks;
import org.thinkpress.publishing.PublishedEvents;
import org.thinkpress.publishing.ScheduledPublisher;
import org.thinkpress.publishing.Workflow;
import org.thinkpress.storage.Dialect;
import org.thinkpress.storage.EachDatabase;
import org.thinkpress.subscribers.SubscribeRequest;
import org.thinkpress.subscribers.SubscriberService;

/**
 * Alerts, on each database: sent once per piece per subscriber, ever, and only when a piece becomes
 * published here (a publish in the editor or the API, a schedule coming due); never for pieces that
 * arrive by import, the demo loader or a copy of rows; never to anyone unsubscribed or suppressed.
 */
final class AlertsTest {

  NewsletterFixture fixture;
  Jdbi jdbi;
  Workflow workflow;
  Actor editor;

  private Dialect dialect;

  @BeforeEach
  void open(Dialect dialect) {
    this.dialect = dialect;
    fixture = new NewsletterFixture(dialect, null, NewsletterFixture.settings(), null,
        "alerts=alert,briefs=alert,weekly=weekly,news=campaigns");
    jdbi = fixture.db.database().jdbi();
    workflow = new Workflow(jdbi, fixture.content, new PreviewLinks(jdbi, fixture.clock), fixture.clock);
    long id = jdbi.withHandle(h -> h.createQuery("INSERT INTO accounts (email, name, role, password_hash, created_at,"
        + " changed_at) VALUES ('eda@think.example', 'Eda Editor', 'editor', 'x', 0, 0) RETURNING id").mapTo(Long.class).one());
    editor = new Actor(id, "Eda Editor", true);
  }

  @AfterEach
  void close() {
    fixture.close();
  }

  // --- only what becomes published here is announced -----------------------------------------

  @EachDatabase
  void piecesThatArriveByContentImportOrTheDemoLoaderAreNeverAnnouncedByTheSweep() {
    fixture.subscribers("all@x.org,alerts,,,form", "energy@x.org,briefs,energy,,form");
    fixture.clock.set(Instant.parse("2026-04-28T09:00:00Z")); // a demo piece was published an hour ago
    Instant anHourAgo = fixture.clock.instant().minus(Duration.ofHours(1));
    fixture.content.importBundle(new ContentBundle(Map.of(), List.of(), List.of(), List.of(), List.of(
        publication("moved-here").published(anHourAgo.toString()).build(),
        publication("moved-too").published(fixture.clock.instant().toString()).build())), n -> {});
    DemoContent.loadOnce(fixture.content);
    fixture.content.savePublication(publication("copied-row").published(fixture.clock.instant().toString()).build());

    fixture.newsletter.sweep();

    assertThat(fixture.newsletter.service().sends(10)).extracting(p -> p.send().kind()).doesNotContain(Send.Kind.ALERT);
    assertThat(fixture.statuses()).isEmpty();
  }

  @EachDatabase
  void eventsCopiedFromAnotherInstallationAndMarkedHandledAnnounceNothing() {
    fixture.subscribers("all@x.org,alerts,,,form");
    publish(publication("copied-with-its-event"));

    int marked = jdbi.withHandle(h -> PublishedEvents.markAllHandled(h, fixture.clock.millis()));
    assertThat(marked).isEqualTo(1);
    fixture.newsletter.sweep();

    assertThat(fixture.statuses()).isEmpty();
  }

  @EachDatabase
  void publishingSendsTheAlertOnceToConfirmedMatchingSubscribersAndNeverToOnesWhoLeftOrAreSuppressed() {
    fixture.subscribers("energy@x.org,alerts,energy,,form", "security@x.org,alerts,security,,form",
        "caucasus@x.org,alerts,,south-caucasus,form", "left@x.org,alerts,,,form", "bounced@x.org,alerts,,,form",
        "weekly@x.org,weekly,,,form");
    SubscriberService subscribers = fixture.subscribers;
    subscribers.unsubscribe(subscribers.tokens().preferences(subscribers.find("left@x.org").orElseThrow().id()));
    subscribers.suppress("bounced@x.org", "hard bounce");
    subscribers.subscribe(new SubscribeRequest("pending@x.org", "", "en", List.of("alerts"), List.of(), List.of(), true,
        "form"));
    jdbi.useHandle(h -> h.execute("DELETE FROM outbox")); // the confirmation message is not what this is about

    long id = publish(publication("grid").topics("energy").regions("armenia"));
    fixture.newsletter.sweep();
    fixture.newsletter.sweep();

    assertThat(fixture.statuses()).containsExactly("caucasus@x.org:queued", "energy@x.org:queued");
    assertThat(fixture.newsletter.service().sends(10)).filteredOn(p -> p.send().kind() == Send.Kind.ALERT)
        .extracting(p -> p.send().key()).containsExactlyInAnyOrder("alert:" + id + ":alerts", "alert:" + id + ":briefs");
    assertThat(pendingEvents()).isZero();
  }

  @EachDatabase
  void unpublishingAndPublishingAgainSendsNothingMore() {
    fixture.subscribers("all@x.org,alerts,,,form");
    long id = publish(publication("grid"));
    fixture.newsletter.sweep();
    assertThat(fixture.statuses()).containsExactly("all@x.org:queued");

    save(id, Action.UNPUBLISH);
    fixture.subscribers("joined-since@x.org,alerts,,,form");
    save(id, Action.PUBLISH);
    fixture.newsletter.sweep();

    assertThat(fixture.statuses()).containsExactly("all@x.org:queued");
    assertThat(eventCount()).isEqualTo(2);
    assertThat(pendingEvents()).isZero();
  }

  @EachDatabase
  void aSubscriberOnTwoAlertListsGetsOneAlert() {
    fixture.subscribers("both@x.org,alerts;briefs,,,form", "briefs@x.org,briefs,,,form");

    publish(publication("grid"));
    fixture.newsletter.sweep();

    assertThat(fixture.statuses()).containsExactly("both@x.org:queued", "briefs@x.org:queued");
  }

  @EachDatabase
  void aScheduledPieceComingDueSendsOnceWhateverNumberOfPublishersRun() {
    fixture.subscribers("all@x.org,alerts,,,form");
    Instant at = fixture.clock.instant().plus(Duration.ofHours(1));
    long id = workflow.create(editor, draft(publication("later")), Action.SCHEDULE, at).publication().id();
    fixture.newsletter.sweep();
    assertThat(fixture.statuses()).isEmpty();

    fixture.clock.set(at.plusSeconds(5));
    try (ScheduledPublisher one = new ScheduledPublisher(fixture.content, fixture.clock, jdbi, dialect);
         ScheduledPublisher two = new ScheduledPublisher(fixture.content, fixture.clock, jdbi, dialect)) {
      assertThat(one.publishDue() + two.publishDue() + one.publishDue()).isEqualTo(1);
    }
    fixture.newsletter.sweep();

    assertThat(fixture.content.findPublication(id).orElseThrow().status()).isEqualTo(Status.PUBLISHED);
    assertThat(eventCount()).isEqualTo(1);
    assertThat(fixture.statuses()).containsExactly("all@x.org:queued");
  }

  @EachDatabase
  void twoNodesTakingTheSameEventsAtOnceSendEachAlertOnce() throws Exception {
    fixture.subscribers("one@x.org,alerts,,,form", "two@x.org,briefs,,,form");
    for (int i = 0; i < 5; i++) {
      publish(publication("piece-" + i));
    }
    Newsletter otherNode = fixture.anotherNode();
    CountDownLatch start = new CountDownLatch(1);
    ExecutorService nodes = Executors.newFixedThreadPool(2);
    try {
      List<Callable<List<Long>>> consumers = List.of(() -> {
        start.await();
        return fixture.newsletter.alerts().consumePending();
      }, () -> {
        start.await();
        return otherNode.alerts().consumePending();
      });
      List<Future<List<Long>>> done = consumers.stream().map(nodes::submit).toList();
      start.countDown();
      long sends = 0;
      for (Future<List<Long>> future : done) {
        sends += future.get().size();
      }
      assertThat(sends).isEqualTo(10); // two lists × five pieces, each created by one node
    } finally {
      nodes.shutdownNow();
    }
    assertThat(fixture.statuses()).hasSize(10).containsOnly("one@x.org:queued", "two@x.org:queued");
    assertThat(pendingEvents()).isZero();
  }

  @EachDatabase
  void retryingAnAlertsFailuresQueuesNobodyWhoLeftSinceOrIsSuppressed() {
    fixture.subscribers("stays@x.org,alerts,,,form", "left@x.org,alerts,,,form", "bounced@x.org,alerts,,,form");
    publish(publication("grid"));
    fixture.newsletter.sweep();
    jdbi.useHandle(h -> h.execute("UPDATE outbox SET status = 'failed', attempts = 8, last_error = '451 busy'"));
    SubscriberService subscribers = fixture.subscribers;
    subscribers.unsubscribe(subscribers.tokens().preferences(subscribers.find("left@x.org").orElseThrow().id()));
    subscribers.suppress("bounced@x.org", "hard bounce");
    long send = fixture.newsletter.service().sends(10).stream().filter(p -> p.send().key().endsWith(":alerts"))
        .findFirst().orElseThrow().send().id();

    assertThat(fixture.newsletter.service().retryFailed(send)).isEqualTo(1);

    assertThat(fixture.statuses()).containsExactly("bounced@x.org:failed", "left@x.org:failed", "stays@x.org:queued");
  }

  // --- languages -----------------------------------------------------------------------------

  void subscribersWithLanguages(String list, String... emailAndLanguage) {
    StringBuilder csv = new StringBuilder("email,lists,language,consent\n");
    for (int i = 0; i < emailAndLanguage.length; i += 2) {
      csv.append(emailAndLanguage[i]).append(',').append(list).append(',').append(emailAndLanguage[i + 1]).append(",form\n");
    }
    assertThat(fixture.subscribers.importCsv(new java.io.StringReader(csv.toString()), "languages.csv", false)
        .ok()).isTrue();
  }

  @EachDatabase
  void aPieceInThreeLanguagesIsOneAlertInEachSubscribersLanguageOrElseTheOriginal() {
    subscribersWithLanguages("alerts", "en@x.org", "en", "ru@x.org", "ru", "hy@x.org", "hy", "fr@x.org", "fr",
        "pt@x.org", "pt-BR");
    publish(publication("peace-en").group("peace").title("Peace talks"));
    fixture.clock.advance(Duration.ofMinutes(1));
    publish(publication("peace-ru").group("peace").language("ru").title("Мирные переговоры"));
    fixture.clock.advance(Duration.ofMinutes(1));
    publish(publication("peace-hy").group("peace").language("hy").title("Խաղաղության բանակցություններ"));

    fixture.newsletter.sweep();
    fixture.sender().start();
    fixture.awaitOutboxDrained();

    assertThat(fixture.subjectsByRecipient()).containsExactly("en@x.org: Peace talks",
        "fr@x.org: Peace talks", "hy@x.org: Խաղաղության բանակցություններ", "pt@x.org: Peace talks",
        "ru@x.org: Мирные переговоры");
    assertThat(pendingEvents()).isZero();
  }

  @EachDatabase
  void aTranslationPublishedLaterReachesOnlyThoseWhoHaveNotHadThePiece() {
    subscribersWithLanguages("alerts", "en@x.org", "en", "ru-early@x.org", "ru");
    publish(publication("peace-en").group("peace").title("Peace talks"));
    fixture.newsletter.sweep();
    subscribersWithLanguages("alerts", "ru-late@x.org", "ru");

    fixture.clock.advance(Duration.ofHours(1));
    publish(publication("peace-ru").group("peace").language("ru").title("Мирные переговоры"));
    fixture.newsletter.sweep();
    fixture.sender().start();
    fixture.awaitOutboxDrained();

    assertThat(fixture.subjectsByRecipient()).containsExactly("en@x.org: Peace talks", "ru-early@x.org: Peace talks",
        "ru-late@x.org: Мирные переговоры");
  }

  @EachDatabase
  void aDigestListsOneVersionOfEachTranslatedPieceInThePeriodWhenTheVersionMeantForTheReaderCameOut() throws Exception {
    // 2026-03-02 is a Monday: the weekly period is 2026-02-23T08:00Z to 2026-03-02T08:00Z.
    fixture.content.savePublication(publication("grid").title("Grid").published("2026-02-24T09:00:00Z").build());
    fixture.content.savePublication(publication("peace-en").group("peace").title("Peace talks")
        .published("2026-02-25T09:00:00Z").build());
    fixture.content.savePublication(publication("peace-ru").group("peace").language("ru").title("Мирные переговоры")
        .published("2026-02-26T09:00:00Z").build());
    fixture.content.savePublication(publication("peace-hy").group("peace").language("hy").title("Խաղաղություն")
        .published("2026-02-27T09:00:00Z").build());
    fixture.content.savePublication(publication("dams-en").group("dams").title("Dams")
        .published("2026-02-16T09:00:00Z").build()); // the week before
    fixture.content.savePublication(publication("dams-ru").group("dams").language("ru").title("Плотины")
        .published("2026-02-26T10:00:00Z").build());
    subscribersWithLanguages("weekly", "en@x.org", "en", "ru@x.org", "ru", "fr@x.org", "fr");

    fixture.newsletter.service().composeDueDigests(fixture.clock.instant(), java.util.Optional.of("weekly"));
    fixture.sender().start();
    fixture.awaitOutboxDrained();

    assertThat(digestTitles()).containsExactly(Map.entry("en@x.org", List.of("Peace talks", "Grid")),
        Map.entry("fr@x.org", List.of("Peace talks", "Grid")),
        Map.entry("ru@x.org", List.of("Плотины", "Мирные переговоры", "Grid")));
  }

  /** Recipient → the titles of the pieces their digest links, in order. */
  Map<String, List<String>> digestTitles() throws Exception {
    Map<String, List<String>> titles = new java.util.TreeMap<>();
    for (jakarta.mail.internet.MimeMessage message : fixture.pickedUp().values()) {
      String html = (String) ((jakarta.mail.Multipart) message.getContent()).getBodyPart(1).getContent();
      titles.put(((jakarta.mail.internet.InternetAddress) message.getAllRecipients()[0]).getAddress(),
          org.jsoup.Jsoup.parse(html).select("h2 a").eachText());
    }
    return titles;
  }

  // --- the operator's alert, and the pieces that get none ------------------------------------

  @EachDatabase
  void theOperatorsAlertOfAnImportedPieceReachesOnlyThoseWhoHaveNotHadItAndNeverAnyoneWhoLeft() {
    fixture.subscribers("all@x.org,alerts,,,form", "left@x.org,alerts,,,form");
    SubscriberService subscribers = fixture.subscribers;
    subscribers.unsubscribe(subscribers.tokens().preferences(subscribers.find("left@x.org").orElseThrow().id()));
    fixture.content.savePublication(publication("old-piece").published("2024-01-01T00:00:00Z").build());

    fixture.newsletter.service().alert("old-piece");
    fixture.newsletter.service().alert("old-piece");

    assertThat(fixture.statuses()).containsExactly("all@x.org:queued");
  }

  @EachDatabase
  void aBackDatedPieceAndAnEventThatWaitedTooLongGetNoAlert() {
    fixture.subscribers("all@x.org,alerts,,,form");
    publishDated(publication("archive-piece").published("2020-01-01T00:00:00Z"));
    publish(publication("waited"));
    fixture.clock.advance(Duration.ofHours(49));

    fixture.newsletter.sweep();

    assertThat(fixture.statuses()).isEmpty();
    assertThat(pendingEvents()).isZero();
  }

  // --- helpers -------------------------------------------------------------------------------

  static PublicationInput draft(org.thinkpress.content.Fixtures.PublicationBuilder piece) {
    return piece.status(Status.DRAFT).published(null).build();
  }

  /** Creates the piece and publishes it now as an editor does; returns its id. */
  long publish(org.thinkpress.content.Fixtures.PublicationBuilder piece) {
    return publishDated(piece.published(null));
  }

  /** The same, for a piece whose publication date the editor set (to the past: back-dated). */
  long publishDated(org.thinkpress.content.Fixtures.PublicationBuilder piece) {
    PublicationInput asDraft = piece.status(Status.DRAFT).build();
    Workflow.Saved draft = workflow.create(editor, asDraft, Action.SAVE, null);
    return workflow.save(editor, draft.publication().id(), draft.editVersion(), asDraft, Action.PUBLISH, null)
        .publication().id();
  }

  void save(long id, Action action) {
    Workflow.Editable current = workflow.open(editor, id);
    workflow.save(editor, id, current.editVersion(), current.publication().toInput(fixture.content.taxonomy()), action,
        null);
  }

  long eventCount() {
    return jdbi.withHandle(h -> h.createQuery("SELECT COUNT(*) FROM published_events").mapTo(Long.class).one());
  }

  long pendingEvents() {
    return jdbi.withHandle(PublishedEvents::pending);
  }
}
