package org.thinkpress.imports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.thinkpress.imports.RecordedSource.Skip;

/** Ghost's JSON export read into the source model: the fixtures under imports/ghost, and exports spoilt on purpose. */
class GhostReaderTest {

  private static final String GRID = "6650a1b2c3d4e5f603000001";
  private static final String METHANE = "6650a1b2c3d4e5f603000002";
  private static final String STORAGE = "6650a1b2c3d4e5f603000003";
  private static final String CARBON = "6650a1b2c3d4e5f603000004";
  private static final String RUSSIAN = "6650a1b2c3d4e5f603000005";
  private static final String ABOUT = "6650a1b2c3d4e5f603000006";
  private static final String BRIEFING = "6650a1b2c3d4e5f603000007";
  private static final String ANNA = "6650a1b2c3d4e5f601000001";
  private static final String DAVID = "6650a1b2c3d4e5f601000002";

  @TempDir
  Path temp;

  static Path fixture(String name) throws URISyntaxException {
    return Path.of(GhostReaderTest.class.getResource("/org/thinkpress/imports/ghost/" + name).toURI());
  }

  private static RecordedSource ghost6() throws URISyntaxException {
    return RecordedSource.of(new GhostReader(), fixture("ghost-6.json"));
  }

  private Path given(String json) throws IOException {
    Path file = temp.resolve("export.json");
    Files.writeString(file, json, StandardCharsets.UTF_8);
    return file;
  }

  /** A one-post export in the {db: [...]} wrapper, the post's members given as JSON. */
  private Path givenOnePost(String postMembers) throws IOException {
    return given("""
        {"db": [{"meta": {"exported_on": 1, "version": "6.0.0"}, "data": {
          "posts": [
            {%s}
          ]
        }}]}
        """.formatted(postMembers));
  }

  private static void thenReadingFails(Path file, String message) {
    assertThatThrownBy(() -> new GhostReader().read(file, new RecordedSource()))
        .isInstanceOf(ImportException.class).hasMessage(message);
  }

  @Test
  void theSiteComesFirstThenTheStaffTheTagsAndThePostsInTheFilesOrder() throws Exception {
    RecordedSource read = ghost6();

    assertThat(read.sites).containsExactly(new SourceSite("ghost", "", "The Aldermoor Institute", "en"));
    assertThat(read.order).containsExactly("site", "author", "author", "term", "term", "term", "term", "term",
        "item", "item", "item", "item", "item", "item", "item");
    assertThat(read.items).extracting(SourceItem::id)
        .containsExactly(GRID, METHANE, STORAGE, CARBON, RUSSIAN, ABOUT, BRIEFING);
    assertThat(read.items).extracting(SourceItem::line).containsExactly(38, 66, 94, 122, 150, 178, 206);
    assertThat(read.skips).isEmpty();
  }

  @Test
  void eachStaffMemberIsAnAuthorWithTheirHandlesMadeProfileUrls() throws Exception {
    RecordedSource read = ghost6();

    assertThat(read.authors).containsExactly(
        new SourceAuthor(ANNA, "anna-keller", "anna.keller@aldermoor.example", "Anna Keller", "anna-keller",
            "Anna Keller leads the institute's energy programme. She worked on grid codes before turning to policy.",
            "/content/images/2025/01/anna-keller.jpg", Map.of(
                "website", "https://annakeller.example",
                "twitter", "https://x.com/annakeller",
                "facebook", "https://www.facebook.com/anna.keller.energy",
                "linkedin", "https://www.linkedin.com/in/annakeller",
                "bluesky", "https://bsky.app/profile/annakeller.bsky.social",
                "mastodon", "https://mastodon.social/@annakeller")),
        new SourceAuthor(DAVID, "david-sarkisian", "david.sarkisian@aldermoor.example", "David Sarkisian",
            "david-sarkisian", "David Sarkisian writes on security and infrastructure in the South Caucasus.",
            "https://avatars.example/david-sarkisian.png", Map.of(
                "website", "https://aldermoor.example/people/david",
                "twitter", "https://x.com/dsarkisian",
                "threads", "https://www.threads.net/@dsarkisian",
                "instagram", "https://www.instagram.com/david.sarkisian",
                "youtube", "https://www.youtube.com/@davidsarkisian")));
  }

