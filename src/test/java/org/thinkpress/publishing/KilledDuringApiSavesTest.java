package org.thinkpress.publishing;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.thinkpress.accounts.Role;
import org.thinkpress.admin.AdminClient;
import org.thinkpress.app.ChildThinkPress;
import org.thinkpress.app.ConfigLoader;
import org.thinkpress.app.ThinkPress;
import org.thinkpress.storage.Dialect;
import org.thinkpress.storage.EachDatabase;
import org.thinkpress.storage.TestDatabase;

/**
 * {@code kill -9} in the middle of a loop of API saves: ThinkPress runs as a process of its own,
 * a script saves distinct bodies one after another, and once {@value #ACKNOWLEDGED} saves have
 * been answered the process is killed while the loop goes on. Restarted on the same data, every
 * save that was answered 2xx is there byte for byte: each as the revision of its edit version, and
 * the last one as the piece's body, unless the save in flight at the kill was committed too (its
 * answer lost with the process), which is then the body, one version later.
 */
class KilledDuringApiSavesTest {

  static final int ACKNOWLEDGED = 30;
  static final ObjectMapper JSON = new ObjectMapper();
  static final String EMAIL = "script@think.example";
  static final String PASSWORD = "a long enough password";

  Path folder;
  final List<AutoCloseable> open = new ArrayList<>();

  @BeforeEach
  void makeFolder() throws IOException {
    folder = Files.createTempDirectory("thinkpress-kill-");
  }

  @AfterEach
  void cleanUp() throws Exception {
    for (int i = open.size() - 1; i >= 0; i--) {
      open.get(i).close();
    }
    try (Stream<Path> paths = Files.walk(folder)) {
      paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
    }
  }

  @Test
  void onSqliteEverySaveAnsweredBeforeTheKillIsThereAfterTheRestart() throws Exception {
    givenSavesKilledAndRestarted(Map.of());
  }

  /** On the machine's PostgreSQL: a run without it is reported as skipped, and fails on CI ({@code EachDatabase}). */
  @EachDatabase(Dialect.POSTGRESQL)
  void onPostgresEverySaveAnsweredBeforeTheKillIsThereAfterTheRestart(TestDatabase database) throws Exception {
    givenSavesKilledAndRestarted(Map.of("database.url", database.url()));
  }

  void givenSavesKilledAndRestarted(Map<String, String> database) throws Exception {
    Map<String, String> settings = new LinkedHashMap<>(Map.of("server.port", "0", "site.url", "https://think.example",
        "data.dir", folder.resolve("data").toString(), "newsletter.sender", "false"));
    settings.putAll(database);
    try (ThinkPress setUp = ThinkPress.open(ConfigLoader.load(null, Map.of(), settings))) {
      setUp.accounts().create(EMAIL, "Script", Role.EDITOR, PASSWORD);
    }

    ChildThinkPress first = ChildThinkPress.serve(folder, settings);
    open.add(first);
    int port = first.awaitServing();
    Api api = new Api(port, token(port));
    JsonNode created = api.json(api.send("POST", "/admin/api/publications", JSON.writeValueAsString(Map.of(
        "title", "Saved in a loop", "language", "en", "type", "analysis", "body", body(0)))));
    long id = created.get("id").asLong();
    Saver saver = new Saver(api, id, created.get("edit_version").asLong());
    Thread loop = new Thread(saver, "api-saves");
    loop.start();
    assertThat(saver.answered.await(5, TimeUnit.MINUTES)).as(ACKNOWLEDGED + " saves answered").isTrue();

    first.kill();
    loop.join(TimeUnit.MINUTES.toMillis(2));
    assertThat(loop.isAlive()).as("the loop ends when the server is gone").isFalse();
    assertThat(saver.refusal).as("no save was refused while the server ran").isNull();

    ChildThinkPress second = ChildThinkPress.serve(folder, settings);
    open.add(second);
    thenEveryAnsweredSaveIsThere(new Api(second.awaitServing(), api.token), id, saver);
  }

