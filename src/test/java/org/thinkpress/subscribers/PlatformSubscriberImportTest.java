package org.thinkpress.subscribers;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringReader;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.thinkpress.newsletter.NewsletterFixture;
import org.thinkpress.storage.Dialect;
import org.thinkpress.storage.EachDatabase;
import org.thinkpress.subscribers.ImportReport.Kept;

/**
 * Subscriber exports of Substack and Ghost, on each database: their readers come in with their
 * consent on the old platform, whoever had left stays unsubscribed, nobody who left here is
 * subscribed again, and importing the same file twice changes nothing.
 */
final class PlatformSubscriberImportTest {

  /** Substack's columns as its export writes them, with made-up people. */
  static final String SUBSTACK = """
      email,active_subscription,expiry,plan,email_disabled,created_at,first_payment_at
      reader.one@example.org,false,,free,false,2023-04-01T09:15:22.123Z,
      Paying.Reader@Example.org,true,2027-04-01T00:00:00.000Z,yearly,false,2024-11-30T23:59:59.000Z,2024-11-30T23:59:59.000Z
      gone.quiet@example.org,false,,free,true,2022-01-10T08:00:00.000Z,
      a1b2c3@deletion-request.substack.com,false,,free,false,2021-06-01T12:00:00.000Z,
      """;

  /** Ghost's members columns, with made-up people; labels as Ghost writes them, in one cell. */
  static final String GHOST = """
      id,email,name,note,subscribed_to_emails,complimentary_plan,stripe_customer_id,created_at,deleted_at,labels,tiers
      64a1f0c2e4b0a1b2c3d4e5f6,member.one@example.org,Ana Member,met at a talk,true,false,,2023-04-01T10:00:00.000Z,,,
      64a1f0c2e4b0a1b2c3d4e5f7,weekly.reader@example.org,Ben Weekly,,true,false,cus_TEST123,2022-09-15T07:30:00.000Z,,"Weekly, VIP",Supporter
      64a1f0c2e4b0a1b2c3d4e5f8,left.ghost@example.org,Cleo Left,,false,false,,2021-02-03T04:05:06.000Z,,conference 2024,
      """;

  NewsletterFixture fixture;
  SubscriberService service;

  @BeforeEach
  void open(Dialect dialect) {
    fixture = new NewsletterFixture(dialect, null, NewsletterFixture.settings());
    service = fixture.subscribers;
  }

  @AfterEach
  void close() {
    fixture.close();
  }

  // --- Substack ------------------------------------------------------------------------------

  @EachDatabase
  void aSubstackExportComesInConfirmedWithItsConsentAndWhoeverDisabledEmailStaysUnsubscribed() {
    ImportReport report = importing(SubscriberFormat.SUBSTACK, SUBSTACK, false);

    assertThat(report.errors()).isEmpty();
    assertThat(report.addedByStatus()).containsExactly(Map.entry(SubscriberStatus.PENDING, 0),
        Map.entry(SubscriberStatus.CONFIRMED, 2), Map.entry(SubscriberStatus.PAUSED, 0),
        Map.entry(SubscriberStatus.UNSUBSCRIBED, 1));
    assertThat(report.notes()).containsExactly("skipped 1 address(es) at deletion-request.substack.com, which"
        + " Substack puts in place of people who asked to be deleted");
    Subscriber one = service.find("reader.one@example.org").orElseThrow();
    assertThat(one.status()).isEqualTo(SubscriberStatus.CONFIRMED);
    assertThat(one.consent()).isEqualTo("subscribed on Substack on 2023-04-01");
    assertThat(one.consentAt()).isEqualTo(Instant.parse("2023-04-01T09:15:22.123Z"));
    assertThat(one.createdAt()).isEqualTo(Instant.parse("2023-04-01T09:15:22.123Z"));
    assertThat(one.lists()).containsExactly("alerts");
    assertThat(one.everything()).isTrue();
    assertThat(one.language()).isEqualTo("en");
    assertThat(service.find("paying.reader@example.org").orElseThrow().consent())
        .isEqualTo("subscribed on Substack on 2024-11-30");
    Subscriber quiet = service.find("gone.quiet@example.org").orElseThrow();
    assertThat(quiet.status()).isEqualTo(SubscriberStatus.UNSUBSCRIBED);
    assertThat(quiet.unsubscribeReason()).isEqualTo("email disabled on Substack");
    assertThat(service.find("a1b2c3@deletion-request.substack.com")).isEmpty();
    assertThat(fixture.statuses()).isEmpty(); // an import sends nothing
  }

