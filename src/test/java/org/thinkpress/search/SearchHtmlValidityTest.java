package org.thinkpress.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Method;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.thinkpress.app.TestSite;

/** Every kind of search page is valid HTML by the Nu Html Checker, with no error and no warning. */
class SearchHtmlValidityTest {

  static final List<String> PAGES = List.of("/search", "/search?q=black+sea", "/search?q=grain&type=analysis&language=ru",
      "/search?q=%D0%B3%D1%80%D0%B0%D0%BD%D0%B8%D1%86%D0%B0%D0%BC%D0%B8",
      "/search?q=%D5%B0%D5%A1%D5%B6%D5%B1%D5%B6%D5%A1%D5%AA%D5%B8%D5%B2%D5%B8%D5%BE%D5%B6%D5%A5%D6%80%D5%B8%D6%82%D5%B4",
      "/search?q=zzzz-nothing-matches", "/search?q=%22%3Cscript%3E", "/search?sort=date&page=2", "/search?topic=energy&year=2024",
      "/search?q=a&page=abc&topic=%3Cx%3E");

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
  void everySearchPageIsValidHtml() throws Exception {
    Map<String, String> documents = new LinkedHashMap<>();
    for (String path : PAGES) {
      documents.put(path, site.get(path).body());
    }

    Map<String, List<String>> problems = check(documents);

    problems.values().removeIf(List::isEmpty);
    assertThat(problems).isEmpty();
  }

  /** The site's checker, which is package-private there. */
  @SuppressWarnings("unchecked")
  static Map<String, List<String>> check(Map<String, String> documents) throws Exception {
    Class<?> checker = Class.forName("org.thinkpress.site.NuHtmlChecker");
    Method check = checker.getDeclaredMethod("check", Map.class);
    check.setAccessible(true);
    return (Map<String, List<String>>) check.invoke(null, documents);
  }
}
