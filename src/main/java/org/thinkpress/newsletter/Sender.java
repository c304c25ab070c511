package org.thinkpress.newsletter;

import static java.util.Objects.requireNonNull;

import jakarta.mail.internet.MimeMessage;
import java.net.InetAddress;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Delivers the outbox. {@code concurrency} workers each claim a batch of due rows and, for each
 * row, in order: record the previous row's outcome and mark this one submitting (one
 * transaction), render it, hand it to the transport, keep the outcome for the next transaction.
 * So each worker has at most one row whose fate is unknown at any instant, and a crash can make a
 * recipient receive a message twice only for those rows.
 *
 * <p>On start a sender registers itself, then takes back what dead senders left: on PostgreSQL the
 * rows of senders whose heartbeat is older than the lease, on SQLite (one sender per database,
 * held by {@link SenderLock}) every row not its own. It logs how many rows it found submitting:
 * those are the uncertain ones, sent again with the same Message-ID.
 */
public final class Sender implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(Sender.class);
  static final long MAX_BACKOFF_MILLIS = TimeUnit.HOURS.toMillis(6);
  private static final List<String> SUBSCRIBED = List.of("confirmed");
  private static final List<String> ANY_LIVE = List.of("pending", "confirmed", "paused");

  private final String id = "sender-" + UUID.randomUUID().toString().substring(0, 18);
  private final OutboxStore store;
  private final MessageComposer composer;
  private final MailTransport transport;
  private final NewsletterSettings settings;
  private final Clock clock;
  private final Path lockFile;
  private final Object signal = new Object();
  private final Map<Long, Send> sends = new ConcurrentHashMap<>();
  private final List<Thread> workers = new ArrayList<>();
  private final RateLimit rate;
  private volatile boolean running;
  private volatile boolean abandoned;
  private volatile long idleMillis = 500;
  private ScheduledExecutorService background;
  private SenderLock lock;
  private volatile OutboxStore.Recovery recovery = new OutboxStore.Recovery(0, 0);

  /**
   * @param lockFile the SQLite lock file, or {@code null} on PostgreSQL, where senders share work
   */
  Sender(OutboxStore store, MessageComposer composer, MailTransport transport, NewsletterSettings settings, Clock clock,
         Path lockFile) {
    this.store = requireNonNull(store, "store");
    this.composer = requireNonNull(composer, "composer");
    this.transport = requireNonNull(transport, "transport");
    this.settings = requireNonNull(settings, "settings");
    this.clock = requireNonNull(clock, "clock");
    this.lockFile = lockFile;
    this.rate = new RateLimit(settings.ratePerSecond());
  }

  public String id() {
    return id;
  }

  /** What the start found left behind by senders that stopped. */
  public OutboxStore.Recovery recovery() {
    return recovery;
  }

  /**
   * Starts the workers; returns {@code false}, starting nothing, when this is SQLite and another
   * sender already runs on the database.
   */
  public synchronized boolean start() {
    if (running) {
      return true;
    }
    if (lockFile != null) {
      Optional<SenderLock> acquired = SenderLock.tryAcquire(lockFile);
      if (acquired.isEmpty()) {
        log.info("Another sender runs on this database ({} is locked); this process sends nothing", lockFile);
        return false;
      }
      lock = acquired.get();
    }
    long now = clock.millis();
    store.register(id, hostName(), now);
    recovery = store.recover(id, now - settings.senderLease().toMillis(), lockFile != null, now);
    if (recovery.uncertain() > 0) {
      log.warn("Found {} message(s) in the uncertain state: handed to the mail server by a sender that stopped before"
          + " recording the outcome. Sending them again; their recipients may get them twice, with the same Message-ID.",
          recovery.uncertain());
    }
    if (recovery.requeued() > 0) {
      log.info("Took back {} message(s) claimed by a sender that stopped", recovery.requeued());
    }
    running = true;
    background = Executors.newSingleThreadScheduledExecutor(r -> daemon(r, "newsletter-heartbeat"));
    long beat = Math.max(1, settings.senderLease().toMillis() / 4);
    background.scheduleWithFixedDelay(this::beat, beat, beat, TimeUnit.MILLISECONDS);
    for (int i = 0; i < settings.concurrency(); i++) {
      Thread worker = daemon(this::work, "newsletter-sender-" + i);
      workers.add(worker);
      worker.start();
    }
    log.info("Sender {} started: {} worker(s) to {}", id, settings.concurrency(), transport.describe());
    return true;
  }

  /** How long an idle worker waits before looking for due rows again (tests shorten it). */
  void idleMillis(long millis) {
    this.idleMillis = millis;
  }

  /** Tells idle workers to look for work now (a send was just queued). */
  public void wake() {
    synchronized (signal) {
      signal.notifyAll();
    }
  }

  private void beat() {
    try {
      long now = clock.millis();
      store.heartbeat(id, now);
      if (lockFile == null) { // PostgreSQL: take over the rows of nodes that died since
        OutboxStore.Recovery found = store.recover(id, now - settings.senderLease().toMillis(), false, now);
        if (found.uncertain() + found.requeued() > 0) {
          log.warn("Took back {} message(s) of a sender that stopped beating, {} of them uncertain",
              found.uncertain() + found.requeued(), found.uncertain());
          wake();
        }
      }
    } catch (RuntimeException e) {
      log.warn("Sender heartbeat failed: {}", e.getMessage());
    }
  }

  private void work() {
    try (MailTransport.Connection connection = transport.open()) {
      while (running) {
        List<OutboxRow> batch;
        try {
          batch = store.claim(id, settings.batchSize(), clock.millis());
        } catch (RuntimeException e) {
          log.warn("Cannot claim outbox rows: {}", e.getMessage());
          pause(idleMillis * 4);
          continue;
        }
        if (batch.isEmpty()) {
          pause(idleMillis);
          continue;
        }
        deliver(batch, connection);
      }
    }
  }

  private void deliver(List<OutboxRow> batch, MailTransport.Connection connection) {
    Map<Long, OutboxStore.Recipient> recipients = store.recipients(batch.stream().map(OutboxRow::subscriberId).toList());
    OutboxStore.Outcome previous = null;
    for (OutboxRow row : batch) {
      if (!running) {
        break;
      }
      Send send = sends.computeIfAbsent(row.sendId(), sendId -> store.findSend(sendId).orElseThrow());
      List<String> allowed = send.kind() == Send.Kind.CONFIRMATION ? ANY_LIVE : SUBSCRIBED;
      OutboxStore.Mark mark = recordAndMark(previous, row, allowed);
      previous = null;
      if (abandoned) {
        return;
      }
      if (mark != OutboxStore.Mark.SUBMITTING) {
        continue;
      }
      previous = attempt(send, row, recipients.get(row.subscriberId()), connection);
      if (abandoned) {
        return; // a simulated crash: the outcome is never recorded
      }
    }
    if (previous != null) {
      recordAndMark(previous, null, SUBSCRIBED);
    }
  }

  private OutboxStore.Mark recordAndMark(OutboxStore.Outcome previous, OutboxRow next, List<String> allowed) {
    for (int attempt = 1; ; attempt++) {
      try {
        return store.recordAndMark(id, previous, next, allowed, clock.millis());
      } catch (RuntimeException e) {
        if (attempt >= 5 || abandoned) {
          throw e;
        }
        log.warn("Recording an outbox outcome failed (try {} of 5): {}", attempt, e.getMessage());
        pause(200L * attempt);
      }
    }
  }

  /** Renders and hands over one row; returns its outcome, to be recorded with the next row. */
  private OutboxStore.Outcome attempt(Send send, OutboxRow row, OutboxStore.Recipient recipient,
                                      MailTransport.Connection connection) {
    long now = clock.millis();
    if (recipient == null) {
      return new OutboxStore.Outcome(row.id(), "cancelled", "the subscriber no longer exists", now, false);
    }
    Optional<MimeMessage> message;
    try {
      message = composer.compose(send, row, recipient);
    } catch (Exception e) {
      log.error("Cannot render message {} of send {} for subscriber #{}", row.id(), send.id(), row.subscriberId(), e);
      return new OutboxStore.Outcome(row.id(), "failed", "cannot render: " + e.getMessage(), now, false);
    }
    if (message.isEmpty()) {
      return new OutboxStore.Outcome(row.id(), "cancelled", "nothing left to send", now, false);
    }
    rate.acquire();
    try {
      connection.send(message.get(), recipient.email(), MessageComposer.fileName(row));
      return new OutboxStore.Outcome(row.id(), "submitted", null, clock.millis(), false);
    } catch (MailSendException e) {
      return outcomeOf(row, e);
    }
  }

  OutboxStore.Outcome outcomeOf(OutboxRow row, MailSendException e) {
    long now = clock.millis();
    String error = e.getMessage().length() > 480 ? e.getMessage().substring(0, 480) : e.getMessage();
    return switch (e.outcome()) {
      case HARD_BOUNCE -> new OutboxStore.Outcome(row.id(), "suppressed", error, now, true);
      case PERMANENT -> new OutboxStore.Outcome(row.id(), "failed", error, now, false);
      case TEMPORARY -> {
        int attempts = row.attempts() + 1;
        if (attempts >= settings.maxAttempts()) {
          yield new OutboxStore.Outcome(row.id(), "failed", "gave up after " + attempts + " attempts: " + error, now, false);
        }
        yield new OutboxStore.Outcome(row.id(), "queued", error, now + backoff(attempts), false);
      }
    };
  }

  /** Exponential: the base, then twice as long at each failure, up to six hours, with 10 % jitter. */
  long backoff(int attempts) {
    long base = settings.retryBase().toMillis();
    long delay = Math.min(MAX_BACKOFF_MILLIS, base * (1L << Math.min(20, attempts - 1)));
    return delay + ThreadLocalRandom.current().nextLong(Math.max(1, delay / 10));
  }

  private void pause(long millis) {
    synchronized (signal) {
      try {
        signal.wait(millis);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        running = false;
      }
    }
  }

  /** Stops after the messages in hand; gives back claimed rows; waits up to 30 s. */
  @Override
  public synchronized void close() {
    if (!running) {
      return;
    }
    running = false;
    wake();
    for (Thread worker : workers) {
      try {
        worker.join(30_000);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    workers.clear();
    background.shutdownNow();
    try {
      int released = store.release(id, clock.millis());
      store.unregister(id);
      if (released > 0) {
        log.info("Sender {} stopped; {} claimed message(s) back in the queue", id, released);
      }
    } catch (RuntimeException e) {
      log.warn("Sender {} could not give back its rows: {}", id, e.getMessage());
    }
    if (lock != null) {
      lock.close();
      lock = null;
    }
  }

  /**
   * Stops as a crash would: no outcome recorded, no row given back, no goodbye. For tests of
   * recovery; a real crash is a killed process.
   */
  synchronized void abandon() {
    abandoned = true;
    running = false;
    wake();
    for (Thread worker : workers) {
      worker.interrupt();
      try {
        worker.join(10_000);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    workers.clear();
    if (background != null) {
      background.shutdownNow();
    }
    if (lock != null) {
      lock.close();
      lock = null;
    }
  }

  public boolean isRunning() {
    return running;
  }

  private static Thread daemon(Runnable runnable, String name) {
    Thread thread = new Thread(runnable, name);
    thread.setDaemon(true);
    return thread;
  }

  private static String hostName() {
    try {
      return InetAddress.getLocalHost().getHostName();
    } catch (Exception e) {
      return "unknown";
    }
  }

  /** At most {@code perSecond} messages a second from this sender, evenly spaced; 0 for no limit. */
  static final class RateLimit {
    private final long intervalNanos;
    private long next;

    RateLimit(int perSecond) {
      this.intervalNanos = perSecond <= 0 ? 0 : 1_000_000_000L / perSecond;
    }

    void acquire() {
      if (intervalNanos == 0) {
        return;
      }
      long wait;
      synchronized (this) {
        long now = System.nanoTime();
        next = Math.max(next, now);
        wait = next - now;
        next += intervalNanos;
      }
      if (wait > 0) {
        try {
          TimeUnit.NANOSECONDS.sleep(wait);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
      }
    }
  }
}
