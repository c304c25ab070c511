package org.thinkpress.cli;

import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;
import org.thinkpress.app.ThinkPress;
import org.thinkpress.newsletter.NewsletterService;
import org.thinkpress.newsletter.SendProgress;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code thinkpress newsletter digest | send campaign | send alert | send queued | sends | retry}.
 * Commands that create a send then deliver it with a progress bar, running a sender in this
 * process; on SQLite, when a server already sends for the database, they show its progress.
 */
@Command(name = "newsletter", mixinStandardHelpOptions = true,
    description = "Compose and send digests, campaigns and alerts; follow sends.",
    subcommands = {NewsletterCommand.Digest.class, NewsletterCommand.Send.class, NewsletterCommand.Sends.class,
        NewsletterCommand.Retry.class})
final class NewsletterCommand {

  @ParentCommand
  ThinkPressCommand root;

  @Command(name = "digest", mixinStandardHelpOptions = true,
      description = {"Compose the digests whose period has ended (once per period), then send them.",
          "Periods end at newsletter.digest-hour (weekly ones on newsletter.digest-day), in site.timezone."})
  static final class Digest implements Callable<Integer> {
    @ParentCommand
    NewsletterCommand newsletter;

    @Spec
    CommandSpec spec;

    @Option(names = "--list", paramLabel = "KEY", description = "only this digest list")
    String list;

    @Option(names = "--at", paramLabel = "INSTANT", description = "compose as if it were this time (2026-03-02T09:00:00Z)")
    String at;

    @Option(names = "--no-wait", description = "queue the digests and exit; the server's sender delivers them")
    boolean noWait;

    @Override
    public Integer call() {
      try (ThinkPress app = ThinkPress.open(newsletter.root.config(Map.of()))) {
        Instant now = at == null ? Instant.now() : instant(at);
        List<SendProgress> created = app.newsletterService().composeDueDigests(now, Optional.ofNullable(list));
        PrintWriter out = spec.commandLine().getOut();
        if (created.isEmpty()) {
          out.println("No digest is due: each digest list's latest period was composed before.");
          return 0;
        }
        for (SendProgress progress : created) {
          out.printf("Digest #%d (%s, %s to %s): %d message(s) queued%n", progress.send().id(), progress.send().listKey(),
              progress.send().periodStart(), progress.send().periodEnd(), progress.total());
        }
        return noWait ? 0 : deliver(app, created, out);
      }
    }
  }

  @Command(name = "send", mixinStandardHelpOptions = true, description = "Send a campaign, an alert, or what is queued.",
      subcommands = {Campaign.class, Alert.class, Queued.class})
  static final class Send {
    @ParentCommand
    NewsletterCommand newsletter;
  }

  @Command(name = "campaign", mixinStandardHelpOptions = true,
      description = "Send a Markdown file to a segment: the lists given, narrowed to topics and regions when given.")
  static final class Campaign implements Callable<Integer> {
    @ParentCommand
    Send send;

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "FILE", description = "the message body in Markdown")
    Path file;

    @Option(names = "--subject", required = true, description = "the subject line")
    String subject;

    @Option(names = "--list", paramLabel = "KEY", required = true, description = "a list to send to (repeatable)")
    List<String> lists = new ArrayList<>();

    @Option(names = "--topic", paramLabel = "SLUG", description = "only subscribers interested in this topic (repeatable)")
    List<String> topics = new ArrayList<>();

    @Option(names = "--region", paramLabel = "SLUG", description = "only subscribers interested in this region (repeatable)")
    List<String> regions = new ArrayList<>();

    @Option(names = "--no-wait", description = "queue the campaign and exit")
    boolean noWait;

