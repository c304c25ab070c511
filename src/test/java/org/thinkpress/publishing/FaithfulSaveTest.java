package org.thinkpress.publishing;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.thinkpress.accounts.Role;
import org.thinkpress.admin.AdminClient;
import org.thinkpress.app.TestSite;
import org.thinkpress.content.Publication;
import org.thinkpress.content.PublicationInput;

/**
 * A save writes only what the form changed: every demo piece saved unchanged, through the editing
 * page exactly as it renders and through the API exactly as it answers, keeps every field (and
 * the revision the save keeps is the stored piece); the byline's order and the "updated" time are
 * the editor's to set. The site runs in a time zone with summer time, so that times in the form
 * are not UTC.
 */
class FaithfulSaveTest {

  static final ObjectMapper JSON = new ObjectMapper();
  static final String ZONE = "Europe/Chisinau";
  static final String CORRIDOR = "the-middle-corridor-where-capacity-runs-out";
  static final String CABLE = "a-cable-under-the-black-sea-the-green-energy-corridor";
  static final String ECONOMICS = "the-economics-of-normalisation-in-the-south-caucasus";

  static TestSite site;
  static AdminClient editor;
  static String token;

  @BeforeAll
  static void start() {
    site = TestSite.start(Map.of("site.timezone", ZONE), true);
    site.app().accounts().create("ed@think.example", "Ed", Role.EDITOR, "a long enough password");
    editor = new AdminClient(site.port());
    editor.login("ed@think.example", "a long enough password");
    Matcher value = Pattern.compile("value=\"(tp_[A-Za-z0-9_-]{43})\"")
        .matcher(editor.post("/admin/account/tokens", "name", "faithful saves").body());
    assertThat(value.find()).isTrue();
    token = value.group(1);
  }

  @AfterAll
  static void stop() {
    site.close();
  }

  // --- unchanged saves -------------------------------------------------------------------------

  @Test
  void everyDemoPieceSavedUnchangedThroughTheEditingPageKeepsEveryField() throws Exception {
    List<String> slugs = demoSlugs();
    assertThat(slugs).hasSize(27); // 22 pieces and 5 pages
    for (String slug : slugs) {
      Stored before = stored(slug);
      long version = editVersion(before.id());

      HttpResponse<String> saved = editForm(before.id()).submit(editor, "action", "save");

      assertThat(saved.statusCode()).as(slug + ": " + saved.body()).isEqualTo(303);
      assertThat(saved.headers().firstValue("Location")).hasValue("/admin/publications/" + before.id() + "?done=save");
      thenNothingChanged(slug, before, version);
    }
  }

  @Test
  void everyDemoPieceSavedUnchangedThroughTheApiKeepsEveryField() throws Exception {
    for (String slug : demoSlugs()) {
      Stored before = stored(slug);
      long version = editVersion(before.id());
      HttpResponse<String> read = api("GET", "/admin/api/publications/" + before.id(), null);
      assertThat(read.statusCode()).isEqualTo(200);

      HttpResponse<String> saved = api("PUT", "/admin/api/publications/" + before.id(), read.body());

      assertThat(saved.statusCode()).as(slug + ": " + saved.body()).isEqualTo(200);
      thenNothingChanged(slug, before, version);
    }
  }

