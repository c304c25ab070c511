package org.thinkpress.subscribers;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringReader;
import java.io.StringWriter;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.thinkpress.newsletter.NewsletterFixture;
import org.thinkpress.storage.Dialect;
import org.thinkpress.storage.EachDatabase;
import org.thinkpress.subscribers.ImportReport.Kept;

/**
 * Subscribers' CSV, on each database: an export imports back into an empty database as the same
 * people, and no import ever subscribes anyone who left, is suppressed, was erased, or did not
 * confirm.
 */
final class SubscriberCsvTest {

  NewsletterFixture fixture;
  SubscriberService service;

  private Dialect dialect;

  @BeforeEach
  void open(Dialect dialect) {
    this.dialect = dialect;
    fixture = new NewsletterFixture(dialect, null, NewsletterFixture.settings());
    service = fixture.subscribers;
  }

  @AfterEach
  void close() {
    fixture.close();
  }

  // --- the round trip ------------------------------------------------------------------------

  @EachDatabase
  void anExportImportedIntoAnEmptyDatabaseGivesTheSameSubscribersAndTheSameFileByteForByte() {
    signUp(service, "stays@x.org", "en", List.of("energy"));
    confirm(service, "stays@x.org");
    fixture.clock.advance(Duration.ofHours(1));
    signUp(service, "left@x.org", "en", List.of());
    confirm(service, "left@x.org");
    fixture.clock.advance(Duration.ofHours(1));
    service.unsubscribe(token(service, "left@x.org"), SubscriberService.ONE_CLICK);
    signUp(service, "pending@x.org", "ru", List.of("security"));
    signUp(service, "paused@x.org", "hy", List.of());
    confirm(service, "paused@x.org");
    service.updatePreferences(token(service, "paused@x.org"), new Preferences("=Paula", List.of("weekly", "alerts"),
        List.of(), List.of("armenia"), false, true));
    signUp(service, "bounced@x.org", "en", List.of());
    confirm(service, "bounced@x.org");
    service.suppress("bounced@x.org", "550 5.1.1 no such user");
    assertThat(service.importCsv(new StringReader("email,name,lists,consent\nlisted@x.org,Lee,news,met at the 2025 forum\n"),
        "forum.csv", false).ok()).isTrue();
    String exported = export(service);

    try (NewsletterFixture elsewhere = new NewsletterFixture(dialect, null, NewsletterFixture.settings())) {
      elsewhere.clock.advance(Duration.ofDays(30)); // the import happens a month later
      SubscriberService there = elsewhere.subscribers;

      ImportReport report = there.importCsv(new StringReader(exported), "export.csv", false);

      assertThat(report.errors()).isEmpty();
      assertThat(report.addedByStatus()).containsExactly(Map.entry(SubscriberStatus.PENDING, 1),
          Map.entry(SubscriberStatus.CONFIRMED, 3), Map.entry(SubscriberStatus.PAUSED, 1),
          Map.entry(SubscriberStatus.UNSUBSCRIBED, 1));
      String again = export(there);
      assertThat(records(again)).containsExactlyElementsOf(records(exported));
      assertThat(again).isEqualTo(exported);
      Subscriber left = there.find("left@x.org").orElseThrow();
      assertThat(left.status()).isEqualTo(SubscriberStatus.UNSUBSCRIBED);
      assertThat(left.unsubscribeReason()).isEqualTo(SubscriberService.ONE_CLICK);
      assertThat(left.createdAt()).isEqualTo(service.find("left@x.org").orElseThrow().createdAt());
      assertThat(there.suppression("bounced@x.org")).hasValue("550 5.1.1 no such user");
      assertThat(there.find("pending@x.org").orElseThrow().language()).isEqualTo("ru");
      assertThat(elsewhere.statuses()).isEmpty(); // an import sends nothing
    }
  }

  @EachDatabase
  void theExportCarriesStatusConsentTimesDepartureSuppressionLanguageListsAndInterests() {
    signUp(service, "left@x.org", "ru", List.of("energy"));
    confirm(service, "left@x.org");
    fixture.clock.advance(Duration.ofMinutes(5));
    service.unsubscribe(token(service, "left@x.org"), SubscriberService.PREFERENCES_PAGE);
    service.suppress("left@x.org", "asked by phone");

    List<Map<String, String>> rows = records(export(service));

    assertThat(rows.get(0)).containsExactlyInAnyOrderEntriesOf(Map.ofEntries(
        Map.entry("email", "left@x.org"), Map.entry("name", ""), Map.entry("status", "unsubscribed"),
        Map.entry("language", "ru"), Map.entry("lists", "alerts"), Map.entry("topics", "energy"),
        Map.entry("regions", ""), Map.entry("everything", "no"), Map.entry("consent", "web form /subscribe, confirmed by email"),
        Map.entry("consent_at", "2026-03-02T10:00:00Z"), Map.entry("created_at", "2026-03-02T10:00:00Z"),
        Map.entry("confirmed_at", "2026-03-02T10:00:00Z"), Map.entry("unsubscribed_at", "2026-03-02T10:05:00Z"),
        Map.entry("unsubscribe_reason", "the preferences page"), Map.entry("suppressed_at", "2026-03-02T10:05:00Z"),
        Map.entry("suppression_reason", "asked by phone")));
  }

