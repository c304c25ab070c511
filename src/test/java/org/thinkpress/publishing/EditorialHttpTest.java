package org.thinkpress.publishing;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.thinkpress.accounts.Role;
import org.thinkpress.admin.AdminClient;
import org.thinkpress.app.TestSite;

/** The editing workflow through the admin's forms over HTTP: redirects, conflicts, previews. */
class EditorialHttpTest {

  static TestSite site;
  static AdminClient editor;
  static AdminClient author;

  @BeforeAll
  static void start() {
    site = TestSite.withDemoContent();
    site.app().accounts().create("ed@think.example", "Ed", Role.EDITOR, "a long enough password");
    site.app().accounts().create("au@think.example", "Au", Role.AUTHOR, "a long enough password");
    editor = new AdminClient(site.port());
    editor.login("ed@think.example", "a long enough password");
    author = new AdminClient(site.port());
    author.login("au@think.example", "a long enough password");
  }

  @AfterAll
  static void stop() {
    site.close();
  }

  /** Creates a piece through the form; returns its id. */
  static long create(AdminClient client, String slug, String action) {
    HttpResponse<String> response = client.post("/admin/publications", "title", "Title of " + slug, "slug", slug,
        "language", "en", "type", "analysis", "standfirst", "", "body", "## One\n\nText.", "published_at", "",
        "action", action);
    assertThat(response.statusCode()).as(response.body()).isEqualTo(303);
    Matcher id = Pattern.compile("/admin/publications/([0-9]+)").matcher(response.headers().firstValue("Location").orElseThrow());
    assertThat(id.find()).isTrue();
    return Long.parseLong(id.group(1));
  }

  static HttpResponse<String> save(AdminClient client, long id, long version, String slug, String body, String action) {
    return client.post("/admin/publications/" + id, "edit_version", Long.toString(version), "title", "Title of " + slug,
        "slug", slug, "language", "en", "type", "analysis", "standfirst", "", "body", body, "published_at", "",
        "action", action);
  }

  @Test
  void changingThePublishedSlugKeepsTheOldUrlWorkingWithA301() {
    long id = create(editor, "a-first-address", "publish");
    assertThat(site.get("/publications/a-first-address").statusCode()).isEqualTo(200);

    assertThat(save(editor, id, 1, "a-better-address", "## One\n\nText.", "save").statusCode()).isEqualTo(303);

    HttpResponse<String> old = site.get("/publications/a-first-address");
    assertThat(old.statusCode()).isEqualTo(301);
    assertThat(old.headers().firstValue("Location")).hasValue("/publications/a-better-address");
    assertThat(site.get("/publications/a-better-address").statusCode()).isEqualTo(200);
    assertThat(site.get("/publications/never-existed").statusCode()).isEqualTo(404);
  }

  @Test
  void renamingATopicRedirectsItsPageAndFeeds() {
    assertThat(editor.post("/admin/regions/central-asia/rename", "new_slug", "central-asia-and-afghanistan").statusCode())
        .isEqualTo(303);

    HttpResponse<String> page = site.get("/regions/central-asia?page=2");
    assertThat(page.statusCode()).isEqualTo(301);
    assertThat(page.headers().firstValue("Location")).hasValue("/regions/central-asia-and-afghanistan?page=2");
    assertThat(site.get("/regions/central-asia/feed.xml").headers().firstValue("Location"))
        .hasValue("/regions/central-asia-and-afghanistan/feed.xml");
  }

  @Test
  void anAuthorGuessingAnotherPersonsDraftGets404() {
    long id = create(editor, "editors-own-draft", "save");

    assertThat(author.get("/admin/publications/" + id).statusCode()).isEqualTo(404);
    assertThat(author.get("/admin/publications/" + id + "/preview").statusCode()).isEqualTo(404);
    assertThat(save(author, id, 1, "editors-own-draft", "Taken over", "save").statusCode()).isEqualTo(404);
    assertThat(author.get("/admin").body()).doesNotContain("editors-own-draft");
  }

  @Test
  void theSecondOfTwoEditorsSavingTheSameVersionIsToldAndLosesNothing() {
    long id = create(editor, "contested", "save");

    assertThat(save(editor, id, 1, "contested", "First editor's words.", "save").statusCode()).isEqualTo(303);
    HttpResponse<String> second = save(editor, id, 1, "contested", "Second editor's words.", "save");

    assertThat(second.statusCode()).isEqualTo(409);
    assertThat(second.body()).contains("Someone else saved this publication after you opened it",
        "Compare your kept changes with the current version");
    assertThat(site.app().contentStore().findPublication(id).orElseThrow().bodyMarkdown())
        .isEqualTo("First editor's words.");
    assertThat(editor.get("/admin/publications/" + id + "/revisions").body())
        .contains("conflict", "refused: started from version 1, found 2");
  }

  @Test
  void aPreviewLinkShowsTheDraftUntilRevoked() {
    long id = create(author, "for-review", "submit");
    HttpResponse<String> made = author.post("/admin/publications/" + id + "/preview-links");
    Matcher link = Pattern.compile("https://think\\.example(/preview/[A-Za-z0-9_-]{43})").matcher(made.body());
    assertThat(link.find()).as(made.body()).isTrue();

    HttpResponse<String> preview = site.get(link.group(1));
    assertThat(preview.statusCode()).isEqualTo(200);
    assertThat(preview.body()).contains("<h1>Title of for-review</h1>", "noindex");
    assertThat(preview.headers().firstValue("Cache-Control")).hasValue("no-store");
    assertThat(preview.headers().firstValue("Referrer-Policy")).hasValue("no-referrer");
    assertThat(site.get("/publications/for-review").statusCode()).isEqualTo(404);

    Matcher revoke = Pattern.compile("action=\"(/admin/publications/" + id + "/preview-links/[0-9]+/revoke)\"")
        .matcher(author.get("/admin/publications/" + id).body());
    String editPage = author.get("/admin/publications/" + id).body();
    assertThat(revoke.find()).as(editPage.substring(Math.max(0, editPage.indexOf("links-heading") - 50))).isTrue();
    assertThat(author.post(revoke.group(1)).statusCode()).isEqualTo(303);
    assertThat(site.get(link.group(1)).statusCode()).isEqualTo(404);
  }

  @Test
  void theLivePreviewRendersWithTheSitesPipeline() {
    HttpResponse<String> response = author.post("/admin/preview", "body",
        "# Heading\n\n| a | b |\n|---|---|\n| 1 | 2 |\n\n<script>alert(1)</script>");

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.headers().firstValue("Content-Type")).hasValue("application/json;charset=utf-8");
    assertThat(response.body()).contains("<h2 id=\\\"heading\\\">Heading</h2>", "<table>").doesNotContain("<script>");
  }
}
