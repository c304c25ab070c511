package org.thinkpress.publishing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.thinkpress.testing.Eventually.eventually;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.Map;
import java.util.function.Predicate;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.thinkpress.accounts.Role;
import org.thinkpress.admin.AdminClient;
import org.thinkpress.app.ConfigLoader;
import org.thinkpress.app.ThinkPress;
import org.thinkpress.testing.TestClock;

/**
 * A piece scheduled through the admin appears on the site, in the feed and in the sitemap at its
 * time, by the running server's own publisher and with a clock the test moves; and after a restart,
 * when its time passed while the server was down.
 */
class ScheduledPublishingTest {

  static final Instant NOW = Instant.parse("2026-06-01T09:00:00Z");
  static final Instant AT = Instant.parse("2026-06-01T12:00:00Z");
  static final String PATH = "/publications/the-caspian-after-the-convention";

  Path folder;
  ThinkPress app;
  int port;
  final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

  @BeforeEach
  void folder() throws IOException {
    folder = Files.createTempDirectory("thinkpress-schedule-");
  }

  @AfterEach
  void close() throws IOException {
    if (app != null) {
      app.close();
    }
    try (Stream<Path> paths = Files.walk(folder)) {
      paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
    }
  }

  ThinkPress serve(TestClock clock) {
    ThinkPress started = ThinkPress.open(ConfigLoader.load(null, Map.of(), Map.of("server.port", "0", "data.dir",
        folder.toString(), "site.url", "https://think.example")), clock);
    port = started.serve().port();
    return started;
  }

  /** Schedules the piece for {@link #AT} through the admin's form, as an editor would. */
  void scheduleThroughTheAdmin() {
    app.accounts().create("ed@think.example", "Ed", Role.EDITOR, "a long enough password");
    AdminClient editor = new AdminClient(port);
    assertThat(editor.login("ed@think.example", "a long enough password").statusCode()).isEqualTo(303);
    HttpResponse<String> created = editor.post("/admin/publications", "title", "The Caspian after the convention",
        "slug", "", "language", "en", "type", "analysis", "standfirst", "What the 2018 convention settled.",
        "body", "## The seabed\n\nStill divided.", "published_at", "2026-06-01T12:00", "action", "schedule");
    assertThat(created.statusCode()).as(created.body()).isEqualTo(303);
  }

  @Test
  void appearsOnTheSiteInTheFeedAndInTheSitemapAtItsTime() throws Exception {
    TestClock clock = new TestClock(NOW);
    app = serve(clock);
    scheduleThroughTheAdmin();

    assertThat(get(PATH).statusCode()).isEqualTo(404);
    assertThat(get("/feed.xml").body()).doesNotContain("The Caspian after the convention");
    assertThat(get("/sitemap.xml").body()).doesNotContain(PATH);

    clock.set(AT.minusSeconds(1));
    assertThat(new ScheduledPublisher(app.contentStore(), clock).publishDue()).as("a second early").isZero();

    clock.set(AT);
    // the server's own publisher, running every 5 s, notices the time has come
    HttpResponse<String> page = await(PATH, response -> response.statusCode() == 200);
    assertThat(page.body()).contains("<h1>The Caspian after the convention</h1>",
        "\"datePublished\":\"2026-06-01T12:00:00Z\"");
    assertThat(get("/feed.xml").body()).contains("The Caspian after the convention");
    assertThat(get("/sitemap.xml").body()).contains("https://think.example" + PATH);
  }

  @Test
  void appearsAtStartWhenItsTimePassedWhileTheServerWasDown() throws Exception {
    app = serve(new TestClock(NOW));
    scheduleThroughTheAdmin();
    assertThat(get(PATH).statusCode()).isEqualTo(404);
    app.close();

    app = serve(new TestClock(AT.plus(Duration.ofHours(3))));

    assertThat(await(PATH, response -> response.statusCode() == 200).body())
        .contains("<h1>The Caspian after the convention</h1>");
    assertThat(get("/atom.xml").body()).contains("The Caspian after the convention");
    assertThat(get("/sitemap.xml").body()).contains("https://think.example" + PATH);
  }

  HttpResponse<String> get(String path) throws Exception {
    return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  /** Polls until the condition holds, for at most 15 s (three rounds of the publisher). */
  HttpResponse<String> await(String path, Predicate<HttpResponse<String>> condition) throws Exception {
    return eventually(path + " to answer as expected", Duration.ofSeconds(15), () -> get(path), condition);
  }
}
