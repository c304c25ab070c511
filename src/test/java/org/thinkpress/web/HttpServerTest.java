package org.thinkpress.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The server's own error handling, with routes made to fail and an error page that says what it was given. */
class HttpServerTest {

  static HttpServer server;
  static RawHttp http;
  static LogCapture log;

  @BeforeAll
  static void start() {
    ErrorPages pages = (status, detail) -> ("<h1>" + status + "</h1><p>" + detail + "</p>").getBytes(StandardCharsets.UTF_8);
    server = HttpServer.start(new ServerSettings("127.0.0.1", 0, false, 1 << 20, ClientAddress.direct()), pages,
        List.of(routes -> {
          routes.get("/overflow", ctx -> {
            throw new StackOverflowError();
          });
          routes.get("/fine", ctx -> ctx.result("fine"));
        }));
    http = new RawHttp(server.port());
    log = new LogCapture();
  }

  @AfterAll
  static void stop() {
    log.close();
    server.close();
  }

  @Test
  void anErrorThrownByAHandlerGetsTheErrorPageAnIncidentNumberAndOneLogLine() {
    log.take();
    RawHttp.Answer answer = http.send("GET", "/overflow", List.of(), null);

    assertThat(answer.status()).isEqualTo(500);
    assertThat(answer.body()).matches("<h1>500</h1><p>[0-9a-f]{8}</p>");
    assertThat(answer.header("Content-Security-Policy")).isEqualTo(SecurityHeaders.CONTENT_SECURITY_POLICY);
    assertThat(log.take()).singleElement().satisfies(event -> {
      assertThat(event.getFormattedMessage()).isEqualTo("Incident " + answer.body().substring(15, 23)
          + ": java.lang.StackOverflowError");
      assertThat(LogCapture.lines(event)).isEqualTo(1);
    });
  }

  @Test
  void whatJettyRefusesBeforeAnyRouteGetsTheErrorPageAndTheSecurityHeaders() {
    RawHttp.Answer answer = http.send("GET", "/fine/%2e%2e/%2e%2e", List.of(), null);

    assertThat(answer.status()).isEqualTo(400);
    assertThat(answer.body()).isEqualTo("<h1>400</h1><p>the address or the headers of the request could not be read</p>");
    assertThat(answer.header("Content-Security-Policy")).isEqualTo(SecurityHeaders.CONTENT_SECURITY_POLICY);
    assertThat(answer.header("Cache-Control")).isEqualTo("no-store");
  }

  @Test
  void aBodyInACharacterSetJavaDoesNotKnowIsA400BeforeAnyRoute() {
    RawHttp.Answer answer = http.send("POST", "/fine", List.of("Content-Type: text/plain; charset=utf-7"),
        "+ADw-".getBytes(StandardCharsets.US_ASCII));

    assertThat(answer.status()).isEqualTo(400);
    assertThat(answer.body()).isEqualTo("<h1>400</h1><p>the request's character set 'utf-7' is not one this site reads;"
        + " send UTF-8</p>");
  }
}