  @EachDatabase
  void anExportImportedIntoItsOwnDatabaseChangesNothing() {
    signUp(service, "one@x.org", "en", List.of("energy"));
    confirm(service, "one@x.org");
    signUp(service, "two@x.org", "en", List.of());
    String exported = export(service);

    ImportReport report = service.importCsv(new StringReader(exported), "export.csv", false);

    assertThat(report.added()).isZero();
    assertThat(report.updated()).isZero();
    assertThat(report.kept()).containsEntry(Kept.UNCHANGED, 1).containsEntry(Kept.NOT_CONFIRMED, 1);
    assertThat(export(service)).isEqualTo(exported);
  }

  // --- nobody resubscribed -------------------------------------------------------------------

  @EachDatabase
  void noImportConfirmsAnAddressThatLeftIsSuppressedWasErasedOrDidNotConfirmAndTheDryRunSaysWhichRuleKeptEach() {
    fixture.subscribers("left@x.org,alerts,,,form", "bounced@x.org,alerts,,,form", "gone@x.org,alerts,,,form",
        "confirmed@x.org,alerts,,,form");
    service.unsubscribe(token(service, "left@x.org"));
    service.suppress("bounced@x.org", "hard bounce");
    service.erase("gone@x.org");
    signUp(service, "pending@x.org", "en", List.of());
    signUp(service, "waiting@x.org", "en", List.of());
    String file = """
        email,status,lists,consent
        left@x.org,confirmed,alerts;weekly,an old list
        bounced@x.org,confirmed,alerts,an old list
        gone@x.org,confirmed,alerts,an old list
        pending@x.org,pending,alerts;weekly,an old list
        confirmed@x.org,pending,weekly,an old list
        waiting@x.org,confirmed,alerts,met at the forum
        new@x.org,unsubscribed,alerts,
        """;

    ImportReport dryRun = service.importCsv(new StringReader(file), "old.csv", true);
    ImportReport real = service.importCsv(new StringReader(file), "old.csv", false);

    for (ImportReport report : List.of(dryRun, real)) {
      assertThat(report.kept()).containsExactly(Map.entry(Kept.SUPPRESSED, 1), Map.entry(Kept.ERASED, 1),
          Map.entry(Kept.UNSUBSCRIBED, 1), Map.entry(Kept.NOT_CONFIRMED, 2), Map.entry(Kept.REJOINED, 0),
          Map.entry(Kept.UNCHANGED, 0));
      assertThat(report.updated()).isEqualTo(1); // waiting@: pending, and the row records consent and confirmation
      assertThat(report.addedByStatus()).containsEntry(SubscriberStatus.UNSUBSCRIBED, 1);
      assertThat(report.added()).isEqualTo(1);
    }
    assertThat(dryRun.lines()).containsExactly("would be added: 1 (pending 0, confirmed 0, paused 0, unsubscribed 1)",
        "would be updated: 1", "kept as they were: 5", "  suppressed here: 1", "  erased here on request: 1",
        "  unsubscribed here: 1", "  not confirmed in the file: 2", "  confirmed here after leaving as the file says: 0",
        "  already as in the file: 0");
    assertThat(status("left@x.org")).isEqualTo(SubscriberStatus.UNSUBSCRIBED);
    assertThat(service.find("left@x.org").orElseThrow().lists()).containsExactly("alerts");
    assertThat(service.suppression("bounced@x.org")).hasValue("hard bounce");
    assertThat(service.find("gone@x.org")).isEmpty();
    assertThat(status("pending@x.org")).isEqualTo(SubscriberStatus.PENDING);
    assertThat(service.find("confirmed@x.org").orElseThrow().lists()).containsExactly("alerts");
    assertThat(status("waiting@x.org")).isEqualTo(SubscriberStatus.CONFIRMED);
    assertThat(service.find("waiting@x.org").orElseThrow().consent()).isEqualTo("met at the forum");
    assertThat(status("new@x.org")).isEqualTo(SubscriberStatus.UNSUBSCRIBED);
  }

