package org.thinkpress.publishing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.thinkpress.testing.Eventually.eventually;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.thinkpress.app.ConfigLoader;
import org.thinkpress.app.ThinkPress;
import org.thinkpress.content.Listing;
import org.thinkpress.content.PublicationInput;
import org.thinkpress.content.Status;
import org.thinkpress.content.TopicInput;
import org.thinkpress.testing.TestClock;

/** Scheduled pieces go live at their time, by a clock the test controls, and after a restart. */
class ScheduledPublisherTest {

  static final Instant NOW = Instant.parse("2026-03-01T09:00:00Z");

  @TempDir
  Path temp;

  private ThinkPress open(Clock clock) {
    return ThinkPress.open(ConfigLoader.load(null, Map.of(), Map.of("data.dir", temp.toString(), "server.port", "0")), clock);
  }

  private static PublicationInput scheduledAt(Instant time) {
    return new PublicationInput("budget-outlook", "en", null, "Budget Outlook", "", "Body.", "analysis",
        Status.SCHEDULED, time, null, false, List.of(), List.of("economy"), List.of());
  }

  @Test
  void publishesAtItsTimeAndNotBefore() {
    TestClock clock = new TestClock(NOW);
    try (ThinkPress thinkPress = open(clock)) {
      thinkPress.contentStore().saveTopic(new TopicInput("economy", "Economy", Map.of(), ""));
      thinkPress.contentStore().savePublication(scheduledAt(NOW.plus(Duration.ofHours(1))));
      ScheduledPublisher publisher = new ScheduledPublisher(thinkPress.contentStore(), clock);

      assertThat(publisher.publishDue()).isZero();
      assertThat(thinkPress.contentReader().publicPublication("budget-outlook")).isEmpty();

      clock.advance(Duration.ofMinutes(59));
      assertThat(publisher.publishDue()).isZero();
      clock.advance(Duration.ofMinutes(1));
      assertThat(publisher.publishDue()).isEqualTo(1);
      assertThat(publisher.publishDue()).isZero();

      assertThat(thinkPress.contentReader().publicPublication("budget-outlook")).hasValueSatisfying(p ->
          assertThat(p.status()).isEqualTo(Status.PUBLISHED));
      assertThat(thinkPress.contentReader().list(Listing.all(), 1, 10).items()).hasSize(1);
    }
  }

  @Test
  void aPieceWhoseTimePassedWhileTheServerWasDownGoesLiveAtStart() throws IOException {
    TestClock clock = new TestClock(NOW);
    try (ThinkPress before = open(clock)) {
      before.contentStore().saveTopic(new TopicInput("economy", "Economy", Map.of(), ""));
      before.contentStore().savePublication(scheduledAt(NOW.plus(Duration.ofMinutes(30))));
    }
    clock.advance(Duration.ofHours(2));

    try (ThinkPress after = open(clock)) {
      after.serve();
      eventually("the piece live after start", Duration.ofSeconds(5),
          () -> after.contentReader().publicPublication("budget-outlook").isPresent());
      assertThat(after.contentReader().sitemapEntries()).extracting("slug").containsExactly("budget-outlook");
    }
    assertThat(Files.exists(temp.resolve("thinkpress.db"))).isTrue();
  }
}
