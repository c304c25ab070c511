package org.thinkpress.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.Callable;
import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;
import org.thinkpress.app.ThinkPress;
import org.thinkpress.imports.ImportProgress;
import org.thinkpress.imports.ImportReport;
import org.thinkpress.imports.ImportRequest;
import org.thinkpress.imports.Platform;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code thinkpress import wordpress|ghost|substack EXPORT}: moving an existing site in. */
@Command(name = "import", mixinStandardHelpOptions = true,
    description = {"Move a site in from WordPress, Ghost or Substack: pieces, experts, topics, files and old addresses,",
        "all in one transaction. Running the same export again updates what changed and adds what is new.",
        "Nothing is announced and no subscriber is touched (subscribers come in with: thinkpress subscribers import)."},
    subcommands = {ImportCommand.WordPress.class, ImportCommand.Ghost.class, ImportCommand.Substack.class})
final class ImportCommand {

  @ParentCommand
  ThinkPressCommand root;

  /** The options every platform takes. */
  static final class Options {
    @Option(names = "--dry-run", description = "read and check everything, write nothing, print the report")
    boolean dryRun;

    @Option(names = "--map", paramLabel = "FILE", description = "YAML: what the source's terms and authors become (docs/imports.md)")
    Path map;

    @Option(names = "--media", paramLabel = "DIR|URL",
        description = "the old uploads: a copy of the folder (wp-content/uploads, content/images) or the old site's address")
    String media;

    @Option(names = "--base-url", paramLabel = "URL",
        description = "the old site's address, when the export does not say it (Ghost, Substack)")
    String baseUrl;

    @Option(names = "--strict", description = "fail, writing nothing, when a file cannot be had or a piece cannot be imported")
    boolean strict;

    @Option(names = "--connections", paramLabel = "N", defaultValue = "4",
        description = "files fetched at once from the old site (default: ${DEFAULT-VALUE})")
    int connections;

    @Option(names = "--timeout", paramLabel = "SECONDS", defaultValue = "30",
        description = "how long one file's fetch may take (default: ${DEFAULT-VALUE})")
    int timeoutSeconds;

    @Option(names = "--report", paramLabel = "FILE",
        description = "where the report is written (default: import-report-PLATFORM.txt in data.dir)")
    Path report;
  }

  /** What the three platforms' commands share. */
  abstract static class PlatformImport implements Callable<Integer> {
    @ParentCommand
    ImportCommand command;

    @Spec
    CommandSpec spec;

    @Mixin
    Options options = new Options();

    abstract Platform platform();

    abstract Path export();

    @Override
    public Integer call() throws IOException {
      ImportRequest request = new ImportRequest(platform(), export(), options.map, options.media, options.baseUrl,
          options.dryRun, options.strict, options.connections, Duration.ofSeconds(Math.max(1, options.timeoutSeconds)));
      try (ThinkPress thinkPress = ThinkPress.open(command.root.config(Map.of()));
           Bars bars = new Bars()) {
        ImportReport report = thinkPress.importer().run(request, bars);
        bars.close();
        Path file = options.report != null ? options.report
            : thinkPress.config().dataDir().resolve("import-report-" + platform().key() + ".txt");
        Files.createDirectories(file.toAbsolutePath().getParent());
        Files.writeString(file, report.text(), StandardCharsets.UTF_8);
        spec.commandLine().getOut().print(report.text());
        spec.commandLine().getOut().printf("%nThe report is in %s%n", file);
      }
      return 0;
    }
  }

  @Command(name = "wordpress", mixinStandardHelpOptions = true,
      description = "Import a WordPress export (Tools > Export > All content: a WXR .xml file of any size).")
  static final class WordPress extends PlatformImport {
    @Parameters(paramLabel = "EXPORT.xml", description = "the WXR file")
    Path export;

    @Override
    Platform platform() {
      return Platform.WORDPRESS;
    }

    @Override
    Path export() {
      return export;
    }
  }

  @Command(name = "ghost", mixinStandardHelpOptions = true,
      description = "Import a Ghost export (Settings > Migration > Export content: a .json file).")
  static final class Ghost extends PlatformImport {
    @Parameters(paramLabel = "EXPORT.json", description = "the Ghost JSON export")
    Path export;

    @Override
    Platform platform() {
      return Platform.GHOST;
    }

    @Override
    Path export() {
      return export;
    }
  }

  @Command(name = "substack", mixinStandardHelpOptions = true,
      description = "Import a Substack export (Settings > Exports: the .zip with posts.csv and posts/).")
  static final class Substack extends PlatformImport {
    @Parameters(paramLabel = "EXPORT.zip", description = "the Substack zip")
    Path export;

    @Override
    Platform platform() {
      return Platform.SUBSTACK;
    }

    @Override
    Path export() {
      return export;
    }
  }

  /** One progress bar per stage on standard error, for stages long enough to watch. */
  static final class Bars implements ImportProgress, AutoCloseable {
    private ProgressBar bar;

    @Override
    public void stage(String name, long total) {
      close();
      if (total >= ContentCommand.PROGRESS_BAR_FROM) {
        bar = new ProgressBarBuilder().setTaskName(name).setInitialMax(total).setStyle(ProgressBarStyle.ASCII)
            .setConsumer(new ConsoleProgressBarConsumer(System.err)).setUpdateIntervalMillis(250).build();
      }
    }

    @Override
    public void advance(long steps) {
      if (bar != null) {
        bar.stepBy(steps);
      }
    }

    @Override
    public void close() {
      if (bar != null) {
        bar.close();
        bar = null;
      }
    }
  }
}
