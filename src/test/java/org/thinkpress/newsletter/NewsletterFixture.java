package org.thinkpress.newsletter;

import static org.thinkpress.testing.Eventually.eventually;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.BooleanSupplier;
import org.thinkpress.content.ContentReader;
import org.thinkpress.content.ContentStore;
import org.thinkpress.content.ContentVersion;
import org.thinkpress.content.Fixtures;
import org.thinkpress.content.MarkdownRenderer;
import org.thinkpress.content.PublicationTypes;
import org.thinkpress.kit.SiteConfig;
import org.thinkpress.storage.Dialect;
import org.thinkpress.storage.TestDatabase;
import org.thinkpress.subscribers.ConfirmationLinks;
import org.thinkpress.subscribers.ImportReport;
import org.thinkpress.subscribers.LinkTokens;
import org.thinkpress.subscribers.SubscriberService;
import org.thinkpress.subscribers.SubscriberSettings;
import org.thinkpress.testing.TestClock;

/**
 * A newsletter over a fresh database with the test taxonomy (topics energy and security; regions
 * south-caucasus with armenia and georgia, and central-asia), a clock the test moves, and the
 * transport the test gives.
 */
public final class NewsletterFixture implements AutoCloseable {

  public static final Instant START = Instant.parse("2026-03-02T10:00:00Z");

  public final TestDatabase db;
  public final TestClock clock = new TestClock(START);
  public final ContentStore content;
  public final ContentReader reader;
  public final Newsletter newsletter;
  /** Sign-up over this newsletter's outbox, as the wiring builds it. */
  public final SubscriberService subscribers;
  public final Path folder;
  private final Newsletter.Parts parts;
  private final java.util.List<Newsletter> otherNodes = new java.util.ArrayList<>();

  /** The lists most tests use: one of each cadence. */
  public static final String LISTS = "alerts=alert,weekly=weekly,daily=daily,news=campaigns";

  public NewsletterFixture(Dialect dialect, MailTransport transport, NewsletterSettings settings) {
    this(dialect, transport, settings, null);
  }

  /** With {@code mail} set and no transport, the newsletter builds its own from the mail settings. */
  public NewsletterFixture(Dialect dialect, MailTransport transport, NewsletterSettings settings, MailSettings mail) {
    this(dialect, transport, settings, mail, LISTS);
  }

  /** With {@code lists} as {@code newsletter.lists} says them. */
  public NewsletterFixture(Dialect dialect, MailTransport transport, NewsletterSettings settings, MailSettings mail,
                           String lists) {
    try {
      this.folder = Files.createTempDirectory("thinkpress-newsletter-");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    this.db = TestDatabase.of(dialect);
    ContentVersion version = new ContentVersion(db.database().jdbi());
    this.content = new ContentStore(db.database().jdbi(), clock, new MarkdownRenderer(), PublicationTypes.DEFAULT, version);
    this.reader = new ContentReader(db.database().jdbi(), version);
    content.importBundle(Fixtures.taxonomy(), n -> {});
    SiteConfig site = new SiteConfig(java.net.URI.create("https://think.example"), "en", java.time.ZoneOffset.UTC, 12, 60,
        1 << 20, PublicationTypes.DEFAULT);
    SubscriberSettings subscriberSettings = new SubscriberSettings(
        org.thinkpress.subscribers.MailingLists.parse(lists),
        java.time.Duration.ofHours(72), 3, 30, "en");
    LinkTokens tokens = LinkTokens.loadOrCreate(db.database().jdbi(), clock);
    this.parts = new Newsletter.Parts(db.database(), clock, site, reader, content, subscriberSettings, settings,
        mail != null ? mail : MailSettings.pickup(folder.resolve("outbox")), folder, tokens,
        new ConfirmationLinks(tokens)::token);
    this.newsletter = transport == null ? Newsletter.open(parts) : Newsletter.open(parts, transport);
    this.subscribers = new SubscriberService(db.database().jdbi(), clock, subscriberSettings, tokens, reader,
        newsletter.subscriberMail());
  }

  public static NewsletterSettings settings() {
    return NewsletterSettings.of("news@think.example");
  }

  /** Confirmed subscribers from CSV lines after the header {@code email,lists,topics,regions,consent}. */
  public void subscribers(String... lines) {
    String csv = "email,lists,topics,regions,consent\n" + String.join("\n", lines) + "\n";
    ImportReport report = this.subscribers.importCsv(new StringReader(csv), "test.csv", false);
    if (!report.ok()) {
      throw new IllegalStateException(report.errors().toString());
    }
  }

  /** The newsletter of another node on the same database (closed with the fixture). */
  public Newsletter anotherNode() {
    Newsletter other = Newsletter.open(parts, new PickupFolderTransport(folder.resolve("other-node")));
    otherNodes.add(other);
    return other;
  }

  public Sender sender() {
    Sender sender = newsletter.sender();
    sender.idleMillis(20);
    return sender;
  }

  /** Waits up to ten seconds for a condition. */
  public static void await(String what, BooleanSupplier condition) {
    eventually(what, Duration.ofSeconds(10), condition::getAsBoolean);
  }

  /** Waits until no row is queued, claimed or submitting. */
  public void awaitOutboxDrained() {
    await("the outbox to drain", () -> newsletter.service().waiting() == 0);
  }

  /** The messages the pickup folder holds (when the fixture built its own transport), by file name. */
  public java.util.SortedMap<String, jakarta.mail.internet.MimeMessage> pickedUp() {
    jakarta.mail.Session session = jakarta.mail.Session.getInstance(new java.util.Properties());
    java.util.SortedMap<String, jakarta.mail.internet.MimeMessage> messages = new java.util.TreeMap<>();
    try (var files = Files.list(folder.resolve("outbox"))) {
      for (Path file : files.filter(f -> f.toString().endsWith(".eml")).toList()) {
        try (var in = Files.newInputStream(file)) {
          messages.put(file.getFileName().toString(), new jakarta.mail.internet.MimeMessage(session, in));
        }
      }
    } catch (IOException | jakarta.mail.MessagingException e) {
      throw new IllegalStateException(e);
    }
    return messages;
  }

  /** "recipient: subject" of every message in the pickup folder, sorted. */
  public List<String> subjectsByRecipient() {
    return pickedUp().values().stream().map(m -> {
      try {
        return ((jakarta.mail.internet.InternetAddress) m.getAllRecipients()[0]).getAddress() + ": " + m.getSubject();
      } catch (jakarta.mail.MessagingException e) {
        throw new IllegalStateException(e);
      }
    }).sorted().toList();
  }

  public List<String> statuses() {
    return db.database().jdbi().withHandle(h -> h.createQuery("SELECT s.email || ':' || o.status FROM outbox o"
        + " JOIN subscribers s ON s.id = o.subscriber_id ORDER BY s.email").mapTo(String.class).list());
  }

  @Override
  public void close() {
    otherNodes.forEach(Newsletter::close);
    newsletter.close();
    db.close();
    try (var paths = Files.walk(folder)) {
      paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
