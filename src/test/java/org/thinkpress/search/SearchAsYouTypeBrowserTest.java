package org.thinkpress.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.thinkpress.testing.Eventually.eventually;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIf;
import org.thinkpress.app.TestSite;

/**
 * Search as you type in a real browser (Debian's chromium, driven through chromedriver's W3C
 * WebDriver protocol): typing the start of a word shows matching titles under the box, under the
 * site's Content-Security-Policy, and the arrow keys and Enter open one.
 */
@EnabledIf("browserInstalled")
class SearchAsYouTypeBrowserTest {

  static final ObjectMapper JSON = new ObjectMapper();
  static TestSite site;
  static Process driver;
  static String base;
  static String session;
  static final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  static boolean browserInstalled() {
    return Files.isExecutable(Path.of("/usr/bin/chromedriver")) && Files.isExecutable(Path.of("/usr/bin/chromium"));
  }

  @BeforeAll
  static void start() throws Exception {
    site = TestSite.withDemoContent();
    int port;
    try (ServerSocket socket = new ServerSocket(0)) {
      port = socket.getLocalPort();
    }
    driver = new ProcessBuilder("/usr/bin/chromedriver", "--port=" + port).redirectErrorStream(true)
        .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
    base = "http://127.0.0.1:" + port;
    eventually("chromedriver to start", Duration.ofSeconds(20), () -> {
      try {
        return call("GET", "/status", null).path("value").path("ready").asBoolean();
      } catch (IOException notYet) {
        return false; // chromedriver is still starting
      }
    });
    JsonNode created = call("POST", "/session", Map.of("capabilities", Map.of("alwaysMatch", Map.of(
        "goog:chromeOptions", Map.of("binary", "/usr/bin/chromium",
            "args", List.of("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage"))))));
    session = created.path("value").path("sessionId").asText();
  }

  @AfterAll
  static void stop() throws Exception {
    try {
      if (session != null) {
        call("DELETE", "/session/" + session, null);
      }
    } finally {
      driver.destroy();
      site.close();
    }
  }

  static JsonNode call(String method, String path, Object body) throws IOException, InterruptedException {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(30));
    request.method(method, body == null ? HttpRequest.BodyPublishers.noBody()
        : HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
    request.header("Content-Type", "application/json");
    HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    return JSON.readTree(response.body());
  }

  static JsonNode session(String method, String path, Object body) throws Exception {
    return call(method, "/session/" + session + path, body);
  }

  static String element(String css) throws Exception {
    JsonNode found = session("POST", "/element", Map.of("using", "css selector", "value", css)).path("value");
    return found.elements().next().asText();
  }

  /** The texts of the suggestions once there are some, waiting at most 5 seconds. */
  static List<String> suggestions() throws Exception {
    JsonNode found = eventually("suggestions shown", Duration.ofSeconds(5), () -> session("POST", "/elements",
        Map.of("using", "css selector", "value", "#search-suggestions a")).path("value"), shown -> shown.size() > 0);
    List<String> texts = new ArrayList<>();
    for (JsonNode element : found) {
      texts.add(session("GET", "/element/" + element.elements().next().asText() + "/text", null).path("value").asText());
    }
    return texts;
  }

  @Test
  void typingTheStartOfAWordShowsMatchingTitlesAndEnterOpensTheChosenOne() throws Exception {
    session("POST", "/url", Map.of("url", "http://127.0.0.1:" + site.port() + "/search"));
    String box = element("#search-q");

    session("POST", "/element/" + box + "/value", Map.of("text", "grai"));

    List<String> shown = suggestions();
    assertThat(shown).isNotEmpty();
    assertThat(shown.get(0)).startsWith("Black Sea Grain Exports Under Pressure");
    assertThat(session("GET", "/element/" + box + "/attribute/aria-expanded", null).path("value").asText()).isEqualTo("true");

    session("POST", "/element/" + box + "/value", Map.of("text", "\uE015\uE007")); // arrow down, enter
    String url = eventually("the chosen piece open", Duration.ofSeconds(5),
        () -> session("GET", "/url", null).path("value").asText(),
        at -> at.endsWith("/publications/black-sea-grain-exports-under-pressure"));
    assertThat(url).endsWith("/publications/black-sea-grain-exports-under-pressure");
  }
}