  @EachDatabase
  void aReaderWhoDisabledEmailOnSubstackAfterAnEarlierImportIsUnsubscribedByTheNext() {
    importing(SubscriberFormat.SUBSTACK, SUBSTACK, false);
    String later = SUBSTACK.replace("free,false,2023-04-01", "free,true,2023-04-01");

    ImportReport report = importing(SubscriberFormat.SUBSTACK, later, false);

    assertThat(report.updated()).isEqualTo(1);
    assertThat(report.kept()).containsEntry(Kept.UNCHANGED, 2);
    Subscriber one = service.find("reader.one@example.org").orElseThrow();
    assertThat(one.status()).isEqualTo(SubscriberStatus.UNSUBSCRIBED);
    assertThat(one.unsubscribeReason()).isEqualTo("email disabled on Substack");
  }

  // --- Ghost ---------------------------------------------------------------------------------

  @EachDatabase
  void aGhostMembersExportComesInWithNamesAndALabelNamingAListPutsTheMemberOnIt() {
    ImportReport report = importing(SubscriberFormat.GHOST, GHOST, false);

    assertThat(report.errors()).isEmpty();
    assertThat(report.addedByStatus()).containsEntry(SubscriberStatus.CONFIRMED, 2)
        .containsEntry(SubscriberStatus.UNSUBSCRIBED, 1);
    assertThat(report.notes())
        .containsExactly("labels are not imported unless a list has their key: VIP, conference 2024");
    Subscriber ana = service.find("member.one@example.org").orElseThrow();
    assertThat(ana.name()).isEqualTo("Ana Member");
    assertThat(ana.status()).isEqualTo(SubscriberStatus.CONFIRMED);
    assertThat(ana.consent()).isEqualTo("member of the Ghost site since 2023-04-01");
    assertThat(ana.consentAt()).isEqualTo(Instant.parse("2023-04-01T10:00:00Z"));
    assertThat(ana.lists()).containsExactly("alerts");
    assertThat(service.find("weekly.reader@example.org").orElseThrow().lists()).containsExactly("weekly");
    Subscriber cleo = service.find("left.ghost@example.org").orElseThrow();
    assertThat(cleo.status()).isEqualTo(SubscriberStatus.UNSUBSCRIBED);
    assertThat(cleo.unsubscribeReason()).isEqualTo("unsubscribed from email on Ghost");
    assertThat(cleo.createdAt()).isEqualTo(Instant.parse("2021-02-03T04:05:06Z"));
    assertThat(fixture.statuses()).isEmpty();
  }

  @EachDatabase
  void aGhostMemberWithADeletionTimeComesInUnsubscribed() {
    String file = """
        email,subscribed_to_emails,created_at,deleted_at
        removed@example.org,true,2023-04-01 10:00:00,2024-01-01 00:00:00
        """;

    importing(SubscriberFormat.GHOST, file, false);

    assertThat(service.find("removed@example.org").orElseThrow().status()).isEqualTo(SubscriberStatus.UNSUBSCRIBED);
  }

  // --- both ----------------------------------------------------------------------------------

  @EachDatabase
  void aSecondImportOfTheSameFileChangesNothing() {
    for (SubscriberFormat format : List.of(SubscriberFormat.SUBSTACK, SubscriberFormat.GHOST)) {
      String file = format == SubscriberFormat.SUBSTACK ? SUBSTACK : GHOST;
      importing(format, file, false);
      String before = SubscriberCsvTest.export(service);

      ImportReport again = importing(format, file, false);

      assertThat(again.added()).as(format.key()).isZero();
      assertThat(again.updated()).as(format.key()).isZero();
      assertThat(again.kept()).as(format.key()).containsEntry(Kept.UNCHANGED, 3);
      assertThat(SubscriberCsvTest.export(service)).as(format.key()).isEqualTo(before);
    }
  }

  @EachDatabase
  void anAddressThatUnsubscribedHereIsNotSubscribedAgainByEitherPlatformsFile() {
    fixture.subscribers("reader.one@example.org,alerts,,,form", "member.one@example.org,alerts,,,form");
    service.unsubscribe(SubscriberCsvTest.token(service, "reader.one@example.org"));
    service.unsubscribe(SubscriberCsvTest.token(service, "member.one@example.org"));

    ImportReport substack = importing(SubscriberFormat.SUBSTACK, SUBSTACK, false);
    ImportReport ghost = importing(SubscriberFormat.GHOST, GHOST, false);

    assertThat(substack.kept()).containsEntry(Kept.UNSUBSCRIBED, 1);
    assertThat(ghost.kept()).containsEntry(Kept.UNSUBSCRIBED, 1);
    for (String email : List.of("reader.one@example.org", "member.one@example.org")) {
      Subscriber left = service.find(email).orElseThrow();
      assertThat(left.status()).as(email).isEqualTo(SubscriberStatus.UNSUBSCRIBED);
      assertThat(left.consent()).as(email).isEqualTo("form");
    }
  }

