package org.thinkpress.admin;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.thinkpress.accounts.Role;
import org.thinkpress.app.TestSite;
import org.thinkpress.site.NuHtmlChecker;

/**
 * Every admin page is valid HTML by the Nu Html Checker, and has what keyboard and screen-reader
 * users need: one h1, a main landmark, a skip link, a label for every field, no inline script.
 */
class AdminHtmlValidityTest {

  static TestSite site;
  static AdminClient admin;
  static final Map<String, String> documents = new LinkedHashMap<>();

  @BeforeAll
  static void start() {
    // No sender: the send's rows stay where the test puts them (some failed, for the failures table).
    site = TestSite.start(Map.of("newsletter.sender", "false"), true);
    site.app().accounts().create("root@think.example", "Root", Role.ADMIN, "a long enough password");
    AdminClient anonymous = new AdminClient(site.port());
    documents.put("/admin/login", anonymous.get("/admin/login").body());
    admin = new AdminClient(site.port());
    documents.put("login refused", admin.login("root@think.example", "wrong password here").body());
    admin.login("root@think.example", "a long enough password");
    HttpResponse<String> created = admin.post("/admin/publications", "title", "Valid HTML everywhere", "slug", "",
        "language", "en", "type", "report", "standfirst", "A test.", "body", "## Part\n\n| a | b |\n|---|---|\n| 1 | 2 |",
        "published_at", "", "action", "save", "topics", "energy", "experts", "irina-moraru");
    String edit = created.headers().firstValue("Location").orElseThrow().replaceAll("\\?.*", "");
    admin.post(edit, "edit_version", "1", "title", "Valid HTML everywhere", "slug", "valid-html-everywhere",
        "language", "en", "type", "report", "standfirst", "Changed.", "body", "## Part\n\nNew text.", "action", "save");
    for (String path : List.of("/admin", "/admin?status=draft&type=report&q=valid", "/admin/publications/new", edit,
        edit + "/preview", edit + "/revisions", "/admin/uploads", "/admin/experts", "/admin/experts/irina-moraru",
        "/admin/topics", "/admin/topics/energy", "/admin/regions", "/admin/regions/south-caucasus", "/admin/account",
        "/admin/accounts", "/admin/settings", "/admin/redirects", "/admin/pages", "/admin/pages/new",
        "/admin/experts/tamar-lomidze",
        "/admin/publications/" + site.app().contentStore().findPublication("about").orElseThrow().id())) {
      HttpResponse<String> response = admin.get(path);
      assertThat(response.statusCode()).as(path).isEqualTo(200);
      documents.put(path, response.body());
    }
    Matcher revisions = Pattern.compile("name=\"from\" value=\"([0-9]+)\"").matcher(documents.get(edit + "/revisions"));
    revisions.find();
    String older = revisions.group(1);
    revisions.find();
    documents.put("diff", admin.get(edit + "/diff?from=" + revisions.group(1) + "&to=" + older).body());
    documents.put("refused save", admin.post(edit, "edit_version", "1", "title", "", "slug", "x", "language", "en",
        "type", "report", "action", "save").body());
    documents.put("new token", admin.post("/admin/account/tokens", "name", "script").body());
    HttpResponse<String> link = admin.post(edit + "/preview-links");
    documents.put("new preview link", link.body());
    Matcher token = Pattern.compile("(/preview/[A-Za-z0-9_-]{43})").matcher(link.body());
    token.find();
    documents.put("shared preview", site.get(token.group(1)).body());
    addNewsletterPages();
  }

  /** The subscribers, sends and campaign pages, each in the states that change its markup. */
  private static void addNewsletterPages() {
    site.app().subscribers().importCsv(new java.io.StringReader("email,name,lists,topics,regions,consent\n"
        + "ana@mail.example,Ana <b>P</b>,new-publications,energy,armenia,conference\n"
        + "bob@mail.example,,weekly-digest,,,web form\n"), "valid.csv", false);
    long id = site.app().subscribers().find("ana@mail.example").orElseThrow().id();
    long send = site.app().newsletterService().sendCampaign("Valid <campaign>", "## Hello\n\nText.",
        List.of("new-publications", "weekly-digest"), List.of(), List.of()).send().id();
    site.app().database().jdbi().useHandle(h -> h.execute("UPDATE outbox SET status = 'failed', last_error = '550 no'"
        + " WHERE send_id = ? AND subscriber_id = ?", send, id));
    for (String path : List.of("/admin/subscribers", "/admin/subscribers?q=ana&status=confirmed&list=new-publications"
        + "&topic=energy&region=armenia", "/admin/subscribers/" + id, "/admin/subscribers/" + id + "/erase",
        "/admin/subscribers/import", "/admin/sends", "/admin/sends/" + send, "/admin/campaigns/new")) {
      HttpResponse<String> response = admin.get(path);
      assertThat(response.statusCode()).as(path).isEqualTo(200);
      documents.put(path, response.body());
    }
    documents.put("import dry run", admin.post("/admin/subscribers/import", "dry_run_field", "present", "dry_run", "yes",
        "csv", "email,consent\ncarl@mail.example,web form\n").body());
    documents.put("import refused", admin.post("/admin/subscribers/import", "csv", "email,consent\nnot-an-address,x\n")
        .body());
    documents.put("import done", admin.post("/admin/subscribers/import", "dry_run_field", "present",
        "csv", "email,consent\ncarl@mail.example,web form\n").body());
    documents.put("campaign confirmation", admin.post("/admin/campaigns/confirm", "subject", "Hello", "body",
        "## Part\n\nText with a [link](https://example.org).\nAnd a second line.", "lists", "new-publications",
        "topics", "energy").body());
    documents.put("campaign refused", admin.post("/admin/campaigns/confirm", "subject", "", "body", "x").body());
    documents.put("campaign edit", admin.post("/admin/campaigns/edit", "subject", "Hello", "body", "x",
        "lists", "weekly-digest", "regions", "armenia").body());
  }

  @AfterAll
  static void stop() {
    site.close();
  }

  @Test
  void everyAdminPageIsValidHtml() throws Exception {
    Map<String, List<String>> problems = NuHtmlChecker.check(documents);

    problems.values().removeIf(List::isEmpty);
    assertThat(problems).isEmpty();
  }

  @Test
  void everyAdminPageIsUsableWithAKeyboardAndAScreenReader() {
    documents.forEach((name, html) -> {
      Document page = Jsoup.parse(html);
      assertThat(page.select("h1")).as(name).hasSize(1);
      assertThat(page.select("main#main")).as(name).hasSize(1);
      assertThat(page.select("a.skip-link[href=#main]")).as(name).hasSize(1);
      assertThat(page.select("meta[name=robots]").attr("content")).as(name).isEqualTo("noindex, nofollow");
      assertThat(page.select("script:not([src])")).as(name).isEmpty();
      assertThat(page.select("[style]")).as(name).isEmpty();
      page.select("input:not([type=hidden]):not([type=submit]):not([hidden]), select, textarea").forEach(field -> {
        boolean labelled = !field.id().isEmpty() && !page.select("label[for=" + field.id() + "]").isEmpty()
            || field.parent() != null && field.parent().tagName().equals("label") || field.hasAttr("aria-label");
        assertThat(labelled).as(name + ": " + field.outerHtml()).isTrue();
      });
    });
  }
}
