package org.thinkpress.site;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.thinkpress.app.TestSite;
import org.thinkpress.accounts.Role;
import org.thinkpress.content.PageSlugs;
import org.thinkpress.content.Publication;
import org.thinkpress.content.PublicationInput;
import org.thinkpress.publishing.Action;
import org.thinkpress.publishing.Actor;
import org.thinkpress.publishing.Workflow;

/**
 * The demo's site pages over real HTTP: at the root in their own layout, with their translations,
 * in the sitemap and search, never in listings or feeds; and experts' details on their pages.
 */
class PagesHttpTest {

  static final String BASE = TestSite.BASE_URL;
  static TestSite site;

  @BeforeAll
  static void start() {
    site = TestSite.withDemoContent();
  }

  @AfterAll
  static void stop() {
    site.close();
  }

  static Document html(String path) {
    HttpResponse<String> response = site.get(path);
    assertThat(response.statusCode()).as(path).isEqualTo(200);
    return Jsoup.parse(response.body(), BASE + path);
  }

  @Test
  void theAboutPageIsAtTheRootInItsOwnLayout() {
    Document about = html("/about");

    assertThat(about.select("h1").text()).isEqualTo("About the Meridian Institute");
    assertThat(about.select(".site-page-header .standfirst").text()).startsWith("An independent, non-partisan");
    assertThat(about.select(".prose h2").eachText()).containsExactly("What we do", "How we work", "Funding and accountability");
    assertThat(about.select(".site-page-footer").text()).isEqualTo("Last updated May 4, 2026");
    assertThat(about.select(".site-page-footer time").attr("datetime")).isEqualTo("2026-05-04T09:00:00Z");
    assertThat(about.select(".byline, .kicker, .other-materials, .authors, .toc")).isEmpty();
    assertThat(about.select("link[rel=canonical]").attr("href")).isEqualTo(BASE + "/about");
    assertThat(about.title()).isEqualTo("About the Meridian Institute | The Meridian Institute");
    assertThat(site.serving().pageCache().peek("/about")).as("the page cache holds it").isNotNull();
  }

  @Test
  void aPageLinksItsTranslationsAndNamesThemAsAlternates() {
    Document russian = html("/o-nas");

    assertThat(russian.select("html").attr("lang")).isEqualTo("ru");
    assertThat(russian.select(".site-page-footer").text()).startsWith("Последнее обновление");
    assertThat(russian.select(".translations a").eachAttr("href")).containsExactlyInAnyOrder("/about", "/mer-masin");
    assertThat(russian.select("link[rel=alternate][hreflang]").eachAttr("hreflang"))
        .containsExactlyInAnyOrder("ru", "en", "hy", "x-default");
    assertThat(russian.select("link[rel=alternate][hreflang=x-default]").attr("href")).isEqualTo(BASE + "/about");
    assertThat(html("/mer-masin").select("html").attr("lang")).isEqualTo("hy");
  }

  @Test
  void pagesAreInTheSitemapWithTheirAlternates() {
    String sitemap = site.get("/sitemap.xml").body();

    assertThat(sitemap).contains("<loc>" + BASE + "/about</loc>", "<loc>" + BASE + "/contact</loc>",
        "<loc>" + BASE + "/privacy</loc>", "<loc>" + BASE + "/o-nas</loc>",
        "hreflang=\"hy\" href=\"" + BASE + "/mer-masin\"")
        .doesNotContain(BASE + "/publications/about<");
  }

  @Test
  void pagesAreInNoListingFeedOrHomePage() {
    for (String path : List.of("/", "/publications", "/languages/ru", "/languages/hy", "/archive/2026", "/topics/energy")) {
      HttpResponse<String> response = site.get(path);
      if (response.statusCode() == 200) {
        Document page = Jsoup.parse(response.body(), BASE + path);
        assertThat(page.select(".card a").eachAttr("href")).as(path)
            .doesNotContain("/about", "/o-nas", "/mer-masin", "/contact", "/privacy");
      }
    }
    assertThat(site.get("/feed.xml").body()).doesNotContain(BASE + "/about", "About the Meridian Institute");
    assertThat(site.get("/atom.xml").body()).doesNotContain(BASE + "/privacy");
    assertThat(site.get("/publications/about").statusCode()).isEqualTo(404);
    assertThat(site.get("/types/page").statusCode()).isEqualTo(404);
  }

  @Test
  void searchFindsPagesAndLinksThemAtTheRootAsPages() {
    Document results = html("/search?q=funder");

    assertThat(results.select(".card h2 a, .card h3 a").eachAttr("href")).contains("/about");
    assertThat(results.select(".card:has(a[href=/about]) .kicker a").text()).isEqualTo("Page");
  }

  @Test
  void aRenamedPageAnswersAtItsOldAddressWithA301() {
    Workflow workflow = site.app().workflow();
    Actor editor = Actor.of(site.app().accounts().create("pages@think.example", "Pat", Role.EDITOR,
        "a long enough password"));
    Publication privacy = site.app().contentStore().findPublication("privacy").orElseThrow();
    var editable = workflow.open(editor, privacy.id());
    PublicationInput renamed = new PublicationInput("privacy-policy", privacy.language(), null, privacy.title(),
        privacy.standfirst(), privacy.bodyMarkdown(), privacy.type(), privacy.status(), privacy.publishedAt(),
        privacy.updatedAt(), false, List.of(), List.of(), List.of());
    workflow.save(editor, privacy.id(), editable.editVersion(), renamed, Action.SAVE, null);

    HttpResponse<String> old = site.get("/privacy");
    assertThat(old.statusCode()).isEqualTo(301);
    assertThat(old.headers().firstValue("Location")).hasValue("/privacy-policy");
    assertThat(html("/privacy-policy").select("h1").text()).isEqualTo("Privacy");
  }

  @Test
  void anExpertsPageShowsAreasLanguagesAMediaContactAndLabelledLinks() {
    Document tamar = html("/experts/tamar-lomidze");

    assertThat(tamar.select(".expert-facts dt").eachText())
        .containsExactly("Areas of expertise", "Languages", "Media requests", "Elsewhere");
    assertThat(tamar.select(".expertise li").eachText()).containsExactly("Renewable energy", "Power grids", "Climate adaptation");
    assertThat(tamar.select(".expert-facts dd").get(1).text()).isEqualTo("Georgian, Russian, English, German");
    assertThat(tamar.select(".expert-facts a[href^=tel:]").attr("href")).isEqualTo("tel:+995322550177");
    assertThat(tamar.select(".social-links a").eachText()).containsExactly("Website", "LinkedIn", "Bluesky");
    assertThat(tamar.select(".social-links a").first().attr("rel")).isEqualTo("me noopener");
    assertThat(html("/experts/irina-moraru").select(".expert-facts a[href^=mailto:]").attr("href"))
        .isEqualTo("mailto:i.moraru@meridian.example");
  }

  /** Every route's first path segment is one a page may not take, so that no page shadows a route. */
  @Test
  void noPageSlugCanShadowARoute() {
    Set<String> segments = new TreeSet<>();
    for (var route : site.serving().routes()) {
      String path = route.path();
      String first = path.length() < 2 ? "" : path.substring(1).split("[/.{<]", 2)[0];
      if (!first.isEmpty()) {
        segments.add(first);
      }
    }

    assertThat(segments).isNotEmpty().allSatisfy(segment ->
        assertThat(PageSlugs.isFree(segment)).as("a page may be called '" + segment + "'").isFalse());
  }
}
