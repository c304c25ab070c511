package org.thinkpress.newsletter;

import static java.util.Objects.requireNonNull;

import io.javalin.config.RoutesConfig;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.jdbi.v3.core.Handle;
import org.simplejavamail.utils.mail.dkim.DkimSigner;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.thinkpress.content.ContentReader;
import org.thinkpress.content.ContentStore;
import org.thinkpress.kit.SiteConfig;
import org.thinkpress.storage.Database;
import org.thinkpress.storage.Dialect;
import org.thinkpress.subscribers.LinkTokens;
import org.thinkpress.subscribers.SubscriberMail;
import org.thinkpress.subscribers.SubscriberSettings;

/**
 * The newsletter's parts built together, in dependency order: the wiring calls {@link #open} and
 * then, to serve, {@link #startBackground}. Sign-up (in {@code subscribers}, built by the wiring
 * after this) queues its confirmations through {@link #subscriberMail}; the confirmation
 * messages get their links through the {@link ConfirmationTokens} the wiring passes in, so neither
 * feature builds the other.
 */
public final class Newsletter implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(Newsletter.class);

  private final OutboxStore outbox;
  private final OutboxMail outboxMail;
  private final NewsletterService service;
  private final Alerts alerts;
  private final BrowserCopies browserCopies;
  private final LinkTokens tokens;
  private final MailTransport transport;
  private final MessageComposer composer;
  private final NewsletterSettings settings;
  private final Clock clock;
  private final Path lockFile;
  private Sender sender;
  private ScheduledExecutorService scheduler;

  /** The token of a subscriber's live confirmation link, read inside the composer's transaction. */
  @FunctionalInterface
  public interface ConfirmationTokens {
    Optional<String> token(Handle handle, long subscriberId);
  }

  /**
   * The parts the newsletter is built from.
   *
   * @param tokens signs the links in every message (preferences, unsubscribe, view in browser)
   * @param confirmations the links of confirmation messages
   */
  public record Parts(Database database, Clock clock, SiteConfig site, ContentReader reader, ContentStore content,
                      SubscriberSettings subscriberSettings, NewsletterSettings settings, MailSettings mail, Path dataDir,
                      LinkTokens tokens, ConfirmationTokens confirmations) {
    public Parts {
      requireNonNull(tokens, "tokens");
      requireNonNull(confirmations, "confirmations");
    }
  }

  private Newsletter(Parts parts, MailTransport transport) {
    this.settings = parts.settings();
    this.clock = parts.clock();
    this.transport = transport;
    this.outbox = new OutboxStore(parts.database().jdbi(), parts.database().dialect());
    this.tokens = parts.tokens();
    this.outboxMail = new OutboxMail(outbox, clock, transport);
    SendContents contents = new SendContents(parts.database().jdbi(), parts.reader(), parts.content(), parts.site());
    EmailRenderer renderer = new EmailRenderer(parts.site(), tokens, parts.subscriberSettings().lists());
    this.browserCopies = new BrowserCopies(outbox, contents, renderer);
    DkimSigner signer = parts.mail().signs() ? DkimKeys.signer(parts.mail().dkimDomain(), parts.mail().dkimSelector(),
        DkimKeys.load(parts.mail().dkimKeyFile())) : null;
    this.composer = new MessageComposer(contents, renderer, new MessageBuilder(transport.session(), settings, signer, clock),
        tokens, parts.confirmations());
    this.alerts = new Alerts(outbox, parts.content(), parts.reader(), parts.subscriberSettings().lists(), settings, clock,
        this::wake);
    Digests digests = new Digests(outbox, contents, settings, parts.site().zone(), clock);
    this.service = new NewsletterService(outbox, alerts, digests, parts.subscriberSettings().lists(), parts.reader(), clock);
    this.lockFile = parts.database().dialect() == Dialect.SQLITE ? parts.dataDir().resolve("newsletter-sender.lock") : null;
    outboxMail.onQueued(this::wake);
    service.onQueued(this::wake);
  }

  /** Builds everything; sends nothing until {@link #startSender} or {@link #startBackground}. */
  public static Newsletter open(Parts parts) {
    requireNonNull(parts, "parts");
    MailSettings mail = parts.mail();
    MailTransport transport = mail.usesSmtp() ? new SmtpMailTransport(mail) : new PickupFolderTransport(mail.pickupFolder());
    return new Newsletter(parts, transport);
  }

  /** For tests: the same, over a transport of the test's choosing. */
  static Newsletter open(Parts parts, MailTransport transport) {
    return new Newsletter(parts, transport);
  }

  /** How sign-up queues its confirmation messages: into this outbox, waking the sender once committed. */
  public SubscriberMail subscriberMail() {
    return outboxMail;
  }

  public NewsletterService service() {
    return service;
  }

  public LinkTokens tokens() {
    return tokens;
  }

  public MailTransport transport() {
    return transport;
  }

  /** Registers {@code GET /email/TOKEN}, the "view in browser" page. */
  public void registerRoutes(RoutesConfig routes) {
    new EmailViewRoutes(browserCopies, tokens).register(routes);
  }

  /** A sender not yet started; one per process. */
  public synchronized Sender sender() {
    if (sender == null) {
      sender = new Sender(outbox, composer, transport, settings, clock, lockFile);
    }
    return sender;
  }

  /** A new sender, as a restarted process would make; for tests of recovery and of several senders. */
  Sender newSender() {
    return new Sender(outbox, composer, transport, settings, clock, lockFile);
  }

  Alerts alerts() {
    return alerts;
  }

  BrowserCopies browserCopies() {
    return browserCopies;
  }

  OutboxMail outboxMail() {
    return outboxMail;
  }

  /** Starts a sender; returns whether it runs (on SQLite another process may hold the database's). */
  public boolean startSender() {
    return sender().start();
  }

  /**
   * What {@code serve} runs: alerts on publication (consuming the "became published" events), a
   * sweep for events another node recorded and for due digests every minute, and the sender
   * (unless {@code newsletter.sender} is off).
   */
  public void startBackground(ContentStore content) {
    content.addListener(alerts);
    if (settings.runSender()) {
      startSender();
    }
    scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
      Thread thread = new Thread(r, "newsletter-schedule");
      thread.setDaemon(true);
      return thread;
    });
    scheduler.scheduleWithFixedDelay(this::sweep, 0, 60, TimeUnit.SECONDS);
  }

  /**
   * Alerts for pending "became published" events, then the digests that are due: what
   * {@link #startBackground} runs every minute, and what a test runs to see what would be sent.
   */
  public void sweep() {
    try {
      alerts.consumePending();
      service.composeScheduledDigests(clock.instant());
    } catch (RuntimeException e) {
      log.error("The newsletter sweep failed; it runs again in a minute", e);
    }
  }

  private void wake() {
    Sender current = sender;
    if (current != null) {
      current.wake();
    }
  }

  @Override
  public void close() {
    if (scheduler != null) {
      scheduler.shutdownNow();
    }
    alerts.close();
    if (sender != null) {
      sender.close();
    }
  }
}
