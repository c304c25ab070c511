package org.thinkpress.research;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A piece cited in each style as the official CSL styles write a report, and its citation files.
 * The expected entries are those citeproc-js (the reference CSL processor, Zotero's) writes with the
 * same style and locale files (org.citationstyles 26.2) for the same items.
 */
class CitationStylesTest {

  static final String URL = "https://think.example/publications/black-sea-grain-exports-under-pressure";

  final CslFormatter formatter = new CslFormatter();

  static CitationItem twoAuthors() {
    return new CitationItem("black-sea-grain-2025", "Black Sea grain exports under pressure",
        List.of(CitationItem.Author.of("Irina Moraru"), CitationItem.Author.of("Lilit Arakelyan")),
        LocalDate.of(2025, 3, 14), "The Meridian Institute", "Policy brief", null, URL, "en",
        "Shipping insurance & war-risk premiums.", List.of("grain", "shipping"));
  }

  String text(CitationItem item, CitationStyle style) {
    return formatter.format(item, style).text();
  }

  @Test
  void aReportByTwoExpertsInEachStyle() {
    CitationItem item = twoAuthors();

    assertThat(text(item, CitationStyle.CHICAGO)).isEqualTo("Moraru, Irina, and Lilit Arakelyan. Black Sea Grain"
        + " Exports under Pressure. Policy brief. The Meridian Institute, 2025. " + URL + ".");
    assertThat(text(item, CitationStyle.APA)).isEqualTo("Moraru, I., & Arakelyan, L. (2025). Black Sea grain exports"
        + " under pressure [Policy brief]. The Meridian Institute. " + URL);
    assertThat(text(item, CitationStyle.MLA)).isEqualTo("Moraru, Irina, and Lilit Arakelyan. Black Sea Grain Exports"
        + " under Pressure. Policy brief. The Meridian Institute, 14 Mar. 2025, " + URL + ".");
  }

  @Test
  void theTitleIsItalicAndNothingElseOfTheProcessorsMarkupStays() {
    String html = formatter.format(twoAuthors(), CitationStyle.APA).html();

    assertThat(html).isEqualTo("Moraru, I., &amp; Arakelyan, L. (2025). <i>Black Sea grain exports under pressure</i>"
        + " [Policy brief]. The Meridian Institute. " + URL);
  }

  @Test
  void aNumberedReportShowsItsNumber() {
    CitationItem item = new CitationItem("x-2025", "Ports of Georgia", List.of(CitationItem.Author.of("Tamar Lomidze")),
        LocalDate.of(2025, 11, 2), "The Meridian Institute", "Policy Brief", "12", URL, "en", "", List.of());

    assertThat(text(item, CitationStyle.APA)).isEqualTo("Lomidze, T. (2025). Ports of Georgia (Policy Brief No. 12)."
        + " The Meridian Institute. " + URL);
    assertThat(text(item, CitationStyle.CHICAGO)).isEqualTo("Lomidze, Tamar. Ports of Georgia. Policy Brief No. 12."
        + " The Meridian Institute, 2025. " + URL + ".");
  }

  @Test
  void aPieceWithoutExpertsIsTheInstitutesOwn() {
    CitationItem item = new CitationItem("x-2024", "Annual review", List.of(), LocalDate.of(2024, 1, 31),
        "The Meridian Institute", "Report", null, URL, "en", "", List.of());

    assertThat(text(item, CitationStyle.APA)).isEqualTo("The Meridian Institute. (2024). Annual review [Report]."
        + " The Meridian Institute. " + URL);
    assertThat(text(item, CitationStyle.CHICAGO)).isEqualTo("The Meridian Institute. Annual Review. Report."
        + " The Meridian Institute, 2024. " + URL + ".");
  }

  @Test
  void aRussianPieceIsCitedWithRussianTermsAndCyrillicInitials() {
    CitationItem item = new CitationItem("eksport-zerna-2025", "Экспорт зерна через Черное море под давлением",
        List.of(CitationItem.Author.of("Ирина Морару")), LocalDate.of(2025, 3, 14), "Институт Меридиан",
        "Аналитическая записка", "12", URL, "ru", "", List.of());

    assertThat(text(item, CitationStyle.APA)).isEqualTo("Морару, И. (2025). Экспорт зерна через Черное море под"
        + " давлением (Аналитическая записка No. 12). Институт Меридиан. " + URL);
    assertThat(text(item, CitationStyle.CHICAGO)).isEqualTo("Морару, Ирина. Экспорт зерна через Черное море под"
        + " давлением. Аналитическая записка No. 12. Институт Меридиан, 2025. " + URL + ".");
  }

  @Test
  void armenianAndDoubleGivenNamesAreInitialledInApa() {
    CitationItem item = new CitationItem("x-2025", "Title", List.of(CitationItem.Author.of("Լիլիթ Առաքելյան"),
        CitationItem.Author.of("Анна-Мария Петровна Иванова")), LocalDate.of(2025, 3, 14), "P", "Report", null, URL,
        "en", "", List.of());

    assertThat(text(item, CitationStyle.APA)).startsWith("Առաքելյան, Լ., & Иванова, А.-М. П. (2025).");
  }

  @Test
  void bibtexEscapesWhatTexWouldReadAsCommands() {
    String bib = CitationFile.BIBTEX.write(new CitationItem("costs-2025", "Costs: 50% & rising_fast {now}",
        List.of(CitationItem.Author.of("Irina Moraru")), LocalDate.of(2025, 3, 14), "The Meridian Institute",
        "Report", null, URL, "en", "", List.of()));

    assertThat(bib).isEqualTo("""
        @techreport{costs-2025,
        \tauthor = {Moraru, Irina},
        \ttitle = {{Costs: 50\\% \\& rising\\_fast \\{now\\}}},
        \tinstitution = {The Meridian Institute},
        \ttype = {Report},
        \tyear = {2025},
        \tmonth = {3},
        \tdate = {2025-03-14},
        \turl = {%s},
        \tlanguage = {en}
        }
        """.replace("%s", URL));
  }

  @Test
  void risHasOneLinePerFactAndEndsWithER() {
    String ris = CitationFile.RIS.write(twoAuthors());

    assertThat(ris.split("\r\n")).containsExactly("TY  - RPRT", "TI  - Black Sea grain exports under pressure",
        "AU  - Moraru, Irina", "AU  - Arakelyan, Lilit", "PY  - 2025", "DA  - 2025/03/14",
        "PB  - The Meridian Institute", "M3  - Policy brief", "UR  - " + URL, "LA  - en",
        "AB  - Shipping insurance & war-risk premiums.", "KW  - grain", "KW  - shipping", "ER  - ");
  }

  @Test
  void cslJsonIsTheItemTheStylesFormat() throws Exception {
    String json = CitationFile.CSL_JSON.write(twoAuthors());

    var tree = new com.fasterxml.jackson.databind.ObjectMapper().readTree(json);
    assertThat(tree.isArray()).isTrue();
    assertThat(tree.get(0).get("type").asText()).isEqualTo("report");
    assertThat(tree.get(0).get("title").asText()).isEqualTo("Black Sea grain exports under pressure");
    assertThat(tree.get(0).get("author").get(1).get("family").asText()).isEqualTo("Arakelyan");
    assertThat(tree.get(0).get("issued").get("date-parts").get(0).toString()).isEqualTo("[2025,3,14]");
    assertThat(tree.get(0).get("publisher").asText()).isEqualTo("The Meridian Institute");
  }
}