  @EachDatabase
  void aDryRunSaysWhatWouldBeAddedAndWritesNothing() {
    ImportReport dryRun = importing(SubscriberFormat.GHOST, GHOST, true);

    assertThat(dryRun.lines()).containsExactly("would be added: 3 (pending 0, confirmed 2, paused 0, unsubscribed 1)",
        "would be updated: 0", "kept as they were: 0", "  suppressed here: 0", "  erased here on request: 0",
        "  unsubscribed here: 0", "  not confirmed in the file: 0", "  confirmed here after leaving as the file says: 0",
        "  already as in the file: 0", "labels are not imported unless a list has their key: VIP, conference 2024");
    assertThat(service.find("member.one@example.org")).isEmpty();
  }

  // --- refused files -------------------------------------------------------------------------

  @EachDatabase
  void aHeaderThatIsNotThePlatformsIsRefusedNamingTheColumnsItLacks() {
    thenRefused(SubscriberFormat.GHOST, SUBSTACK, "subscribers.csv:1: the header does not look like Ghost's members"
        + " export: it lacks subscribed_to_emails; it looks like Substack's subscriber export");
    thenRefused(SubscriberFormat.SUBSTACK, GHOST, "subscribers.csv:1: the header does not look like Substack's"
        + " subscriber export: it lacks email_disabled; it looks like Ghost's members export");
    thenRefused(SubscriberFormat.SUBSTACK, "email,consent\nlisted@example.org,forum\n", "subscribers.csv:1: the header"
        + " does not look like Substack's subscriber export: it lacks email_disabled, created_at; it looks like a"
        + " ThinkPress subscriber file");
    thenRefused(SubscriberFormat.GHOST, "address,subscribed_to_emails,created_at\nx@example.org,true,2023-04-01\n",
        "subscribers.csv:1: the header does not look like Ghost's members export: it lacks email");
  }

  @EachDatabase
  void faultyRowsAreReportedWithTheirLinesAndNothingIsWritten() {
    String file = """
        email,subscribed_to_emails,created_at
        fine@example.org,true,2023-04-01T10:00:00.000Z
        not-an-address,true,2023-04-01T10:00:00.000Z
        maybe@example.org,perhaps,2023-04-01T10:00:00.000Z
        when@example.org,true,01/04/2023
        undated@example.org,true,
        fine@example.org,true,2023-04-01T10:00:00.000Z
        short@example.org,true
        """;

    ImportReport report = importing(SubscriberFormat.GHOST, file, false);

    assertThat(report.errors()).containsExactly(
        "subscribers.csv:3: the email address must look like name@example.org",
        "subscribers.csv:4: subscribed_to_emails is 'perhaps'; expected true or false",
        "subscribers.csv:5: created_at '01/04/2023' is not a time such as 2023-04-01T10:00:00.000Z",
        "subscribers.csv:6: created_at is empty: the day they joined the Ghost site is the record of their consent",
        "subscribers.csv:7: the address is already on an earlier line",
        "subscribers.csv:8: has 2 fields; the header has 3");
    assertThat(report.added()).isZero();
    assertThat(service.find("fine@example.org")).isEmpty();
  }

  @EachDatabase
  void timesAreReadWithOrWithoutOffsetsFractionsOrTheTimeOfDay() {
    String file = """
        email,email_disabled,created_at
        offset@example.org,false,2023-04-01T12:00:00+02:00
        spaced@example.org,FALSE,2023-04-01 10:00:00.5
        day@example.org,false,2023-04-01
        """;

    assertThat(importing(SubscriberFormat.SUBSTACK, file, false).errors()).isEmpty();

    assertThat(service.find("offset@example.org").orElseThrow().consentAt()).hasToString("2023-04-01T10:00:00Z");
    assertThat(service.find("spaced@example.org").orElseThrow().consentAt())
        .hasToString("2023-04-01T10:00:00.500Z");
    assertThat(service.find("day@example.org").orElseThrow().consentAt()).hasToString("2023-04-01T00:00:00Z");
  }

  @EachDatabase
  void aSpreadsheetsByteOrderMarkAndCapitalisedColumnNamesAreRead() {
    String file = "\uFEFFEmail,Email_Disabled,Created_At\nsaved@example.org,false,2023-04-01\n";

    assertThat(importing(SubscriberFormat.SUBSTACK, file, false).errors()).isEmpty();

    assertThat(service.find("saved@example.org").orElseThrow().status()).isEqualTo(SubscriberStatus.CONFIRMED);
  }

  // --- helpers -------------------------------------------------------------------------------

  ImportReport importing(SubscriberFormat format, String csv, boolean dryRun) {
    return service.importCsv(new StringReader(csv), "subscribers.csv", format, dryRun);
  }

  void thenRefused(SubscriberFormat format, String csv, String error) {
    ImportReport report = importing(format, csv, false);
    assertThat(report.errors()).containsExactly(error);
    assertThat(report.added()).isZero();
  }
}
