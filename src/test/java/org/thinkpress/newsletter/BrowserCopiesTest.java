package org.thinkpress.newsletter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.thinkpress.storage.Dialect;
import org.thinkpress.subscribers.InvalidLinkException;
import org.thinkpress.subscribers.SubscribeRequest;

/** The "view in browser" copy: the message its recipient got, and nothing for anyone else. */
class BrowserCopiesTest {

  NewsletterFixture fixture;
  BrowserCopies copies;

  @BeforeEach
  void open() {
    fixture = new NewsletterFixture(Dialect.SQLITE, null, NewsletterFixture.settings());
    copies = fixture.newsletter.browserCopies();
    fixture.subscribers("reader@x.org,news,,,form", "weekly@x.org,weekly,,,form");
  }

  @AfterEach
  void close() {
    fixture.close();
  }

  long id(String email) {
    return fixture.subscribers.find(email).orElseThrow().id();
  }

  @Test
  void aRecipientsCopyIsTheirMessage() {
    long send = fixture.newsletter.service().sendCampaign("News", "Hello **readers**.", List.of("news"), List.of(),
        List.of()).send().id();

    assertThat(copies.html(send, id("reader@x.org"))).contains("<strong>readers</strong>", "News");
  }

  @Test
  void noOneElseHasACopyNorHasAConfirmation() {
    long send = fixture.newsletter.service().sendCampaign("News", "Hello.", List.of("news"), List.of(), List.of())
        .send().id();
    fixture.subscribers.subscribe(new SubscribeRequest("pending@x.org", "", "en", List.of("news"), List.of(), List.of(),
        true, "test"));
    long confirmations = fixture.db.database().jdbi().withHandle(h -> h.createQuery("SELECT id FROM sends"
        + " WHERE send_key = 'confirmations'").mapTo(Long.class).one());

    thenGone(send, id("weekly@x.org"));
    thenGone(send, 999_999);
    thenGone(999_999, id("reader@x.org"));
    thenGone(confirmations, id("pending@x.org"));
  }

  private void thenGone(long send, long subscriber) {
    assertThatThrownBy(() -> copies.html(send, subscriber)).as("send %d, subscriber %d", send, subscriber)
        .isInstanceOfSatisfying(InvalidLinkException.class,
            e -> assertThat(e.reason()).isEqualTo(InvalidLinkException.Reason.GONE));
  }
}
