package org.thinkpress.newsletter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.thinkpress.storage.Dialect;
import org.thinkpress.storage.EachDatabase;
import org.thinkpress.subscribers.InvalidSubscriptionException;

/**
 * The number of recipients the admin shows before a campaign is the number of rows the campaign
 * queues, for every kind of segment; and a campaign sent with a request key is sent once, even by
 * two requests at the same moment. On SQLite, and on PostgreSQL when it is configured.
 */
class CampaignSegmentTest {

  private static NewsletterFixture fixture(Dialect dialect) {
    // No sender is started: rows stay queued where the test counts them.
    NewsletterFixture fixture = new NewsletterFixture(dialect, null, NewsletterFixture.settings());
    fixture.subscribers(
        "energy@x.org,news,energy,,form",
        "security@x.org,news,security,,form",
        "armenia@x.org,news,,armenia,form",
        "caucasus@x.org,news,,south-caucasus,form",
        "asia@x.org,news,,central-asia,form",
        "everything@x.org,news,,,form",
        "two-lists@x.org,news;alerts,energy,,form",
        "other-list@x.org,alerts,energy,,form",
        "suppressed@x.org,news,energy,,form");
    fixture.subscribers.suppress("suppressed@x.org", "test");
    return fixture;
  }

  @EachDatabase
  void theCountShownIsTheNumberOfRowsQueuedForEverySegment(Dialect dialect) {
    try (NewsletterFixture fixture = fixture(dialect)) {
      NewsletterService service = fixture.newsletter.service();
      List<List<List<String>>> segments = List.of(
          List.of(List.of("news"), List.of(), List.of()),
          List.of(List.of("news"), List.of("energy"), List.of()),
          List.of(List.of("news"), List.of(), List.of("armenia")),
          List.of(List.of("news"), List.of(), List.of("south-caucasus")),
          List.of(List.of("news"), List.of("security"), List.of("central-asia")),
          List.of(List.of("news", "alerts"), List.of("energy"), List.of()),
          List.of(List.of("alerts"), List.of(), List.of()));
      List<Long> counted = new ArrayList<>();
      for (List<List<String>> segment : segments) {
        long shown = service.campaignRecipients(segment.get(0), segment.get(1), segment.get(2));
        SendProgress sent = service.sendCampaign("S", "Body.", segment.get(0), segment.get(1), segment.get(2));
        assertThat(sent.total()).as(segment.toString()).isEqualTo(shown);
        counted.add(shown);
      }
      // everyone on news but the suppressed; energy: energy, two-lists, everything; armenia: armenia,
      // caucasus (the region above it), everything; south-caucasus: armenia, caucasus, everything...
      assertThat(counted).containsExactly(7L, 3L, 3L, 3L, 3L, 4L, 2L);
    }
  }

  @EachDatabase
  void aRequestKeySendsTheCampaignOnceEvenForTwoRequestsAtOnce(Dialect dialect) throws Exception {
    try (NewsletterFixture fixture = fixture(dialect)) {
      NewsletterService service = fixture.newsletter.service();
      String key = "0123456789abcdef-once";
      CountDownLatch go = new CountDownLatch(1);
      Callable<Long> send = () -> {
        go.await();
        return service.sendCampaign("Once", "Body.", List.of("news"), List.of(), List.of(), key).send().id();
      };
      ExecutorService pool = Executors.newFixedThreadPool(2);
      try {
        Future<Long> first = pool.submit(send);
        Future<Long> second = pool.submit(send);
        go.countDown();
        assertThat(first.get()).isEqualTo(second.get());
      } finally {
        pool.shutdownNow();
      }
      assertThat(service.sendCampaign("Once", "Body.", List.of("news"), List.of(), List.of(), key).total()).isEqualTo(7);
      assertThat(count(fixture, "SELECT COUNT(*) FROM sends WHERE kind = 'campaign'")).isEqualTo(1);
      assertThat(count(fixture, "SELECT COUNT(*) FROM campaigns")).isEqualTo(1);
      assertThatThrownBy(() -> service.sendCampaign("S", "B", List.of("news"), List.of(), List.of(), "short"))
          .isInstanceOf(InvalidSubscriptionException.class)
          .hasMessage("the campaign's request key must be 16 to 64 letters, digits, - or _");
    }
  }

  private static long count(NewsletterFixture fixture, String sql) {
    return fixture.db.database().jdbi().withHandle(h -> h.createQuery(sql).mapTo(Long.class).one());
  }
}