  /** The steps: one space added inside the standfirst of a piece with two experts and an "updated" time. */
  @Test
  void aSpaceAddedToTheStandfirstChangesTheStandfirstAndNothingElse() throws Exception {
    Stored before = stored(CORRIDOR);
    assertThat(before.document().experts()).containsExactly("elvin-huseynli", "daniyar-abenov");
    assertThat(before.publication().updatedAt()).isEqualTo(Instant.parse("2025-02-20T14:15:00Z"));
    String standfirst = before.publication().standfirst().replaceFirst(" ", "  ");

    HttpResponse<String> saved = editForm(before.id()).set("standfirst", standfirst).submit(editor, "action", "save");

    assertThat(saved.statusCode()).as(saved.body()).isEqualTo(303);
    Publication after = stored(CORRIDOR).publication();
    assertThat(after.standfirst()).isEqualTo(standfirst);
    assertThat(after.changedAt()).isAfterOrEqualTo(before.publication().changedAt());
    Publication p = before.publication();
    assertThat(after).isEqualTo(new Publication(p.id(), p.slug(), p.language(), p.translationGroup(), p.title(),
        standfirst, p.bodyMarkdown(), p.bodyHtml(), p.toc(), p.readingMinutes(), p.type(), p.status(), p.featured(),
        p.publishedAt(), p.updatedAt(), p.createdAt(), after.changedAt(), p.expertIds(), p.topicIds(), p.regionIds(),
        p.keywords(), p.seoTitle(), p.seoDescription(), p.image()));
    String page = site.get("/publications/" + CORRIDOR).body();
    assertThat(page).contains("<time datetime=\"2025-02-20T14:15:00Z\">");
    assertThat(page.indexOf("Elvin Huseynli")).isPositive().isLessThan(page.indexOf("Daniyar Abenov"));
  }

  // --- the byline's order ----------------------------------------------------------------------

  @Test
  void theEditingPageListsTheBylineInItsOrderWithPositionsAndMoveButtons() throws Exception {
    Stored piece = stored(CABLE);
    assertThat(piece.document().experts()).containsExactly("tamar-lomidze", "elvin-huseynli");

    var page = Jsoup.parse(editor.get("/admin/publications/" + piece.id()).body());

    assertThat(page.select("#experts-choice input[name=experts][checked]").eachAttr("value"))
        .containsExactly("tamar-lomidze", "elvin-huseynli");
    assertThat(page.select("#experts-choice input[name=experts]").eachAttr("value"))
        .containsExactly("tamar-lomidze", "elvin-huseynli", "daniyar-abenov", "irina-moraru", "lilit-arakelyan");
    assertThat(page.select("input[name=experts_position_tamar-lomidze]").attr("value")).isEqualTo("1");
    assertThat(page.select("input[name=experts_position_elvin-huseynli]").attr("value")).isEqualTo("2");
    assertThat(page.select("input[name=experts_position_irina-moraru]").attr("value")).isEmpty();
    assertThat(page.select("button[name=move][value=experts:elvin-huseynli:up]")).hasSize(1);
    assertThat(page.select("button[name=move][value=experts:tamar-lomidze:down]")).hasSize(1);
    assertThat(page.select("#topics-choice input[name=topics][checked]").eachAttr("value"))
        .containsExactly("energy", "connectivity", "economy");
  }

  @Test
  void aPositionTypedInTheFormReordersTheByline() throws Exception {
    Stored before = stored(ECONOMICS);
    assertThat(before.document().experts()).containsExactly("elvin-huseynli", "lilit-arakelyan");

    HttpResponse<String> saved = editForm(before.id()).set("experts_position_lilit-arakelyan", "1")
        .submit(editor, "action", "save");

    assertThat(saved.statusCode()).as(saved.body()).isEqualTo(303);
    assertThat(stored(ECONOMICS).document().experts()).containsExactly("lilit-arakelyan", "elvin-huseynli");
    String page = site.get("/publications/" + ECONOMICS).body();
    assertThat(page.indexOf("Lilit Arakelyan")).isPositive().isLessThan(page.indexOf("Elvin Huseynli"));
  }