  @Test
  void olderAndOtherHandleShapesBecomeTheProfilesTheyName() throws Exception {
    Path file = given("""
        {"data": {"posts": [], "users": [{"id": "u1", "name": "A", "slug": "a",
          "mastodon": "@anna@social.example", "linkedin": "company/aldermoor", "tiktok": "@aldermoor",
          "youtube": "channel/UCa1b2c3d4e5f6g7h8i9j0k1l2", "facebook": "/pages/aldermoor/123",
          "twitter": "https://twitter.com/aldermoor_inst", "bluesky": "@aldermoor.example", "website": "  "}]}}
        """);

    assertThat(RecordedSource.of(new GhostReader(), file).authors.get(0).links()).isEqualTo(Map.of(
        "mastodon", "https://social.example/@anna",
        "linkedin", "https://www.linkedin.com/company/aldermoor",
        "tiktok", "https://www.tiktok.com/@aldermoor",
        "youtube", "https://www.youtube.com/channel/UCa1b2c3d4e5f6g7h8i9j0k1l2",
        "facebook", "https://www.facebook.com/pages/aldermoor/123",
        "twitter", "https://twitter.com/aldermoor_inst",
        "bluesky", "https://bsky.app/profile/aldermoor.example"));
  }

  @Test
  void everyTagIsATermAndTheHashTagIsMarkedInternal() throws Exception {
    assertThat(ghost6().terms).containsExactly(
        new SourceTerm("tag", "south-caucasus", "South Caucasus", "", "Armenia, Azerbaijan and Georgia.", false),
        new SourceTerm("tag", "energy", "Energy", "", "Grids, gas and the transition.", false),
        new SourceTerm("tag", "climate", "Climate", "", "", false),
        new SourceTerm("tag", "hash-featured-home", "#featured-home", "", "Shown in the home page's top row.", true),
        new SourceTerm("tag", "energetika", "Энергетика", "", "Материалы на русском языке.", false));
  }

  @Test
  void aPublishedPostCarriesEveryFieldTheExportHas() throws Exception {
    SourceItem grid = ghost6().item(GRID);

    assertThat(grid).usingRecursiveComparison().ignoringFields("html").isEqualTo(new SourceItem(
        GRID, 38, false, "Grid interconnection in the South Caucasus", "grid-interconnection-south-caucasus",
        SourceStatus.PUBLISHED, Instant.parse("2025-11-04T09:00:00Z"), Instant.parse("2025-11-20T16:40:12Z"),
        "Two lines work, a third is surveyed: what the region's grids can and cannot share.", "ignored",
        List.of(DAVID, ANNA), List.of(), List.of("south-caucasus", "energy", "hash-featured-home"),
        "/content/images/2025/11/grid-cover.jpg", "", "South Caucasus grid interconnection: what is built",
        "Which power lines link Armenia, Azerbaijan and Georgia, and what a third would change.", true, "en", "", "",
        List.of("/grid-interconnection-south-caucasus/")));
  }

  @Test
  void authorsAndTagsFollowSortOrderRatherThanTheOrderOfTheJoinRows() throws Exception {
    RecordedSource read = ghost6();

    // the join rows list Anna before David, and energy before south-caucasus; sort_order says otherwise
    assertThat(read.item(GRID).authors()).containsExactly(DAVID, ANNA);
    assertThat(read.item(GRID).tags()).containsExactly("south-caucasus", "energy", "hash-featured-home");
    assertThat(read.item(RUSSIAN).authors()).containsExactly(DAVID, ANNA);
    assertThat(read.item(RUSSIAN).tags()).containsExactly("energetika", "south-caucasus");
  }

  @Test
  void theBodyKeepsGhostsCardsAndLosesOnlyThePlaceholderForTheSiteAddress() throws Exception {
    RecordedSource read = ghost6();
    String grid = read.item(GRID).html();
    String methane = read.item(METHANE).html();

    assertThat(read.items).allSatisfy(item -> assertThat(item.html()).doesNotContain("__GHOST_URL__"));
    assertThat(grid).startsWith("<p>Three grids meet in the South Caucasus")
        .contains("<figure class=\"kg-card kg-image-card kg-card-hascaption\">"
            + "<img src=\"/content/images/2025/11/substation.jpg\"")
        .contains("srcset=\"/content/images/size/w600/2025/11/substation.jpg 600w,")
        .contains("<figcaption><span style=\"white-space: pre-wrap;\">"
            + "The substation that joins two of the region's grids.</span></figcaption>")
        .contains("kg-gallery-card", "kg-bookmark-card", "kg-callout-card")
        .endsWith("read <a href=\"/winter-gas-storage-outlook/\">our winter outlook</a>.</p>");
    assertThat(methane).contains("kg-toggle-card", "kg-embed-card",
        "<iframe width=\"200\" height=\"113\" src=\"https://www.youtube.com/embed/Xq3uK7mWv2E?feature=oembed\"",
        "<sup class=\"footnote-ref\"><a href=\"#fn1\" id=\"fnref1\">[1]</a></sup>",
        "<li id=\"fn2\" class=\"footnote-item\">");
  }

