package org.thinkpress.newsletter;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.StringReader;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.jdbi.v3.core.Jdbi;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.thinkpress.accounts.Role;
import org.thinkpress.admin.AdminClient;
import org.thinkpress.app.TestSite;
import org.thinkpress.subscribers.ImportReport;

/**
 * The newsletter's admin pages over real HTTP, checked against the database: search and counts,
 * CSV import (dry run first), export, suppress, erase, campaigns, sends, retry and progress. The
 * sender is off, so rows stay where the test puts them.
 */
class NewsletterAdminHttpTest {

  static TestSite site;
  static Jdbi jdbi;
  static AdminClient admin;
  static final ObjectMapper JSON = new ObjectMapper();

  @BeforeAll
  static void start() {
    site = TestSite.start(Map.of("newsletter.sender", "false",
        "newsletter.lists",
        "new-publications=alert,weekly-digest=weekly,announcements=campaigns,news-only=campaigns"), true);
    jdbi = site.app().database().jdbi();
    site.app().accounts().create("root@think.example", "Root", Role.ADMIN, "a long enough password");
    admin = new AdminClient(site.port());
    admin.login("root@think.example", "a long enough password");
    ImportReport report = site.app().subscribers().importCsv(new StringReader("""
        email,name,lists,topics,regions,consent
        ana.petrosyan@mail.example,Ana Petrosyan,announcements;new-publications,energy,,conference 2025
        bob@mail.example,Bob Stone,announcements,security,,conference 2025
        carla@mail.example,Carla Ruiz,announcements,,armenia,web form
        dan@mail.example,Dan Wu,weekly-digest,,,web form
        """), "fixture.csv", false);
    assertThat(report.errors()).isEmpty();
  }

  @AfterAll
  static void stop() {
    site.close();
  }

  // --- subscribers ---------------------------------------------------------------------------

  @Test
  void searchFindsByAddressOrNameAndFiltersByListAndInterest() {
    assertThat(emails(admin.get("/admin/subscribers?q=petros"))).containsExactly("ana.petrosyan@mail.example");
    assertThat(emails(admin.get("/admin/subscribers?q=STONE"))).containsExactly("bob@mail.example");
    assertThat(emails(admin.get("/admin/subscribers?list=announcements&region=armenia&status=confirmed")))
        .containsExactly("carla@mail.example");
    assertThat(emails(admin.get("/admin/subscribers?list=weekly-digest&q=wu"))).containsExactly("dan@mail.example");
    assertThat(emails(admin.get("/admin/subscribers?status=paused"))).isEmpty();
    assertThat(emails(admin.get("/admin/subscribers?topic=energy"))).containsExactly("ana.petrosyan@mail.example");
    assertThat(emails(admin.get("/admin/subscribers?region=armenia"))).containsExactly("carla@mail.example");
    assertThat(emails(admin.get("/admin/subscribers?q=nobody-has-this"))).isEmpty();
    assertThat(admin.get("/admin/subscribers?topic=no-such-topic").statusCode()).isEqualTo(400);
  }

  @Test
  void theCountsAtTheTopAreTheDatabasesAndEachMatchesItsFilteredList() {
    Document page = Jsoup.parse(admin.get("/admin/subscribers").body());
    for (String status : List.of("pending", "confirmed", "paused", "unsubscribed")) {
      long stored = jdbi.withHandle(h -> h.createQuery("SELECT COUNT(*) FROM subscribers WHERE status = :s")
          .bind("s", status).mapTo(Long.class).one());
      assertThat(page.select("[data-count=" + status + "]").text()).as(status).isEqualTo(Long.toString(stored));
    }
    long onAnnouncements = jdbi.withHandle(h -> h.createQuery("SELECT COUNT(*) FROM subscriber_lists l JOIN subscribers s"
        + " ON s.id = l.subscriber_id WHERE l.list_key = 'announcements' AND s.status = 'confirmed'").mapTo(Long.class).one());
    assertThat(page.select("a[href='/admin/subscribers?status=confirmed&list=announcements']").parents().first().text())
        .endsWith(": " + onAnnouncements);
    Document filtered = Jsoup.parse(admin.get("/admin/subscribers?status=confirmed&list=announcements").body());
    assertThat(filtered.select("#result-count").text()).isEqualTo(Long.toString(onAnnouncements));
  }