  @Test
  void theMoveButtonsWorkWithoutJavaScriptAndSaveNothingUntilSave() throws Exception {
    long id = createPiece("byline-order-by-buttons", "irina-moraru", "daniyar-abenov", "tamar-lomidze");
    Stored before = stored("byline-order-by-buttons");

    HttpResponse<String> moved = editForm(id).submit(editor, "move", "experts:tamar-lomidze:up");

    assertThat(moved.statusCode()).as(moved.body()).isEqualTo(200);
    assertThat(stored("byline-order-by-buttons")).isEqualTo(before);
    assertThat(Jsoup.parse(moved.body()).select("#experts-choice input[name=experts][checked]").eachAttr("value"))
        .containsExactly("irina-moraru", "tamar-lomidze", "daniyar-abenov");
    BrowserForm again = BrowserForm.of(moved.body(), "editor-form");
    HttpResponse<String> movedAgain = again.submit(editor, "move", "experts:irina-moraru:down");
    assertThat(Jsoup.parse(movedAgain.body()).select("#experts-choice input[name=experts][checked]").eachAttr("value"))
        .containsExactly("tamar-lomidze", "irina-moraru", "daniyar-abenov");

    HttpResponse<String> saved = BrowserForm.of(movedAgain.body(), "editor-form").submit(editor, "action", "save");

    assertThat(saved.statusCode()).as(saved.body()).isEqualTo(303);
    assertThat(stored("byline-order-by-buttons").document().experts())
        .containsExactly("tamar-lomidze", "irina-moraru", "daniyar-abenov");
  }

  @Test
  void aPositionThatIsNotAWholeNumberIsRefusedNamingTheExpert() throws Exception {
    long id = createPiece("byline-with-a-bad-position", "irina-moraru");

    HttpResponse<String> refused = editForm(id).set("experts_position_irina-moraru", "first")
        .submit(editor, "action", "save");

    assertThat(refused.statusCode()).isEqualTo(400);
    assertThat(refused.body()).contains("the position of expert 'irina-moraru' must be a whole number from 1,"
        + " not 'first'");
  }

  // --- the "updated" time ----------------------------------------------------------------------

  @Test
  void theUpdatedTimeIsShownAndEnteredInTheSiteZoneStoredInUtcAndCanBeCleared() throws Exception {
    long id = createPiece("updated-in-the-site-zone", "irina-moraru");
    BrowserForm form = editForm(id).set("published_at", "2026-03-28T09:00").set("updated_at", "2026-03-30T09:30");
    assertThat(form.submit(editor, "action", "publish").statusCode()).isEqualTo(303);

    Publication published = stored("updated-in-the-site-zone").publication();
    assertThat(published.publishedAt()).isEqualTo(Instant.parse("2026-03-28T07:00:00Z")); // winter time, +02:00
    assertThat(published.updatedAt()).isEqualTo(Instant.parse("2026-03-30T06:30:00Z")); // summer time, +03:00
    var page = Jsoup.parse(editor.get("/admin/publications/" + id).body());
    assertThat(page.select("input#updated_at[type=datetime-local]").attr("value")).isEqualTo("2026-03-30T09:30");
    assertThat(page.select("label[for=updated_at]").text()).contains(ZONE);

    assertThat(editForm(id).set("updated_at", "").submit(editor, "action", "save").statusCode()).isEqualTo(303);

    assertThat(stored("updated-in-the-site-zone").publication().updatedAt()).isNull();
    assertThat(stored("updated-in-the-site-zone").publication().publishedAt())
        .isEqualTo(Instant.parse("2026-03-28T07:00:00Z"));
  }

  @Test
  void timesWithSecondsSurviveTheForm() throws Exception {
    long id = createPiece("times-with-seconds", "irina-moraru");
    HttpResponse<String> put = api("PUT", "/admin/api/publications/" + id, "{\"edit_version\": 1, \"action\":"
        + " \"publish\", \"published\": \"2026-01-10T08:00:07.250Z\", \"updated\": \"2026-01-11T08:00:30Z\"}");
    assertThat(put.statusCode()).as(put.body()).isEqualTo(200);
    Stored before = stored("times-with-seconds");

    HttpResponse<String> saved = editForm(id).submit(editor, "action", "save");

    assertThat(saved.statusCode()).as(saved.body()).isEqualTo(303);
    thenNothingChanged("times-with-seconds", before, 2);
  }

