package org.thinkpress.site;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.thinkpress.app.TestSite;

/**
 * Every page type is valid HTML5 by the Nu Html Checker, with no error and no warning (the checker
 * also flags a {@code lang} attribute that does not match the text's language).
 */
class HtmlValidityTest {

  static final List<String> PAGES = List.of("/", "/publications", "/publications?page=2",
      "/publications/black-sea-grain-exports-under-pressure",
      "/publications/eksport-zerna-cherez-chernoe-more-pod-davleniem",
      "/publications/sahmanazatum-inchpes-en-ashkhatum-tekhnikakan-handznazhoghovnery",
      "/publications/the-middle-corridor-where-capacity-runs-out",
      "/publications/remittances-and-the-armenian-economy-after-the-boom",
      "/topics", "/topics/energy", "/regions", "/regions/south-caucasus", "/experts", "/experts/lilit-arakelyan",
      "/types/policy-brief", "/archive", "/archive/2024", "/no-such-page", "/topics/energy?page=x",
      // each language's edition: every page type in Russian and Armenian
      "/ru/", "/ru/publications", "/ru/topics", "/ru/topics/energy", "/ru/regions", "/ru/regions/south-caucasus",
      "/ru/experts", "/ru/experts/lilit-arakelyan", "/ru/types/policy-brief", "/ru/archive", "/ru/archive/2024",
      "/ru/no-such-page", "/hy/", "/hy/publications", "/hy/topics", "/hy/topics/energy", "/hy/regions",
      "/hy/regions/south-caucasus", "/hy/experts", "/hy/experts/lilit-arakelyan", "/hy/types/policy-brief",
      "/hy/archive", "/hy/archive/2024",
      "/about", "/o-nas", "/mer-masin", "/contact", "/privacy", "/experts/tamar-lomidze", "/experts/irina-moraru",
      "/publications/tarify-na-elektroenergiyu-v-tsentralnoy-azii-reforma-bez-shoka",
      // filtered listings, with and without results
      "/publications?topic=energy&year=2025", "/ru/publications?type=analysis", "/hy/publications?region=armenia",
      "/publications?type=interview&language=hy");

  static TestSite site;

  @BeforeAll
  static void start() {
    site = TestSite.withDemoContent();
  }

  @AfterAll
  static void stop() {
    site.close();
  }

  @Test
  void everyPageTypeIsValidHtml() throws Exception {
    Map<String, String> documents = new LinkedHashMap<>();
    for (String path : PAGES) {
      HttpResponse<String> response = site.get(path);
      documents.put(path, response.body());
    }

    Map<String, List<String>> problems = NuHtmlChecker.check(documents);

    problems.values().removeIf(List::isEmpty);
    assertThat(problems).isEmpty();
  }

  @Test
  void theCheckerCatchesInvalidHtml() throws Exception {
    Map<String, List<String>> problems = NuHtmlChecker.check(Map.of("broken",
        "<!DOCTYPE html><html lang=\"en\"><head><title>x</title></head><body><p><div>x</p></body></html>"));

    assertThat(problems.get("broken")).isNotEmpty();
  }
}