  @Test
  void theSubscriberPageShowsWhatIsStoredAndSuppressingRecordsTheReason() {
    long id = idOf("bob@mail.example");
    Document page = Jsoup.parse(admin.get("/admin/subscribers/" + id).body());
    assertThat(page.select("h1").text()).isEqualTo("bob@mail.example");
    assertThat(page.select(".facts").text()).contains("Bob Stone", "confirmed", "Announcements", "Security",
        "conference 2025", "Suppressed no");

    HttpResponse<String> suppressed = admin.post("/admin/subscribers/" + id + "/suppress", "reason", "asked by phone");

    assertThat(suppressed.statusCode()).isEqualTo(303);
    assertThat(text("SELECT reason FROM suppressions WHERE email = 'bob@mail.example'"))
        .isEqualTo("by root@think.example: asked by phone");
    assertThat(Jsoup.parse(admin.get("/admin/subscribers/" + id).body()).select(".facts").text())
        .contains("Suppressed yes: by root@think.example: asked by phone");
  }

  // --- import and export ---------------------------------------------------------------------

  @Test
  void aDryRunWritesNothingAndReportsEachFaultyLine() {
    long before = subscriberCount();

    HttpResponse<String> refused = upload("faulty.csv", """
        email,name,consent
        erin@mail.example,Erin,web form
        frank@mail.example,Frank,
        not-an-address,Nobody,web form
        """, true);

    assertThat(refused.statusCode()).isEqualTo(400);
    List<String> errors = Jsoup.parse(refused.body()).select("#import-errors li").eachText();
    assertThat(errors).hasSize(2);
    assertThat(errors.get(0)).isEqualTo("faulty.csv:3: no consent recorded for this address");
    assertThat(errors.get(1)).startsWith("faulty.csv:4: ");
    assertThat(subscriberCount()).isEqualTo(before);
  }

  @Test
  void aCleanDryRunReportsThenTheRealImportWrites() {
    long before = subscriberCount();
    String csv = "email,name,lists,consent\ngina@mail.example,Gina,announcements,fair 2026\n"
        + "dan@mail.example,,announcements,fair 2026\n";

    HttpResponse<String> dryRun = upload("clean.csv", csv, true);

    assertThat(dryRun.statusCode()).isEqualTo(200);
    Document report = Jsoup.parse(dryRun.body());
    assertThat(report.select("[data-count=added]").text()).isEqualTo("1");
    assertThat(report.select("[data-count=updated]").text()).isEqualTo("1");
    assertThat(report.select("[data-added=confirmed]").text()).isEqualTo("1");
    assertThat(report.select("[data-kept]").eachAttr("data-kept")).containsExactly("suppressed", "erased",
        "unsubscribed", "not-confirmed", "rejoined", "unchanged");
    assertThat(subscriberCount()).isEqualTo(before);
    assertThat(site.app().subscribers().find("dan@mail.example").orElseThrow().lists()).doesNotContain("announcements");

    String carried = report.select("input[name=csv]").val();
    HttpResponse<String> imported = admin.post("/admin/subscribers/import", "dry_run_field", "present",
        "name", "clean.csv", "csv", carried);

    assertThat(imported.statusCode()).isEqualTo(200);
    assertThat(Jsoup.parse(imported.body()).select("h2#report-heading").text()).isEqualTo("Imported clean.csv");
    assertThat(subscriberCount()).isEqualTo(before + 1);
    assertThat(site.app().subscribers().find("gina@mail.example").orElseThrow().consent()).isEqualTo("fair 2026");
    assertThat(site.app().subscribers().find("dan@mail.example").orElseThrow().lists()).contains("announcements");
  }