  @Test
  void scheduledDraftAndEmailOnlyPostsKeepWhereTheyStood() throws Exception {
    RecordedSource read = ghost6();

    assertThat(read.item(STORAGE).status()).isEqualTo(SourceStatus.SCHEDULED);
    assertThat(read.item(STORAGE).publishedAt()).isEqualTo(Instant.parse("2026-01-15T06:00:00Z"));
    assertThat(read.item(STORAGE).featuredImage()).isEqualTo("https://images.example/storage-tanks.jpg");
    assertThat(read.item(CARBON).status()).isEqualTo(SourceStatus.DRAFT);
    assertThat(read.item(CARBON).publishedAt()).isNull();
    assertThat(read.item(CARBON).modifiedAt()).isEqualTo(Instant.parse("2025-12-06T08:20:00Z"));
    assertThat(read.item(CARBON).seoTitle()).isEmpty();
    assertThat(read.item(CARBON).featuredImage()).isEmpty();
    // "sent": emailed to members, never on the site; a draft, so that moving in shows nothing the old site did not
    assertThat(read.item(BRIEFING).status()).isEqualTo(SourceStatus.DRAFT);
    assertThat(read.item(BRIEFING).publishedAt()).isEqualTo(Instant.parse("2025-12-09T07:00:00Z"));
    // members-only is still a published post: who may read it is the importer's to decide
    assertThat(read.item(METHANE).status()).isEqualTo(SourceStatus.PUBLISHED);
    assertThat(read.item(METHANE).seoTitle()).isEmpty();
    assertThat(read.item(METHANE).seoDescription()).isEqualTo("The methane pledge a year on, in five questions.");
  }

  @Test
  void aPageIsAnItemMarkedAsAPage() throws Exception {
    SourceItem about = ghost6().item(ABOUT);

    assertThat(about.page()).isTrue();
    assertThat(about.slug()).isEqualTo("about");
    assertThat(about.oldPaths()).containsExactly("/about/");
    assertThat(about.html()).isEqualTo(
        "<p>The Aldermoor Institute studies energy and security around the Black Sea and the Caspian.</p>");
    assertThat(ghost6().items).filteredOn(SourceItem::page).extracting(SourceItem::id).containsExactly(ABOUT);
  }

  @Test
  void aRussianPostKeepsItsLocaleAndItsCyrillicText() throws Exception {
    SourceItem russian = ghost6().item(RUSSIAN);

    assertThat(russian.title()).isEqualTo("Энергетическая безопасность Южного Кавказа");
    assertThat(russian.slug()).isEqualTo("energeticheskaia-bezopasnost-iuzhnogo-kavkaza");
    assertThat(russian.language()).isEqualTo("ru");
    assertThat(russian.excerpt()).isEqualTo("Три сети и два трубопровода: краткий обзор.");
    assertThat(russian.seoTitle()).isEqualTo("Энергетическая безопасность Южного Кавказа — обзор");
    assertThat(russian.seoDescription()).isEmpty();
    assertThat(russian.featuredImage()).isEqualTo("/content/images/2025/10/pipeline.jpg");
    assertThat(russian.html()).startsWith("<p>Энергетическая безопасность региона")
        .contains("<a href=\"/grid-interconnection-south-caucasus/\">английской версии</a>");
  }

  @Test
  void anExportWithoutTheDbWrapperReadsLikeOneWithIt() throws Exception {
    RecordedSource read = RecordedSource.of(new GhostReader(), fixture("ghost-5-no-db-wrapper.json"));

    assertThat(read.sites).containsExactly(new SourceSite("ghost", "", "Caspian Ports Observatory", "en-GB"));
    assertThat(read.authors).containsExactly(new SourceAuthor("6630f0e1d2c3b4a503000001", "lena",
        "lena@caspian-ports.example", "Lena Aliyeva", "lena", "", "", Map.of(
            "twitter", "https://x.com/lena_ports", "facebook", "https://www.facebook.com/caspianports")));
    assertThat(read.terms).extracting(SourceTerm::slug, SourceTerm::internal)
        .containsExactly(tuple("ports", false),
            tuple("hash-newsletter", true));
    assertThat(read.items).extracting(SourceItem::slug, SourceItem::line)
        .containsExactly(tuple("caspian-ports-field-guide", 18),
            tuple("port-tariffs", 46), tuple("contact", 74));
    SourceItem guide = read.item("6630f0e1d2c3b4a501000001");
    assertThat(guide.tags()).containsExactly("ports", "hash-newsletter");
    assertThat(guide.featuredImage()).isEqualTo("/content/images/2024/04/aktau-cover.jpg");
    assertThat(guide.seoTitle()).isEqualTo("The Caspian ports: a field guide");
    assertThat(guide.language()).isEqualTo("en-GB");
    assertThat(guide.excerpt()).isEmpty();
    assertThat(read.item("6630f0e1d2c3b4a501000003").page()).isTrue();
  }

