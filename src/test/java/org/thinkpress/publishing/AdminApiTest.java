package org.thinkpress.publishing;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.thinkpress.accounts.Role;
import org.thinkpress.admin.AdminClient;
import org.thinkpress.app.TestSite;

/** The admin API as docs/api.md describes it: a token made in the UI, JSON in and out, revocation. */
class AdminApiTest {

  static final ObjectMapper JSON = new ObjectMapper();
  static TestSite site;
  static AdminClient ui;
  static String token;

  @BeforeAll
  static void start() {
    site = TestSite.withDemoContent();
    site.app().accounts().create("ed@think.example", "Ed", Role.EDITOR, "a long enough password");
    ui = new AdminClient(site.port());
    ui.login("ed@think.example", "a long enough password");
    HttpResponse<String> made = ui.post("/admin/account/tokens", "name", "deploy script");
    Matcher value = Pattern.compile("value=\"(tp_[A-Za-z0-9_-]{43})\"").matcher(made.body());
    assertThat(value.find()).isTrue();
    token = value.group(1);
  }

  @AfterAll
  static void stop() {
    site.close();
  }

  static HttpResponse<String> call(String method, String path, String body, String bearer) {
    HttpRequest.Builder request = HttpRequest.newBuilder(ui.uri(path))
        .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body))
        .header("Content-Type", "application/json");
    if (bearer != null) {
      request.header("Authorization", "Bearer " + bearer);
    }
    return new AdminClient(site.port()).send(request);
  }

  static JsonNode json(HttpResponse<String> response) throws Exception {
    return JSON.readTree(response.body());
  }

  @Test
  void createEditPublishAndReadBackAPiece() throws Exception {
    HttpResponse<String> created = call("POST", "/admin/api/publications", """
        {"title": "Gas storage before winter", "language": "en", "type": "commentary",
         "body": "## Levels\\n\\nFull.", "topics": ["energy"], "experts": ["irina-moraru"]}""", token);
    assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
    JsonNode piece = json(created);
    assertThat(piece.get("slug").asText()).isEqualTo("gas-storage-before-winter");
    assertThat(piece.get("status").asText()).isEqualTo("draft");
    assertThat(piece.get("edit_version").asLong()).isEqualTo(1);
    assertThat(piece.get("body_html").asText()).isEqualTo("<h2 id=\"levels\">Levels</h2>\n<p>Full.</p>\n");
    long id = piece.get("id").asLong();

    HttpResponse<String> edited = call("PUT", "/admin/api/publications/" + id,
        "{\"edit_version\": 1, \"standfirst\": \"Storage is full.\", \"action\": \"publish\"}", token);
    assertThat(edited.statusCode()).as(edited.body()).isEqualTo(200);
    assertThat(json(edited).get("status").asText()).isEqualTo("published");
    assertThat(json(edited).get("topics").get(0).asText()).isEqualTo("energy");
    assertThat(site.get("/publications/gas-storage-before-winter").statusCode()).isEqualTo(200);

    HttpResponse<String> stale = call("PUT", "/admin/api/publications/" + id,
        "{\"edit_version\": 1, \"body\": \"Overwrite.\"}", token);
    assertThat(stale.statusCode()).isEqualTo(409);
    assertThat(json(stale).get("error").asText()).startsWith("Someone else saved this publication after you opened it");
    assertThat(json(stale).get("current_version").asLong()).isEqualTo(2);
    long kept = json(stale).get("kept_revision").asLong();
    HttpResponse<String> revision = call("GET", "/admin/api/publications/" + id + "/revisions/" + kept, null, token);
    assertThat(json(revision).get("body").asText()).isEqualTo("Overwrite.");
    assertThat(json(revision).get("kind").asText()).isEqualTo("conflict");

    HttpResponse<String> archived = call("POST", "/admin/api/publications/" + id + "/actions/archive",
        "{\"edit_version\": 2}", token);
    assertThat(json(archived).get("status").asText()).isEqualTo("archived");
  }

  @Test
  void badInputIsAClearJsonError() throws Exception {
    HttpResponse<String> response = call("POST", "/admin/api/publications",
        "{\"title\": \"x\", \"language\": \"en\", \"type\": \"novel\"}", token);

    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(json(response).get("error").asText())
        .isEqualTo("unknown type 'novel'; the configured types are analysis, commentary, report, policy-brief, interview");
    assertThat(call("POST", "/admin/api/publications", "{not json", token).statusCode()).isEqualTo(400);
  }

  @Test
  void aRevokedTokenStopsWorking() throws Exception {
    HttpResponse<String> made = ui.post("/admin/account/tokens", "name", "short-lived");
    Matcher value = Pattern.compile("value=\"(tp_[A-Za-z0-9_-]{43})\"").matcher(made.body());
    assertThat(value.find()).isTrue();
    String shortLived = value.group(1);
    assertThat(call("GET", "/admin/api/me", null, shortLived).statusCode()).isEqualTo(200);
    assertThat(json(call("GET", "/admin/api/me", null, shortLived)).get("role").asText()).isEqualTo("editor");

    Matcher revoke = Pattern.compile("action=\"(/admin/account/tokens/[0-9]+/revoke)\"[^>]*>"
        + "<input type=\"hidden\" name=\"_csrf\" value=\"[^\"]+\"><button type=\"submit\">Revoke short-lived")
        .matcher(ui.get("/admin/account").body());
    assertThat(revoke.find()).isTrue();
    assertThat(ui.post(revoke.group(1)).statusCode()).isEqualTo(303);

    HttpResponse<String> refused = call("GET", "/admin/api/me", null, shortLived);
    assertThat(refused.statusCode()).isEqualTo(401);
    assertThat(refused.headers().firstValue("WWW-Authenticate")).hasValue("Bearer realm=\"thinkpress\"");
    assertThat(call("GET", "/admin/api/me", null, token).statusCode()).isEqualTo(200);
  }

  @Test
  void tokensAreStoredOnlyAsHashes() {
    String stored = site.app().database().jdbi().withHandle(h -> h.createQuery(
        "SELECT token_hash FROM api_tokens ORDER BY id LIMIT 1").mapTo(String.class).one());
    assertThat(stored).matches("[0-9a-f]{64}").isNotEqualTo(token);
  }

  @Test
  void theApiIgnoresSessionCookies() {
    HttpResponse<String> response = ui.send(HttpRequest.newBuilder(ui.uri("/admin/api/me")).GET());
    assertThat(response.statusCode()).isEqualTo(401);
  }

  @Test
  void pagesAreWrittenAndListedThroughTheApiWithTheirType() throws Exception {
    HttpResponse<String> created = call("POST", "/admin/api/publications", """
        {"title": "Donate", "slug": "donate", "language": "en", "type": "page",
         "body": "Support independent research.", "action": "publish"}""", token);
    assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
    assertThat(json(created).get("type").asText()).isEqualTo("page");
    assertThat(site.get("/donate").statusCode()).isEqualTo(200);

    JsonNode pages = json(call("GET", "/admin/api/publications?type=page", null, token));
    java.util.List<String> slugs = new java.util.ArrayList<>();
    pages.forEach(row -> slugs.add(row.get("slug").asText()));
    assertThat(slugs).contains("donate", "about", "contact", "privacy");
    JsonNode all = json(call("GET", "/admin/api/publications", null, token));
    all.forEach(row -> assertThat(row.get("type").asText()).isNotEqualTo("page"));

    HttpResponse<String> reserved = call("POST", "/admin/api/publications", """
        {"title": "Feeds", "slug": "feed", "language": "en", "type": "page", "body": "x"}""", token);
    assertThat(reserved.statusCode()).isEqualTo(400);
    assertThat(json(reserved).get("error").asText())
        .isEqualTo("the page slug 'feed' is reserved: /feed is an address of the site itself; choose another slug");
  }

  @Test
  void anExpertsDetailsAreWrittenThroughTheApi() throws Exception {
    HttpResponse<String> saved = call("PUT", "/admin/api/experts/daniyar-abenov", """
        {"expertise": ["Water management", "Hydropower"], "languages": ["kk", "ru"],
         "media_contact": "d.abenov@meridian.example"}""", token);
    assertThat(saved.statusCode()).as(saved.body()).isIn(200, 204);

    var expert = site.app().contentStore().taxonomy().expert("daniyar-abenov").orElseThrow();
    assertThat(expert.expertise()).containsExactly("Water management", "Hydropower");
    assertThat(expert.languages()).containsExactly("kk", "ru");
    assertThat(expert.mediaContact()).isEqualTo("d.abenov@meridian.example");
    assertThat(expert.role()).isEqualTo("Research Fellow, Central Asia Programme");
  }
}