    @Override
    public Integer call() throws Exception {
      if (!Files.isReadable(file)) {
        throw new UnreadableFileException(file, null);
      }
      String body = Files.readString(file, StandardCharsets.UTF_8);
      try (ThinkPress app = ThinkPress.open(send.newsletter.root.config(Map.of()))) {
        SendProgress progress = app.newsletterService().sendCampaign(subject, body, lists, topics, regions);
        PrintWriter out = spec.commandLine().getOut();
        out.printf("Campaign #%d '%s': %d message(s) queued%n", progress.send().id(), progress.send().subject(),
            progress.total());
        return noWait ? 0 : deliver(app, List.of(progress), out);
      }
    }
  }

  @Command(name = "alert", mixinStandardHelpOptions = true,
      description = {"Send the alert of a published piece now, if it has not had one (whatever its age, even an"
          + " imported piece),", "to the confirmed subscribers who have not had it; nobody gets an alert twice."})
  static final class Alert implements Callable<Integer> {
    @ParentCommand
    Send send;

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "SLUG", description = "the piece's slug")
    String slug;

    @Override
    public Integer call() {
      try (ThinkPress app = ThinkPress.open(send.newsletter.root.config(Map.of()))) {
        List<SendProgress> sends = app.newsletterService().alert(slug);
        PrintWriter out = spec.commandLine().getOut();
        for (SendProgress progress : sends) {
          out.printf("Alert #%d to %s: %d message(s)%n", progress.send().id(), progress.send().listKey(), progress.total());
        }
        return deliver(app, sends, out);
      }
    }
  }

  @Command(name = "queued", mixinStandardHelpOptions = true,
      description = "Deliver everything that waits in the outbox, then exit.")
  static final class Queued implements Callable<Integer> {
    @ParentCommand
    Send send;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
      try (ThinkPress app = ThinkPress.open(send.newsletter.root.config(Map.of()))) {
        return deliver(app, List.of(), spec.commandLine().getOut());
      }
    }
  }

  @Command(name = "sends", mixinStandardHelpOptions = true, description = "List the latest sends and their progress.")
  static final class Sends implements Callable<Integer> {
    @ParentCommand
    NewsletterCommand newsletter;

    @Spec
    CommandSpec spec;

    @Option(names = "--limit", description = "how many (default 20)")
    int limit = 20;

    @Override
    public Integer call() {
      try (ThinkPress app = ThinkPress.open(newsletter.root.config(Map.of()))) {
        PrintWriter out = spec.commandLine().getOut();
        out.printf("%6s  %-9s %-18s %8s %8s %9s %7s %10s %9s  %s%n", "id", "kind", "list", "total", "queued", "submitted",
            "failed", "suppressed", "cancelled", "subject");
        for (SendProgress p : app.newsletterService().sends(limit)) {
          out.printf("%6d  %-9s %-18s %8d %8d %9d %7d %10d %9d  %s%n", p.send().id(), p.send().kind().key(),
              p.send().listKey() == null ? "" : p.send().listKey(), p.total(), p.queued() + p.submitting(), p.submitted(),
              p.failed(), p.suppressed(), p.cancelled(), p.send().subject());
        }
      }
      return 0;
    }
  }

  @Command(name = "retry", mixinStandardHelpOptions = true, description = "Queue a send's failed messages again and send them.")
  static final class Retry implements Callable<Integer> {
    @ParentCommand
    NewsletterCommand newsletter;

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "SEND", description = "the send's id (see 'newsletter sends')")
    long sendId;

    @Override
    public Integer call() {
      try (ThinkPress app = ThinkPress.open(newsletter.root.config(Map.of()))) {
        int queued = app.newsletterService().retryFailed(sendId);
        spec.commandLine().getOut().printf("%d failed message(s) of send #%d queued again%n", queued, sendId);
        return deliver(app, List.of(app.newsletterService().progress(sendId)), spec.commandLine().getOut());
      }
    }
  }

  /**
   * Runs a sender (or watches another process's) until the sends are done or only wait for a
   * later retry; shows a progress bar on standard error. Exit status 0 when nothing failed, 2 when
   * something did, 3 when some messages wait for a later retry.
   */
  static int deliver(ThinkPress app, List<SendProgress> sends, PrintWriter out) {
    NewsletterService service = app.newsletterService();
    boolean ours = app.newsletter().startSender();
    if (!ours) {
      out.println("Another process sends for this database; following its progress.");
    }
    long total = sends.isEmpty() ? service.waiting() : sends.stream().mapToLong(SendProgress::total).sum();
    long began = System.nanoTime();
    long doneAtStart = sends.isEmpty() ? 0 : current(service, sends).stream().mapToLong(SendProgress::done).sum();
    long doneAtEnd;
    try (ProgressBar bar = new ProgressBarBuilder().setTaskName("Sending").setInitialMax(Math.max(total, 1))
        .setStyle(ProgressBarStyle.ASCII).setConsumer(new ConsoleProgressBarConsumer(System.err))
        .setUpdateIntervalMillis(250).build()) {
      while (true) {
        List<SendProgress> now = current(service, sends);
        long done = sends.isEmpty() ? total - service.waiting() : now.stream().mapToLong(SendProgress::done).sum();
        bar.stepTo(Math.max(0, done));
        boolean finished = sends.isEmpty() ? service.waiting() == 0 : now.stream().allMatch(SendProgress::finished);
        boolean onlyRetries = !sends.isEmpty() && now.stream().allMatch(p -> p.submitting() == 0 && p.queued() == p.retrying());
        if (finished || (onlyRetries && now.stream().anyMatch(p -> p.retrying() > 0))) {
          doneAtEnd = done;
          break;
        }
        sleep();
      }
    } finally {
      if (ours) {
        app.newsletter().sender().close();
      }
    }
    double seconds = (System.nanoTime() - began) / 1e9;
    long handled = doneAtEnd - doneAtStart;
    out.printf(java.util.Locale.ROOT, "Handled %d message(s) in %.1f s: %.0f messages/s%n", handled, seconds,
        seconds > 0 ? handled / seconds : 0);
    List<SendProgress> result = current(service, sends);
    long failed = 0;
    long retrying = 0;
    for (SendProgress p : result) {
      out.printf("Send #%d: %d submitted, %d failed, %d suppressed, %d cancelled, %d waiting for a retry%s%n", p.send().id(),
          p.submitted(), p.failed(), p.suppressed(), p.cancelled(), p.retrying(),
          p.uncertain() > 0 ? ", " + p.uncertain() + " resent after a crash" : "");
      failed += p.failed();
      retrying += p.retrying();
    }
    if (retrying > 0) {
      out.println("Messages waiting for a retry go out with the next 'serve' or 'newsletter send queued'.");
      return 3;
    }
    return failed > 0 ? 2 : 0;
  }

  private static List<SendProgress> current(NewsletterService service, List<SendProgress> sends) {
    return sends.stream().map(p -> service.progress(p.send().id())).toList();
  }

  private static void sleep() {
    try {
      TimeUnit.MILLISECONDS.sleep(200);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    }
  }

  static Instant instant(String value) {
    try {
      return Instant.parse(value);
    } catch (DateTimeParseException e) {
      throw new InvalidOptionException("--at", "--at '" + value + "' is not an instant such as 2026-03-02T09:00:00Z");
    }
  }
}