  @Test
  void aPostWithOnlyAnEditorDocumentIsAnEmptyItemAndTheSkipSaysWhy() throws Exception {
    RecordedSource read = RecordedSource.of(new GhostReader(), fixture("ghost-5-no-db-wrapper.json"));

    SourceItem tariffs = read.item("6630f0e1d2c3b4a501000002");
    assertThat(tariffs.html()).isEmpty();
    assertThat(tariffs.status()).isEqualTo(SourceStatus.DRAFT);
    assertThat(tariffs.excerpt()).isEqualTo("Who charges what to load a tonne.");
    assertThat(read.skips).containsExactly(new Skip("body", "6630f0e1d2c3b4a501000002",
        "the export has no rendered html; mobiledoc is not converted"));
    assertThat(read.order.subList(read.order.indexOf("skipped"), read.order.indexOf("skipped") + 2))
        .containsExactly("skipped", "item");
  }

  @Test
  void aUrlSettingPutsTheSiteAddressWhereGhostWroteItsPlaceholder() throws Exception {
    Path file = given("""
        {"meta": {"exported_on": 1, "version": "6.0.0"}, "data": {
          "settings": [{"key": "url", "value": "https://aldermoor.example/"}, {"key": "title", "value": "Aldermoor"}],
          "users": [{"id": "u1", "name": "A", "slug": "a", "profile_image": "__GHOST_URL__/content/images/a.jpg",
                     "website": "__GHOST_URL__/about/"}],
          "posts": [{"id": "p1", "title": "T", "slug": "t", "status": "published",
                     "feature_image": "__GHOST_URL__/content/images/cover.jpg",
                     "html": "<img src=\\"__GHOST_URL__/content/x.jpg\\"><a href=\\"__GHOST_URL__/t2/\\">t2</a>"}]
        }}
        """);

    RecordedSource read = RecordedSource.of(new GhostReader(), file);

    assertThat(read.sites).containsExactly(new SourceSite("ghost", "https://aldermoor.example", "Aldermoor", ""));
    assertThat(read.authors.get(0).photoUrl()).isEqualTo("https://aldermoor.example/content/images/a.jpg");
    assertThat(read.authors.get(0).links()).containsExactly(Map.entry("website", "https://aldermoor.example/about/"));
    assertThat(read.item("p1").featuredImage()).isEqualTo("https://aldermoor.example/content/images/cover.jpg");
    assertThat(read.item("p1").html()).isEqualTo("<img src=\"https://aldermoor.example/content/x.jpg\">"
        + "<a href=\"https://aldermoor.example/t2/\">t2</a>");
  }

  @Test
  void olderExportsKeepSearchTextsAndTheAuthorOnThePost() throws Exception {
    Path file = given("""
        {"db": [{"meta": {"exported_on": 1388805572000, "version": "003"}, "data": {
          "settings": [{"key": "lang", "value": "en_US"}],
          "posts": [{"id": 5, "title": "Old post", "slug": "old-post", "html": "<p>Old.</p>", "page": 1,
                     "featured": 0, "status": "published", "language": "en_US", "author_id": 1,
                     "meta_title": "Old SEO title", "meta_description": "Old SEO description",
                     "published_at": 1283780649000, "updated_at": 1286958624000}]
        }}]}
        """);

    SourceItem old = RecordedSource.of(new GhostReader(), file).item("5");

    assertThat(old.page()).isTrue();
    assertThat(old.featured()).isFalse();
    assertThat(old.authors()).containsExactly("1");
    assertThat(old.seoTitle()).isEqualTo("Old SEO title");
    assertThat(old.seoDescription()).isEqualTo("Old SEO description");
    assertThat(old.publishedAt()).isEqualTo(Instant.ofEpochMilli(1283780649000L));
    assertThat(old.modifiedAt()).isEqualTo(Instant.ofEpochMilli(1286958624000L));
    assertThat(old.language()).isEqualTo("en-US");
  }