  // --- the API and fields left out --------------------------------------------------------------

  @Test
  void aFieldLeftOutOfAnApiSaveIsKeptAsStored() throws Exception {
    Stored before = stored(CORRIDOR);
    long version = editVersion(before.id());

    HttpResponse<String> saved = api("PUT", "/admin/api/publications/" + before.id(),
        "{\"edit_version\": " + version + ", \"title\": \"" + before.publication().title() + " (revised)\"}");

    assertThat(saved.statusCode()).as(saved.body()).isEqualTo(200);
    Publication after = stored(CORRIDOR).publication();
    Publication p = before.publication();
    assertThat(after).isEqualTo(new Publication(p.id(), p.slug(), p.language(), p.translationGroup(),
        p.title() + " (revised)", p.standfirst(), p.bodyMarkdown(), p.bodyHtml(), p.toc(), p.readingMinutes(), p.type(),
        p.status(), p.featured(), p.publishedAt(), p.updatedAt(), p.createdAt(), after.changedAt(), p.expertIds(),
        p.topicIds(), p.regionIds(), p.keywords(), p.seoTitle(), p.seoDescription(), p.image()));
  }

  @Test
  void aFieldSentAsNullInAnApiSaveIsEmptied() throws Exception {
    long id = createPiece("updated-then-cleared-by-the-api", "irina-moraru");
    assertThat(api("PUT", "/admin/api/publications/" + id, "{\"edit_version\": 1, \"translation_group\": \"cleared\","
        + " \"updated\": \"2026-01-11T08:00:30Z\"}").statusCode()).isEqualTo(200);

    HttpResponse<String> saved = api("PUT", "/admin/api/publications/" + id,
        "{\"edit_version\": 2, \"translation_group\": null, \"updated\": null}");

    assertThat(saved.statusCode()).as(saved.body()).isEqualTo(200);
    Publication after = stored("updated-then-cleared-by-the-api").publication();
    assertThat(after.updatedAt()).isNull();
    assertThat(after.translationGroup()).isNull();
    assertThat(after.title()).isEqualTo("Title of updated-then-cleared-by-the-api");
  }

  @Test
  void anUnknownFieldInAnApiSaveIsRefusedByName() throws Exception {
    Stored before = stored(CABLE);

    HttpResponse<String> refused = api("PUT", "/admin/api/publications/" + before.id(),
        "{\"edit_version\": " + editVersion(before.id()) + ", \"standfrist\": \"Typo.\"}");

    assertThat(refused.statusCode()).isEqualTo(400);
    assertThat(JSON.readTree(refused.body()).get("error").asText()).isEqualTo("unknown field 'standfrist'; the fields"
        + " are slug, title, standfirst, body, language, type, translation_group, experts, topics, regions, keywords,"
        + " seo_title, seo_description, image, image_alt, image_caption, image_credit, featured, published, updated, action, schedule_at, edit_version (and, ignored, the read-only id, status, body_html,"
        + " may_edit, actions)");
    assertThat(stored(CABLE)).isEqualTo(before);
  }

  @Test
  void aFeaturedThatIsNotTrueOrFalseIsRefused() throws Exception {
    Stored before = stored(CABLE);

    HttpResponse<String> refused = api("PUT", "/admin/api/publications/" + before.id(),
        "{\"edit_version\": " + editVersion(before.id()) + ", \"featured\": \"yes\"}");

    assertThat(refused.statusCode()).isEqualTo(400);
    assertThat(JSON.readTree(refused.body()).get("error").asText()).isEqualTo("featured must be true or false");
    assertThat(stored(CABLE)).isEqualTo(before);
  }

  // --- helpers ---------------------------------------------------------------------------------

