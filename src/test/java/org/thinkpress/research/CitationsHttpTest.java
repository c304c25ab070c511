package org.thinkpress.research;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.thinkpress.app.TestSite;

/** "Cite this" on a piece's page, its Scholar tags, and the citation files, on the demo institute. */
class CitationsHttpTest {

  static final String PIECE = "/publications/black-sea-grain-exports-under-pressure";
  static final String URL = TestSite.BASE_URL + PIECE;

  static TestSite site;

  @BeforeAll
  static void start() {
    site = TestSite.withDemoContent();
  }

  @AfterAll
  static void stop() {
    site.close();
  }

  /** The title as the editor wrote it: CSL styles do not sentence-case (APA asks authors to write titles so). */
  @Test
  void thePageCitesThePieceInThreeStyles() {
    Document page = Jsoup.parse(site.get(PIECE).body());

    assertThat(page.select(".citations dt").eachText()).containsExactly("Chicago", "APA", "MLA");
    assertThat(page.select(".citations dd").get(1).html()).isEqualTo("Moraru, I. (2024). <i>Black Sea Grain Exports"
        + " Under Pressure</i> [Analysis]. The Meridian Institute. " + URL);
    assertThat(page.select(".cite-files a").eachAttr("href")).containsExactly(PIECE + "/cite.bib", PIECE + "/cite.ris",
        PIECE + "/cite.json");
  }

  @Test
  void thePageCarriesHighwireAndDublinCoreTags() {
    Document page = Jsoup.parse(site.get(PIECE).body());

    assertThat(page.select("meta[name=citation_title]").attr("content")).isEqualTo("Black Sea Grain Exports Under Pressure");
    assertThat(page.select("meta[name=citation_author]").eachAttr("content")).containsExactly("Moraru, Irina");
    assertThat(page.select("meta[name=citation_publication_date]").attr("content")).isEqualTo("2024/05/21");
    assertThat(page.select("meta[name=citation_publisher]").attr("content")).isEqualTo("The Meridian Institute");
    assertThat(page.select("meta[name=citation_language]").attr("content")).isEqualTo("en");
    assertThat(page.select("meta[name=DC.creator]").attr("content")).isEqualTo("Moraru, Irina");
    assertThat(page.select("meta[name=DC.date]").attr("content")).isEqualTo("2024-05-21");
  }

  @Test
  void aRussianPieceIsCitedInRussian() {
    Document page = Jsoup.parse(site.get("/publications/eksport-zerna-cherez-chernoe-more-pod-davleniem").body());

    assertThat(page.select("#cite-title").text()).isEqualTo("Как цитировать");
    assertThat(page.select(".citations dd").get(1).text()).startsWith("Морару, И. (2024).");
  }

  @Test
  void theFilesAreDownloadsNamedAfterThePiece() {
    HttpResponse<String> bib = site.get(PIECE + "/cite.bib");
    HttpResponse<String> ris = site.get(PIECE + "/cite.ris");
    HttpResponse<String> json = site.get(PIECE + "/cite.json");

    assertThat(bib.statusCode()).isEqualTo(200);
    assertThat(bib.headers().firstValue("Content-Type")).hasValue("application/x-bibtex; charset=utf-8");
    assertThat(bib.headers().firstValue("Content-Disposition"))
        .hasValue("attachment; filename=\"black-sea-grain-exports-under-pressure.bib\"");
    assertThat(bib.body()).startsWith("@techreport{black-sea-grain-2024,\n\tauthor = {Moraru, Irina},");
    assertThat(ris.headers().firstValue("Content-Type")).hasValue("application/x-research-info-systems; charset=utf-8");
    assertThat(ris.body()).startsWith("TY  - RPRT\r\nTI  - Black Sea Grain Exports Under Pressure\r\n").endsWith("ER  - \r\n");
    assertThat(json.headers().firstValue("Content-Type")).hasValue("application/vnd.citationstyles.csl+json; charset=utf-8");
    assertThat(json.body()).startsWith("[{").contains("\"URL\":\"" + URL + "\"");
  }

  @Test
  void onlyPublishedPiecesHaveCitations() {
    assertThat(site.get("/publications/no-such-piece/cite.bib").statusCode()).isEqualTo(404);
    assertThat(site.get("/about/cite.bib").statusCode()).isEqualTo(404);
  }
}
