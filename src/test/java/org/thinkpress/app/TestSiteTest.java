package org.thinkpress.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A test site shared by a class's methods cannot refuse a request for a rate limit: every test
 * comes from the same address, and none of them is about the limits (those drive a clock).
 */
class TestSiteTest {

  /** More requests from one address than the real limits allow in their windows. */
  static final int BEYOND_EVERY_DEFAULT_LIMIT = 150;

  static TestSite site;

  @BeforeAll
  static void start() {
    site = TestSite.start(Map.of(), false);
  }

  @AfterAll
  static void stop() {
    site.close();
  }

  @Test
  void searchesFromOneAddressAreNeverRefused() {
    assertThat(IntStream.range(0, BEYOND_EVERY_DEFAULT_LIMIT)
        .map(i -> site.get("/search/suggest?q=s" + i).statusCode()).distinct().boxed().toList()).containsExactly(200);
  }

  @Test
  void signUpsFromOneNetworkAreNeverRefused() {
    assertThat(IntStream.range(0, BEYOND_EVERY_DEFAULT_LIMIT)
        .map(i -> site.post("/subscribe", "application/x-www-form-urlencoded",
            ("email=reader" + i + "%40example.org").getBytes(StandardCharsets.UTF_8)).statusCode())
        .distinct().boxed().toList()).containsExactly(303);
  }

  @Test
  void aTestThatSetsALimitMustDriveTheClock() {
    assertThatThrownBy(() -> TestSite.start(Map.of("search.requests-per-minute", "3"), false))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("A test that sets [search.requests-per-minute] counts on a clock it drives:"
            + " use TestSite.start(settings, demo, clock)");
  }
}
