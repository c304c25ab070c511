package org.thinkpress.site;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.Map;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.thinkpress.app.TestSite;

/** When something breaks behind a page, the reader gets the site's 500 page and an incident number only. */
class ErrorPageTest {

  @Test
  void aBrokenDatabaseGivesA500PageWithAnIncidentNumberAndNoInternals() {
    try (TestSite site = TestSite.start(Map.of(), true)) {
      assertThat(site.get("/topics").statusCode()).isEqualTo(200);
      site.app().database().close(); // every query from now on fails

      HttpResponse<String> response = site.get("/publications/black-sea-grain-exports-under-pressure");

      assertThat(response.statusCode()).isEqualTo(500);
      assertThat(response.headers().firstValue("Cache-Control")).hasValue("no-store");
      Document page = Jsoup.parse(response.body());
      assertThat(page.select("h1").text()).isEqualTo("Something went wrong");
      assertThat(page.select(".standfirst").text()).matches(".*recorded as incident [0-9a-f]{8}; please try again later\\.");
      assertThat(response.body()).doesNotContain("Exception", "Hikari", "jdbc", "at org.", "SQL");
      assertThat(page.select("link[rel=stylesheet]")).hasSize(1);
    }
  }
}