  @Test
  void aFormWithoutTheDryRunMarkerIsADryRun() {
    long before = subscriberCount();

    HttpResponse<String> response = admin.post("/admin/subscribers/import", "csv",
        "email,consent\nhugo@mail.example,web form\n");

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(subscriberCount()).isEqualTo(before);
  }

  @Test
  void theExportIsAnUncachedCsvDownloadWithFormulaCellsNeutralisedThatImportsBack() throws IOException {
    HttpResponse<String> imported = upload("formulas.csv", "email,name,consent\n"
        + "=evil@mail.example,\"=HYPERLINK(\"\"http://x.example\"\")\",+form\n"
        + "ivy@mail.example,-Ivy,@SUM(1)\n", false);
    assertThat(imported.statusCode()).as(imported.body()).isEqualTo(200);
    assertThat(site.app().subscribers().find("=evil@mail.example").orElseThrow().name())
        .isEqualTo("=HYPERLINK(\"http://x.example\")");

    HttpResponse<String> export = admin.get("/admin/subscribers/export.csv");

    assertThat(export.statusCode()).isEqualTo(200);
    assertThat(export.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/csv");
    assertThat(export.headers().firstValue("Content-Disposition").orElseThrow()).startsWith("attachment; filename=");
    assertThat(export.headers().firstValue("Cache-Control")).hasValue("no-store");
    List<CSVRecord> records = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get()
        .parse(new StringReader(export.body())).getRecords();
    assertThat(records).hasSize((int) subscriberCount());
    for (CSVRecord record : records) {
      for (String cell : record.values()) {
        assertThat(cell).as(record.toString()).doesNotStartWith("=").doesNotStartWith("+").doesNotStartWith("-")
            .doesNotStartWith("@");
      }
    }
    CSVRecord evil = records.stream().filter(r -> r.get("email").equals("'=evil@mail.example")).findFirst().orElseThrow();
    assertThat(evil.get("name")).isEqualTo("'=HYPERLINK(\"http://x.example\")");
    assertThat(evil.get("consent")).isEqualTo("'+form");
    CSVRecord ivy = records.stream().filter(r -> r.get("email").equals("ivy@mail.example")).findFirst().orElseThrow();
    assertThat(ivy.get("name")).isEqualTo("'-Ivy");
    assertThat(ivy.get("consent")).isEqualTo("'@SUM(1)");

    ImportReport again = site.app().subscribers().importCsv(new StringReader(export.body()), "export.csv", true);
    assertThat(again.errors()).isEmpty();
    assertThat(again.added()).isZero();
  }

  // --- erasure -------------------------------------------------------------------------------

  @Test
  void erasingRemovesEveryTraceOfTheAddressAndASecondEraseIsNotFound() throws IOException {
    site.app().subscribers().importCsv(new StringReader("email,name,lists,topics,regions,consent\n"
        + "jane.erase@mail.example,Jane Erase,announcements,energy,georgia,web form\n"), "erase.csv", false);
    long id = idOf("jane.erase@mail.example");
    site.app().newsletterService().sendCampaign("Before the erasure", "Text.", List.of("announcements"), List.of(),
        List.of());
    site.app().subscribers().suppress("jane.erase@mail.example", "test");
    assertThat(tablesMentioning("jane.erase@mail.example", id)).contains("subscribers", "outbox", "suppressions",
        "subscriber_lists", "subscriber_topics", "subscriber_regions");

    Path pickup = site.folder().resolve("outbox");
    Files.createDirectories(pickup);
    Path theirs = Files.writeString(pickup.resolve("send-1-subscriber-" + id + "-0.eml"), "To: jane.erase@mail.example");
    Path others = Files.writeString(pickup.resolve("send-1-subscriber-" + id + "0-0.eml"), "To: someone@mail.example");

    HttpResponse<String> confirmation = admin.get("/admin/subscribers/" + id + "/erase");
    assertThat(confirmation.statusCode()).isEqualTo(200);
    assertThat(Jsoup.parse(confirmation.body()).select("form[action=/admin/subscribers/" + id + "/erase] button").text())
        .isEqualTo("Erase jane.erase@mail.example completely");
    HttpResponse<String> erased = admin.post("/admin/subscribers/" + id + "/erase");

    assertThat(erased.statusCode()).isEqualTo(303);
    assertThat(erased.headers().firstValue("Location")).hasValue("/admin/subscribers?done=erased");
    assertThat(tablesMentioning("jane.erase@mail.example", id)).isEmpty();
    assertThat(theirs).doesNotExist();
    assertThat(others).exists();
    assertThat(admin.get("/admin/subscribers/" + id).statusCode()).isEqualTo(404);
    assertThat(admin.post("/admin/subscribers/" + id + "/erase").statusCode()).isEqualTo(404);
  }

  // --- campaigns and sends -------------------------------------------------------------------

  @Test
  void theRecipientCountShownBeforeSendingIsWhatTheSendQueuesAndASecondPostSendsNothing() {
    HttpResponse<String> confirm = admin.post("/admin/campaigns/confirm", "subject", "Energy briefing",
        "body", "## News\n\nThe **grid** is <b>fine</b>.", "lists", "announcements", "topics", "energy",
        "regions", "armenia");
    assertThat(confirm.statusCode()).isEqualTo(200);
    Document page = Jsoup.parse(confirm.body());
    Matcher shown = Pattern.compile("([0-9]+) recipient").matcher(page.select("#recipients").text());
    assertThat(shown.find()).isTrue();
    long recipients = Long.parseLong(shown.group(1));
    long expected = jdbi.withHandle(h -> h.createQuery("SELECT COUNT(*) FROM subscribers s WHERE s.status = 'confirmed'"
        + " AND s.email NOT IN (SELECT email FROM suppressions)"
        + " AND s.id IN (SELECT subscriber_id FROM subscriber_lists WHERE list_key = 'announcements')"
        + " AND (s.everything = TRUE OR s.id IN (SELECT t.subscriber_id FROM subscriber_topics t JOIN topics x ON x.id = t.topic_id"
        + " WHERE x.slug = 'energy') OR s.id IN (SELECT r.subscriber_id FROM subscriber_regions r JOIN regions x"
        + " ON x.id = r.region_id WHERE x.slug IN ('armenia', 'south-caucasus')))").mapTo(Long.class).one());
    assertThat(recipients).isEqualTo(expected).isPositive();
    assertThat(page.select(".email-preview > p").text()).isEqualTo("Subject: Energy briefing");
    assertThat(page.select(".email-preview .prose strong").text()).isEqualTo("grid");
    List<String> fields = formFields(page, "form[action=/admin/campaigns]");
    long sendsBefore = count("SELECT COUNT(*) FROM sends");
    long campaignsBefore = count("SELECT COUNT(*) FROM campaigns");

    HttpResponse<String> sent = admin.post("/admin/campaigns", fields.toArray(String[]::new));
    HttpResponse<String> again = admin.post("/admin/campaigns", fields.toArray(String[]::new));

    assertThat(sent.statusCode()).isEqualTo(303);
    String location = sent.headers().firstValue("Location").orElseThrow();
    assertThat(location).matches("/admin/sends/[0-9]+\\?done=campaign");
    assertThat(again.headers().firstValue("Location")).hasValue(location);
    long sendId = Long.parseLong(location.replaceAll("\\D+([0-9]+).*", "$1"));
    assertThat(count("SELECT COUNT(*) FROM outbox WHERE send_id = " + sendId)).isEqualTo(recipients);
    assertThat(count("SELECT COUNT(*) FROM sends")).isEqualTo(sendsBefore + 1);
    assertThat(count("SELECT COUNT(*) FROM campaigns")).isEqualTo(campaignsBefore + 1);
    assertThat(Jsoup.parse(admin.get("/admin/sends").body()).select("a[href=/admin/sends/" + sendId + "]").text())
        .isEqualTo("Energy briefing");
  }

  @Test
  void aCampaignWithoutAListIsSentBackToTheComposerWithEverythingKept() {
    HttpResponse<String> refused = admin.post("/admin/campaigns/confirm", "subject", "No list", "body", "Text.",
        "topics", "energy");

    assertThat(refused.statusCode()).isEqualTo(400);
    Document page = Jsoup.parse(refused.body());
    assertThat(page.select(".admin-error").text()).isEqualTo("Not ready to send: a campaign needs at least one list.");
    assertThat(page.select("#subject").val()).isEqualTo("No list");
    assertThat(page.select("input[name=topics][value=energy]").hasAttr("checked")).isTrue();
  }

  @Test
  void theProgressJsonCountsTheRowsAndRetryQueuesTheFailedAgain() throws IOException {
    site.app().subscribers().importCsv(new StringReader("email,lists,consent\nkim@mail.example,news-only,web\n"
        + "lee@mail.example,news-only,web\nmo@mail.example,news-only,web\n"), "progress.csv", false);
    long sendId = site.app().newsletterService().sendCampaign("Progress", "Text.", List.of("news-only"), List.of(),
        List.of()).send().id();
    List<Long> rows = jdbi.withHandle(h -> h.createQuery("SELECT id FROM outbox WHERE send_id = :s ORDER BY id")
        .bind("s", sendId).mapTo(Long.class).list());
    assertThat(rows).hasSize(3);
    jdbi.useHandle(h -> {
      h.execute("UPDATE outbox SET status = 'failed', attempts = 8, last_error = '550 5.7.1 refused here' WHERE id = ?",
          rows.get(0));
      h.execute("UPDATE outbox SET status = 'submitted' WHERE id = ?", rows.get(1));
    });

    JsonNode progress = JSON.readTree(admin.get("/admin/sends/" + sendId + "/progress").body());

    assertThat(progress.get("total").asLong()).isEqualTo(rows.size());
    assertThat(progress.get("failed").asLong()).isEqualTo(1);
    assertThat(progress.get("submitted").asLong()).isEqualTo(1);
    assertThat(progress.get("queued").asLong()).isEqualTo(rows.size() - 2);
    assertThat(progress.get("done").asLong()).isEqualTo(2);
    assertThat(progress.get("finished").asBoolean()).isFalse();
    Document page = Jsoup.parse(admin.get("/admin/sends/" + sendId).body());
    assertThat(page.select("#send-progress").attr("data-progress-url")).isEqualTo("/admin/sends/" + sendId + "/progress");
    assertThat(page.select("[data-count=failed]").text()).isEqualTo("1");
    assertThat(page.select("#send-bar").attr("value")).isEqualTo("2");
    String failedEmail = jdbi.withHandle(h -> h.createQuery("SELECT s.email FROM outbox o JOIN subscribers s"
        + " ON s.id = o.subscriber_id WHERE o.id = :id").bind("id", rows.get(0)).mapTo(String.class).one());
    assertThat(page.select("[aria-label='Failed messages'] tbody tr").eachText())
        .containsExactly(failedEmail + " 8 550 5.7.1 refused here");

    HttpResponse<String> retried = admin.post("/admin/sends/" + sendId + "/retry");

    assertThat(retried.statusCode()).isEqualTo(303);
    assertThat(text("SELECT status || ':' || attempts FROM outbox WHERE id = " + rows.get(0))).isEqualTo("queued:0");
    JsonNode after = JSON.readTree(admin.get("/admin/sends/" + sendId + "/progress").body());
    assertThat(after.get("failed").asLong()).isZero();
    assertThat(after.get("queued").asLong()).isEqualTo(rows.size() - 1);
    assertThat(admin.get("/admin/sends/999999/progress").statusCode()).isEqualTo(404);
  }

  // --- who sees addresses --------------------------------------------------------------------

  @Test
  void anEditorSeesNoSubscriberAddressOrNameOnAnyPageTheyCanOpen() {
    site.app().subscribers().importCsv(new StringReader("email,name,lists,consent\nnora.failed@mail.example,Nora Failed,"
        + "news-only,web\n"), "editor.csv", false);
    site.app().subscribers().subscribe(new org.thinkpress.subscribers.SubscribeRequest("pat.pending@mail.example",
        "Pat Pending", "en", List.of("announcements"), List.of(), List.of(), true, "web form"));
    long campaign = site.app().newsletterService().sendCampaign("For the editor", "Text.", List.of("news-only"),
        List.of(), List.of()).send().id();
    long confirmations = count("SELECT id FROM sends WHERE send_key = 'confirmations'");
    jdbi.useHandle(h -> h.execute("UPDATE outbox SET status = 'failed', attempts = 1, last_error = '550 5.1.1"
        + " <' || (SELECT email FROM subscribers WHERE id = outbox.subscriber_id) || '>: no such user'"
        + " WHERE send_id IN (?, ?)", campaign, confirmations));
    site.app().accounts().create("eddie@think.example", "Eddie Editor", Role.EDITOR, "a long enough password");
    AdminClient editor = new AdminClient(site.port());
    editor.login("eddie@think.example", "a long enough password");
    List<String> personal = jdbi.withHandle(h -> h.createQuery("SELECT email FROM subscribers UNION"
        + " SELECT name FROM subscribers WHERE name <> ''").mapTo(String.class).list());

    Map<String, HttpResponse<String>> seen = new java.util.LinkedHashMap<>();
    for (String path : List.of("/admin", "/admin/sends", "/admin/sends/" + campaign, "/admin/sends/" + confirmations,
        "/admin/sends/" + campaign + "/progress", "/admin/sends/" + confirmations + "/progress", "/admin/campaigns/new",
        "/admin/subscribers", "/admin/subscribers/" + idOf("nora.failed@mail.example"), "/admin/subscribers/export.csv",
        "/admin/subscribers/import")) {
      seen.put("GET " + path, editor.get(path));
    }
    seen.put("POST /admin/campaigns/confirm", editor.post("/admin/campaigns/confirm", "subject", "S", "body", "B",
        "lists", "news-only"));
    seen.put("POST /admin/campaigns/edit", editor.post("/admin/campaigns/edit", "subject", "S", "body", "B",
        "lists", "news-only"));

    seen.forEach((request, response) -> {
      assertThat(response.statusCode()).as(request).isIn(200, 403);
      for (String value : personal) {
        assertThat(response.body().toLowerCase()).as(request + " shows " + value).doesNotContain(value.toLowerCase());
      }
    });
    assertThat(seen.get("GET /admin/subscribers").statusCode()).isEqualTo(403);
    assertThat(Jsoup.parse(seen.get("GET /admin/sends/" + campaign).body())
        .select("[aria-label='Failed messages'] tbody tr").eachText())
        .contains("subscriber #" + idOf("nora.failed@mail.example") + " 1 550 5.1.1 <[address]>: no such user");
    // an admin sees who it is, with a link to the subscriber
    Document forAdmin = Jsoup.parse(admin.get("/admin/sends/" + confirmations).body());
    assertThat(forAdmin.select("[aria-label='Failed messages'] tbody td:first-child a").eachText())
        .contains("pat.pending@mail.example");
  }

  // --- CSRF ----------------------------------------------------------------------------------

  @Test
  void everyNewFormRefusesAPostWithoutTheSessionsCsrfToken() {
    long id = idOf("dan@mail.example");
    long sendId = site.app().newsletterService().sendCampaign("CSRF", "Text.", List.of("announcements"), List.of(),
        List.of()).send().id();
    long sends = count("SELECT COUNT(*) FROM sends");
    for (String path : List.of("/admin/subscribers/import", "/admin/subscribers/" + id + "/suppress",
        "/admin/subscribers/" + id + "/erase", "/admin/sends/" + sendId + "/retry", "/admin/campaigns/confirm",
        "/admin/campaigns/edit", "/admin/campaigns")) {
      HttpResponse<String> response = admin.postRaw(path, List.of("_csrf", "forged", "reason", "x", "subject", "S",
          "body", "B", "lists", "announcements", "request_key", "forgedforgedforged1", "csv", "email,consent\nx@y.example,z\n"));
      assertThat(response.statusCode()).as(path).isEqualTo(403);
    }
    assertThat(site.app().subscribers().find(id)).isPresent();
    assertThat(site.app().subscribers().suppression("dan@mail.example")).isEmpty();
    assertThat(count("SELECT COUNT(*) FROM sends")).isEqualTo(sends);
    assertThat(site.app().subscribers().find("x@y.example")).isEmpty();
  }

  // --- helpers -------------------------------------------------------------------------------

  private static List<String> emails(HttpResponse<String> response) {
    assertThat(response.statusCode()).isEqualTo(200);
    return Jsoup.parse(response.body()).select("table.admin-table tbody td:first-child a").eachText();
  }

  private static long idOf(String email) {
    return site.app().subscribers().find(email).orElseThrow().id();
  }

  private static long subscriberCount() {
    return count("SELECT COUNT(*) FROM subscribers");
  }

  private static String text(String sql) {
    return jdbi.withHandle(h -> h.createQuery(sql).mapTo(String.class).one());
  }

  private static long count(String sql) {
    return jdbi.withHandle(h -> h.createQuery(sql).mapTo(Long.class).one());
  }

  /** The tables with a row that names the address, or the subscriber's id in a subscriber_id column. */
  private static List<String> tablesMentioning(String email, long subscriberId) {
    List<String> found = new ArrayList<>();
    jdbi.useHandle(h -> {
      List<String> tables = h.createQuery("SELECT name FROM sqlite_master WHERE type = 'table'").mapTo(String.class).list();
      for (String table : tables) {
        List<Map<String, Object>> rows = h.createQuery("SELECT * FROM \"" + table + "\"").mapToMap().list();
        boolean mentions = rows.stream().anyMatch(row -> row.entrySet().stream().anyMatch(cell ->
            cell.getValue() != null && (cell.getValue().toString().toLowerCase().contains(email)
                || cell.getKey().equals("subscriber_id") && cell.getValue().toString().equals(Long.toString(subscriberId)))));
        if (mentions) {
          found.add(table);
        }
      }
    });
    return found;
  }

  /** A form's fields as name, value, name, value..., without the CSRF token (the client adds it). */
  private static List<String> formFields(Document page, String form) {
    List<String> fields = new ArrayList<>();
    page.select(form + " input[type=hidden]").forEach(input -> {
      if (!input.attr("name").equals("_csrf")) {
        fields.add(input.attr("name"));
        fields.add(input.val());
      }
    });
    return fields;
  }

  /** The import form's multipart POST, as a browser sends it. */
  private static HttpResponse<String> upload(String fileName, String csv, boolean dryRun) {
    String boundary = "----thinkpress-test-boundary";
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    List<String[]> parts = new ArrayList<>(List.of(new String[] {"_csrf", admin.csrf()},
        new String[] {"dry_run_field", "present"}));
    if (dryRun) {
      parts.add(new String[] {"dry_run", "yes"});
    }
    StringBuilder text = new StringBuilder();
    for (String[] part : parts) {
      text.append("--").append(boundary).append("\r\nContent-Disposition: form-data; name=\"").append(part[0])
          .append("\"\r\n\r\n").append(part[1]).append("\r\n");
    }
    text.append("--").append(boundary).append("\r\nContent-Disposition: form-data; name=\"file\"; filename=\"")
        .append(fileName).append("\"\r\nContent-Type: text/csv\r\n\r\n").append(csv).append("\r\n--").append(boundary)
        .append("--\r\n");
    body.writeBytes(text.toString().getBytes(StandardCharsets.UTF_8));
    return admin.send(HttpRequest.newBuilder(admin.uri("/admin/subscribers/import"))
        .header("Content-Type", "multipart/form-data; boundary=" + boundary)
        .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())));
  }
}