  @EachDatabase
  void aListWithoutAStatusColumnImportsAsConfirmedOnlyWithConsent() {
    ImportReport refused = service.importCsv(new StringReader("email,consent\nok@x.org,forum 2025\nnone@x.org,\n"),
        "list.csv", false);
    assertThat(refused.errors()).containsExactly("list.csv:3: no consent recorded for this address");
    assertThat(service.find("ok@x.org")).isEmpty();

    ImportReport report = service.importCsv(new StringReader("email,consent\nok@x.org,forum 2025\n"), "list.csv", false);

    assertThat(report.addedByStatus()).containsEntry(SubscriberStatus.CONFIRMED, 1);
    Subscriber ok = service.find("ok@x.org").orElseThrow();
    assertThat(ok.status()).isEqualTo(SubscriberStatus.CONFIRMED);
    assertThat(ok.confirmedAt()).isEqualTo(NewsletterFixture.START);
    assertThat(ok.consentAt()).isNull(); // the file does not say when
  }

  @EachDatabase
  void aDepartureInTheFileIsRecordedUnlessTheyConfirmedHereAfterIt() {
    fixture.subscribers("old@x.org,alerts,,,form", "back@x.org,alerts,,,form");
    fixture.clock.advance(Duration.ofDays(1));
    String file = "email,status,consent,unsubscribed_at,unsubscribe_reason\n"
        + "old@x.org,unsubscribed,form,2026-03-02T12:00:00Z,asked by letter\n"
        + "back@x.org,unsubscribed,form,2026-03-01T12:00:00Z,asked by letter\n";
    fixture.db.database().jdbi().useHandle(h -> h.execute("UPDATE subscribers SET confirmed_at = ? WHERE email = ?",
        NewsletterFixture.START.plus(Duration.ofHours(1)).toEpochMilli(), "back@x.org"));

    ImportReport report = service.importCsv(new StringReader(file), "left.csv", false);

    assertThat(report.updated()).isEqualTo(1);
    assertThat(report.kept()).containsEntry(Kept.REJOINED, 1);
    Subscriber old = service.find("old@x.org").orElseThrow();
    assertThat(old.status()).isEqualTo(SubscriberStatus.UNSUBSCRIBED);
    assertThat(old.unsubscribedAt()).hasToString("2026-03-02T12:00:00Z");
    assertThat(old.unsubscribeReason()).isEqualTo("asked by letter");
    assertThat(status("back@x.org")).isEqualTo(SubscriberStatus.CONFIRMED);
  }

  @EachDatabase
  void aFaultyRowIsReportedAsFileAndLineAndNothingIsWritten() {
    String file = """
        email,status,consent,created_at,language
        fine@x.org,confirmed,form,2026-01-01T00:00:00Z,en
        odd@x.org,subscribed,form,,en
        late@x.org,confirmed,form,yesterday,en
        quiet@x.org,confirmed,,,en
        tongue@x.org,pending,,,klingonese
        """;

    ImportReport report = service.importCsv(new StringReader(file), "faulty.csv", false);

    assertThat(report.errors()).containsExactly(
        "faulty.csv:3: status 'subscribed' is not one of pending, confirmed, paused, unsubscribed",
        "faulty.csv:4: created_at 'yesterday' is not a time such as 2026-03-02T10:00:00Z",
        "faulty.csv:5: no consent recorded for this address",
        "faulty.csv:6: language 'klingonese' is not a language tag such as en or ru");
    assertThat(report.added()).isZero();
    assertThat(service.find("fine@x.org")).isEmpty();
  }

  // --- helpers -------------------------------------------------------------------------------

  SubscriberStatus status(String email) {
    return service.find(email).orElseThrow().status();
  }

  static void signUp(SubscriberService service, String email, String language, List<String> topics) {
    service.subscribe(new SubscribeRequest(email, "", language, List.of("alerts"), topics, List.of(), topics.isEmpty(),
        "web form /subscribe, confirmed by email"));
  }

  void confirm(SubscriberService service, String email) {
    long id = service.find(email).orElseThrow().id();
    service.confirm(fixture.db.database().jdbi().withHandle(h -> service.confirmationToken(h, id)).orElseThrow());
  }

  static String token(SubscriberService service, String email) {
    return service.tokens().preferences(service.find(email).orElseThrow().id());
  }

  static String export(SubscriberService service) {
    StringWriter out = new StringWriter();
    service.exportCsv(out);
    return out.toString();
  }

  static List<Map<String, String>> records(String csv) {
    try {
      return CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get().parse(new StringReader(csv))
          .getRecords().stream().map(CSVRecord::toMap).toList();
    } catch (java.io.IOException e) {
      throw new AssertionError(e);
    }
  }
}