  void thenEveryAnsweredSaveIsThere(Api api, long id, Saver saver) throws Exception {
    List<Saved> acknowledged = saver.acknowledged;
    assertThat(acknowledged).hasSizeGreaterThanOrEqualTo(ACKNOWLEDGED);
    Saved last = acknowledged.get(acknowledged.size() - 1);
    JsonNode piece = api.json(api.send("GET", "/admin/api/publications/" + id, null));
    byte[] current = piece.get("body").asText().getBytes(StandardCharsets.UTF_8);
    if (saver.inFlight != null && piece.get("edit_version").asLong() == last.version() + 1) {
      assertThat(current).as("the save in flight, committed").isEqualTo(bytes(saver.inFlight));
    } else {
      assertThat(piece.get("edit_version").asLong()).isEqualTo(last.version());
      assertThat(current).as("the last answered save").isEqualTo(bytes(last.body()));
    }

    Map<Long, Long> revisionByVersion = new LinkedHashMap<>();
    for (JsonNode revision : api.json(api.send("GET", "/admin/api/publications/" + id + "/revisions", null))) {
      if (revision.get("kind").asText().equals("save")) {
        revisionByVersion.put(revision.get("edit_version").asLong(), revision.get("id").asLong());
      }
    }
    for (Saved saved : acknowledged) {
      assertThat(revisionByVersion).as("a revision of version " + saved.version()).containsKey(saved.version());
      JsonNode revision = api.json(api.send("GET", "/admin/api/publications/" + id + "/revisions/"
          + revisionByVersion.get(saved.version()), null));
      assertThat(revision.get("body").asText().getBytes(StandardCharsets.UTF_8)).as("version " + saved.version())
          .isEqualTo(bytes(saved.body()));
    }
  }

  /** Distinct bodies with several scripts, a table and line breaks, none of which the store normalises. */
  static String body(int number) {
    return "## Save " + number + "\n\nArmenia: Հայաստան, Georgia: საქართველო, Moldova: Молдова — 🇲🇩 " + number
        + "\n\n| save | of |\n|---|---|\n| " + number + " | " + System.nanoTime() + " |";
  }

  static byte[] bytes(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }

  /** Signs in through the admin's form and makes a token on the account page, as docs/api.md says. */
  static String token(int port) {
    AdminClient ui = new AdminClient(port);
    assertThat(ui.login(EMAIL, PASSWORD).statusCode()).isEqualTo(303);
    Matcher value = Pattern.compile("value=\"(tp_[A-Za-z0-9_-]{43})\"")
        .matcher(ui.post("/admin/account/tokens", "name", "save loop").body());
    assertThat(value.find()).isTrue();
    return value.group(1);
  }

  record Saved(long version, String body) {}

  /** Saves bodies one after another until the server stops answering. */
  static final class Saver implements Runnable {
    final Api api;
    final long id;
    final List<Saved> acknowledged = new ArrayList<>();
    final CountDownLatch answered = new CountDownLatch(ACKNOWLEDGED);
    long version;
    volatile String inFlight;
    volatile String refusal;

    Saver(Api api, long id, long version) {
      this.api = api;
      this.id = id;
      this.version = version;
    }

    @Override
    public void run() {
      for (int number = 1; ; number++) {
        String body = body(number);
        inFlight = body;
        HttpResponse<String> response;
        try {
          response = api.sendOrFail("PUT", "/admin/api/publications/" + id, JSON.writeValueAsString(
              Map.of("edit_version", version, "body", body)));
        } catch (IOException gone) {
          return; // killed: this save's fate is unknown, and kept in inFlight
        }
        if (response.statusCode() / 100 != 2) {
          refusal = response.statusCode() + " " + response.body();
          inFlight = null;
          return;
        }
        version++;
        acknowledged.add(new Saved(version, body)); // read by the test once this thread has ended
        inFlight = null;
        answered.countDown();
      }
    }
  }

  /** The admin API with a token, over a client that gives up on a dead server at once. */
  record Api(int port, String token) {
    static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    HttpResponse<String> send(String method, String path, String body) {
      try {
        return sendOrFail(method, path, body);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }

    HttpResponse<String> sendOrFail(String method, String path, String body) throws IOException {
      HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
          .timeout(Duration.ofMinutes(1))
          .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body))
          .header("Content-Type", "application/json").header("Authorization", "Bearer " + token).build();
      try {
        return HTTP.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IOException(e);
      }
    }

    JsonNode json(HttpResponse<String> response) throws IOException {
      assertThat(response.statusCode()).as(response.body()).isBetween(200, 299);
      return JSON.readTree(response.body());
    }
  }
}