  @Test
  void theSameFileReadTwiceTellsTheSameStory() throws Exception {
    RecordedSource first = ghost6();
    RecordedSource second = ghost6();

    assertThat(second.items).isEqualTo(first.items);
    assertThat(second.authors).isEqualTo(first.authors);
    assertThat(second.terms).isEqualTo(first.terms);
  }

  @Test
  void malformedJsonIsReportedAtItsLineAndColumn() throws Exception {
    RecordedSource heard = new RecordedSource();

    assertThatThrownBy(() -> new GhostReader().read(fixture("broken.json"), heard))
        .isInstanceOf(ImportException.class)
        .hasMessage("broken.json:14: not valid JSON (column 13): Unexpected character ('\"' (code 34)):"
            + " was expecting comma to separate Object entries");
    assertThat(heard.order).isEmpty();
  }

  @Test
  void aFileCutShortIsReportedWhereItEnds() throws Exception {
    thenReadingFails(given("{\"db\": [{\"data\": {\"posts\": [\n{\"id\": \"p1\",\n"),
        "export.json:3: not valid JSON (column 1): Unexpected end-of-input within/between Object entries");
    thenReadingFails(given("{\"data\": {\"posts\": [1, 2"),
        "export.json:1: not valid JSON (column 25): Unexpected end-of-input: expected close marker for Array");
  }

  @Test
  void aFileThatIsNotJsonAtAll() throws Exception {
    thenReadingFails(given("title,slug\nHello,hello\n"),
        "export.json:1: not valid JSON (column 1): Unrecognized token 'title': was expecting"
            + " (JSON String, Number, Array, Object or token 'null', 'true' or 'false')");
  }

  @Test
  void jsonWithoutADataObjectIsNotAGhostExport() throws Exception {
    thenReadingFails(given("{\"posts\": []}"),
        "export.json: not a Ghost export: no \"data\" object at the top or in \"db\"");
    thenReadingFails(given("[1, 2]"), "export.json: not a Ghost export: no \"data\" object at the top or in \"db\"");
  }

  @Test
  void anExportWithoutPostsIsRefused() throws Exception {
    thenReadingFails(given("{\"db\": [{\"meta\": {}, \"data\": {\"tags\": []}}]}"),
        "export.json: not a Ghost export: \"data\" has no \"posts\" array");
  }

  @Test
  void aPostWithoutAnIdIsRefusedAtItsLine() throws Exception {
    thenReadingFails(givenOnePost("\"title\": \"No id\", \"slug\": \"no-id\""),
        "export.json:3: a post without an \"id\"");
  }

  @Test
  void aPostWithoutATitleIsRefusedAtItsLine() throws Exception {
    thenReadingFails(givenOnePost("\"id\": \"p1\", \"title\": null"), "export.json:3: post p1 has no \"title\"");
  }

  @Test
  void anUnknownStatusIsRefused() throws Exception {
    thenReadingFails(givenOnePost("\"id\": \"p1\", \"title\": \"T\", \"status\": \"archived\""),
        "export.json:3: post p1 has status 'archived', not one of published, scheduled, draft, sent");
  }

  @Test
  void aTimeThatIsNotIsoIsRefused() throws Exception {
    thenReadingFails(givenOnePost("\"id\": \"p1\", \"title\": \"T\", \"published_at\": \"01/03/2024 10:00\""),
        "export.json:3: post p1: published_at '01/03/2024 10:00' is not a time such as 2024-03-01T10:00:00.000Z");
  }

  @Test
  void aTableThatIsNotAnArrayOfObjectsIsRefusedAtItsLine() throws Exception {
    thenReadingFails(given("{\"data\": {\n\"posts\": [],\n\"tags\": {\"id\": \"t1\"}}}"),
        "export.json:3: \"tags\" in \"data\" is not an array");
    thenReadingFails(given("{\"data\": {\n\"posts\": [\n\"p1\"]}}"),
        "export.json:3: a row of \"posts\" is not an object");
  }

  @Test
  void countsOfTheGhost6Fixture() throws Exception {
    RecordedSource read = ghost6();

    assertThat(List.of(read.sites.size(), read.authors.size(), read.terms.size(), read.items.size(), read.skips.size()))
        .isEqualTo(List.of(1, 2, 5, 7, 0));
    assertThat(read.items).filteredOn(item -> item.status() == SourceStatus.PUBLISHED).hasSize(4);
    assertThat(Collections.frequency(read.items.stream().map(SourceItem::language).toList(), "en")).isEqualTo(6);
  }
}
