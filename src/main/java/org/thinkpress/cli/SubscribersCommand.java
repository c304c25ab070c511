package org.thinkpress.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;
import org.thinkpress.app.ThinkPress;
import org.thinkpress.subscribers.ImportReport;
import org.thinkpress.subscribers.SubscriberCounts;
import org.thinkpress.subscribers.SubscriberFormat;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code thinkpress subscribers import | export | erase | counts}. */
@Command(name = "subscribers", mixinStandardHelpOptions = true,
    description = "Import, export, count and erase subscribers.",
    subcommands = {SubscribersCommand.Import.class, SubscribersCommand.Export.class, SubscribersCommand.Erase.class,
        SubscribersCommand.Counts.class})
final class SubscribersCommand {

  @ParentCommand
  ThinkPressCommand root;

  @Command(name = "import", mixinStandardHelpOptions = true,
      description = {"Import subscribers from CSV: all rows, or none if any row has a problem.",
          "Columns: email and consent (required); status, name, language, lists, topics, regions (';'-separated),",
          "everything, consent_at, created_at, confirmed_at, unsubscribed_at, unsubscribe_reason, suppressed_at,",
          "suppression_reason: the columns of an export, which imports back unchanged.",
          "Without a status column rows are confirmed, and need consent; no import confirms a pending row without",
          "it, nor subscribes again an address that unsubscribed, is suppressed or was erased.",
          "--from substack or ghost reads those platforms' subscriber exports as they come: their readers come in",
          "confirmed with their consent on the old platform (and its date), or unsubscribed if they had left."})
  static final class Import implements Callable<Integer> {
    @ParentCommand
    SubscribersCommand subscribers;

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "FILE", description = "a UTF-8 CSV file with a header row")
    Path file;

    @Option(names = "--dry-run", description = "check the file and say what would change, writing nothing")
    boolean dryRun;

    @Option(names = "--from", paramLabel = "FORMAT", defaultValue = "thinkpress",
        description = "whose CSV the file is: thinkpress (the default: ThinkPress's columns), substack (Substack's"
            + " subscriber export) or ghost (Ghost's members export)")
    String from;

    @Override
    public Integer call() {
      SubscriberFormat format = SubscriberFormat.ofKey(from).orElseThrow(() -> new InvalidOptionException("--from",
          "--from '" + from + "' is not one of " + SubscriberFormat.keys()));
      try (ThinkPress app = ThinkPress.open(subscribers.root.config(Map.of()));
           Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
        ImportReport report = app.subscribers().importCsv(reader, file.toString(), format, dryRun);
        PrintWriter out = spec.commandLine().getOut();
        if (!report.ok()) {
          report.errors().forEach(spec.commandLine().getErr()::println);
          spec.commandLine().getErr().printf("thinkpress: %d problem(s) in %s; nothing was imported%n",
              report.errors().size(), file);
          return 1;
        }
        out.printf(dryRun ? "Dry run of %s: nothing was written%n" : "Imported %s%n", file);
        report.lines().forEach(line -> out.println("  " + line));
        return 0;
      } catch (IOException e) {
        throw new UnreadableFileException(file, e.getMessage());
      }
    }
  }

  @Command(name = "export", mixinStandardHelpOptions = true, description = "Write every subscriber to a CSV file.")
  static final class Export implements Callable<Integer> {
    @ParentCommand
    SubscribersCommand subscribers;

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "FILE", description = "the CSV file to write (must not exist)")
    Path file;

    @Override
    public Integer call() {
      if (Files.exists(file)) {
        throw new ExistingFileException(file, "choose a new file name");
      }
      try (ThinkPress app = ThinkPress.open(subscribers.root.config(Map.of()));
           Writer writer = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
        int count = app.subscribers().exportCsv(writer);
        spec.commandLine().getOut().printf("Exported %d subscriber(s) to %s%n", count, file);
        return 0;
      } catch (IOException | UncheckedIOException e) {
        throw new UnwritableFileException(file, e.getMessage());
      }
    }
  }

  @Command(name = "erase", mixinStandardHelpOptions = true,
      description = "Erase a subscriber completely, on their request: lists, interests, messages, suppression.")
  static final class Erase implements Callable<Integer> {
    @ParentCommand
    SubscribersCommand subscribers;

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "EMAIL", description = "the subscriber's address")
    String email;

    @Override
    public Integer call() {
      try (ThinkPress app = ThinkPress.open(subscribers.root.config(Map.of()))) {
        app.subscribers().erase(email);
        spec.commandLine().getOut().println("Erased the subscriber and everything about them.");
        return 0;
      }
    }
  }

  @Command(name = "counts", mixinStandardHelpOptions = true, description = "Subscribers by status and by list.")
  static final class Counts implements Callable<Integer> {
    @ParentCommand
    SubscribersCommand subscribers;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
      try (ThinkPress app = ThinkPress.open(subscribers.root.config(Map.of()))) {
        SubscriberCounts counts = app.subscribers().counts();
        PrintWriter out = spec.commandLine().getOut();
        new java.util.TreeMap<>(counts.byStatus()).forEach((status, n) -> out.printf("%-14s %d%n", status, n));
        out.printf("%-14s %d%n", "suppressed", counts.suppressed());
        out.println("Confirmed, by list:");
        new java.util.TreeMap<>(counts.byList()).forEach((list, n) -> out.printf("  %-24s %d%n", list, n));
        out.printf("  %-24s %d%n", "(everything)", counts.everything());
        return 0;
      }
    }
  }
}
