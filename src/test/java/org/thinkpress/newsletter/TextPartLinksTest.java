package org.thinkpress.newsletter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.thinkpress.content.Fixtures.publication;

import jakarta.mail.Multipart;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.thinkpress.storage.Dialect;
import org.thinkpress.subscribers.SubscribeRequest;

/**
 * Every link of a message's HTML part is in its plain-text part with its URL: alerts, digests,
 * campaigns, confirmation messages and the note to someone already subscribed; and every message
 * gives the institute's postal address when it has one.
 */
class TextPartLinksTest {

  NewsletterFixture fixture;

  @BeforeEach
  void open() {
    fixture = new NewsletterFixture(Dialect.SQLITE, null, NewsletterFixture.settings());
  }

  @AfterEach
  void close() {
    fixture.close();
  }

  /** A message as the pickup folder holds it: its two parts. */
  record Parts(String file, String text, String html) {}

  @Test
  void everyLinkOfTheHtmlPartAppearsWithItsUrlInTheTextPart() throws Exception {
    fixture.content.savePublication(publication("grid").title("The Armenian grid").published("2026-02-25T09:00:00Z").build());
    fixture.content.savePublication(publication("borders").title("Borders").published("2026-02-26T09:00:00Z").build());
    fixture.subscribers("all@x.org,alerts;weekly;news,,,form");
    fixture.newsletter.service().sendCampaign("Our analysis", """
        Read [the analysis](https://think.example/publications/grid), then [our report](/reports/2026).

        * Questions? [Write to us](mailto:desk@think.example).
        * Or see https://think.example/events directly.
        """, List.of("news"), List.of(), List.of());
    fixture.newsletter.service().alert("grid");
    fixture.newsletter.service().composeDueDigests(fixture.clock.instant(), Optional.of("weekly"));
    subscribe("new@x.org");
    fixture.clock.advance(Duration.ofMinutes(11));
    subscribe("all@x.org"); // already confirmed: a note with the preferences link

    fixture.sender().start();
    fixture.awaitOutboxDrained();
    List<Parts> messages = messages();

    assertThat(messages).hasSize(5);
    for (Parts message : messages) {
      List<Element> links = Jsoup.parse(message.html()).select("a[href]");
      assertThat(links).as(message.file()).isNotEmpty();
      for (Element link : links) {
        // the whole URL, not the start of a longer one
        assertThat(message.text()).as(message.file() + ": " + link.outerHtml())
            .containsPattern("(^|[\\s<(])" + Pattern.quote(link.attr("href")) + "($|[\\s>),.;])");
      }
    }
    String campaign = messages.stream().filter(m -> m.text().contains("Our analysis")).findFirst().orElseThrow().text();
    assertThat(campaign).contains("Read the analysis <https://think.example/publications/grid>, then our report"
        + " <https://think.example/reports/2026>.", "Write to us <mailto:desk@think.example>",
        "Or see https://think.example/events directly.");
  }

  @Test
  void everyMessageGivesTheInstitutesPostalAddressWhenItHasOne() throws Exception {
    fixture.content.saveSettings(java.util.Map.of("site.address", " 12 Rustaveli Avenue \r\nTbilisi 0108\n\nGeorgia"));
    fixture.content.savePublication(publication("grid").title("The Armenian grid").published("2026-02-25T09:00:00Z").build());
    fixture.subscribers("all@x.org,alerts;news,,,form");
    fixture.newsletter.service().sendCampaign("Our analysis", "Read it.", List.of("news"), List.of(), List.of());
    fixture.newsletter.service().alert("grid");
    subscribe("new@x.org");

    fixture.sender().start();
    fixture.awaitOutboxDrained();
    List<Parts> messages = messages();

    assertThat(messages).hasSize(3);
    for (Parts message : messages) {
      assertThat(message.text()).as(message.file()).contains("12 Rustaveli Avenue, Tbilisi 0108, Georgia");
      assertThat(Jsoup.parse(message.html()).text()).as(message.file())
          .contains("12 Rustaveli Avenue, Tbilisi 0108, Georgia");
    }
  }

  void subscribe(String email) {
    fixture.subscribers.subscribe(new SubscribeRequest(email, "", "en", List.of("alerts"), List.of(),
        List.of(), true, "test"));
  }

  List<Parts> messages() throws Exception {
    Session session = Session.getInstance(new Properties());
    List<Parts> parts = new ArrayList<>();
    try (Stream<Path> files = Files.list(fixture.folder.resolve("outbox"))) {
      for (Path file : files.filter(f -> f.toString().endsWith(".eml")).sorted().toList()) {
        try (InputStream in = Files.newInputStream(file)) {
          Multipart alternative = (Multipart) new MimeMessage(session, in).getContent();
          parts.add(new Parts(file.getFileName().toString(), (String) alternative.getBodyPart(0).getContent(),
              (String) alternative.getBodyPart(1).getContent()));
        }
      }
    } catch (IOException e) {
      throw new AssertionError(e);
    }
    return parts;
  }
}