  /** A stored piece: the record with everything derived, and its editable document with slugs in order. */
  record Stored(Publication publication, PublicationInput document) {
    long id() {
      return publication.id();
    }
  }

  static Stored stored(String slug) {
    Publication publication = site.app().contentStore().findPublication(slug).orElseThrow();
    return new Stored(publication, publication.toInput(site.app().contentStore().taxonomy()));
  }

  static List<String> demoSlugs() {
    return site.app().contentStore().exportBundle().publications().stream().map(PublicationInput::slug)
        .filter(slug -> !slug.startsWith("byline-") && !slug.startsWith("updated-") && !slug.startsWith("times-"))
        .toList();
  }

  /** After an unchanged save: the same stored piece, one edit version more, and a revision that is the piece. */
  void thenNothingChanged(String slug, Stored before, long versionBefore) throws Exception {
    Stored after = stored(slug);
    assertThat(after).as(slug).usingRecursiveComparison().isEqualTo(before);
    assertThat(editVersion(before.id())).as(slug).isEqualTo(versionBefore + 1);
    JsonNode revisions = JSON.readTree(api("GET", "/admin/api/publications/" + before.id() + "/revisions", null).body());
    JsonNode latest = revisions.get(0);
    assertThat(latest.get("kind").asText()).isEqualTo("save");
    assertThat(latest.get("edit_version").asLong()).isEqualTo(versionBefore + 1);
    JsonNode revision = JSON.readTree(api("GET", "/admin/api/publications/" + before.id() + "/revisions/"
        + latest.get("id").asLong(), null).body());
    Map<String, JsonNode> kept = new LinkedHashMap<>();
    editable(after.document()).keySet().forEach(field -> kept.put(field, revision.get(field)));
    assertThat(kept).as(slug + ": the revision").isEqualTo(editable(after.document()));
  }

  /** The editable fields as the API names them, as JSON values. */
  static Map<String, JsonNode> editable(PublicationInput input) {
    Map<String, Object> fields = new LinkedHashMap<>();
    fields.put("slug", input.slug());
    fields.put("language", input.language());
    fields.put("translation_group", input.translationGroup());
    fields.put("title", input.title());
    fields.put("standfirst", input.standfirst());
    fields.put("type", input.type());
    fields.put("status", input.status().key());
    fields.put("published", input.publishedAt() == null ? null : input.publishedAt().toString());
    fields.put("updated", input.updatedAt() == null ? null : input.updatedAt().toString());
    fields.put("featured", input.featured());
    fields.put("experts", input.experts());
    fields.put("topics", input.topics());
    fields.put("regions", input.regions());
    fields.put("body", input.bodyMarkdown());
    Map<String, JsonNode> json = new LinkedHashMap<>();
    fields.forEach((name, value) -> json.put(name, JSON.valueToTree(value)));
    return json;
  }

  static BrowserForm editForm(long id) {
    HttpResponse<String> page = editor.get("/admin/publications/" + id);
    assertThat(page.statusCode()).isEqualTo(200);
    return BrowserForm.of(page.body(), "editor-form");
  }

  static long editVersion(long id) throws Exception {
    return JSON.readTree(api("GET", "/admin/api/publications/" + id, null).body()).get("edit_version").asLong();
  }

  static long createPiece(String slug, String... experts) throws Exception {
    HttpResponse<String> created = api("POST", "/admin/api/publications", JSON.writeValueAsString(Map.of(
        "slug", slug, "title", "Title of " + slug, "language", "en", "type", "analysis", "body", "## One\n\nText.",
        "experts", List.of(experts))));
    assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
    return JSON.readTree(created.body()).get("id").asLong();
  }

  static HttpResponse<String> api(String method, String path, String body) {
    HttpRequest.Builder request = HttpRequest.newBuilder(editor.uri(path))
        .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body))
        .header("Content-Type", "application/json").header("Authorization", "Bearer " + token);
    return new AdminClient(site.port()).send(request);
  }
}
