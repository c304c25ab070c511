package org.thinkpress.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import org.thinkpress.app.ThinkPress;
import org.thinkpress.imports.ImportReport;
import org.thinkpress.imports.ImportRequest;
import org.thinkpress.imports.Platform;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code thinkpress import wordpress|ghost|substack EXPORT}: moving an existing site in. */
@Command(name = "import", mixinStandardHelpOptions = true,
    description = {"Move a site in from WordPress, Ghost or Substack: pieces, experts, topics, files and old addresses,",
        "all in one transaction. Running the same export again updates what changed and adds what is new.",
        "Nothing is announced and no subscriber is touched (subscribers come in with: thinkpress subscribers import).",
        "The exports: WordPress's Tools > Export > All content (a WXR .xml of any size); Ghost's Settings > Migration >",
        "Export content (a .json); Substack's Settings > Exports (the .zip with posts.csv and posts/)."})
final class ImportCommand implements Callable<Integer> {

  @ParentCommand
  ThinkPressCommand root;

  @Spec
  CommandSpec spec;

  @Parameters(index = "0", paramLabel = "PLATFORM", description = "wordpress, ghost or substack")
  String platform;

  @Parameters(index = "1", paramLabel = "EXPORT", description = "the export: a WXR .xml, a Ghost .json or a Substack .zip")
  Path export;

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

  @Override
  public Integer call() throws IOException {
    Platform from = platform(platform);
    ImportRequest request = new ImportRequest(from, export, map, media, baseUrl, dryRun, strict, connections,
        Duration.ofSeconds(Math.max(1, timeoutSeconds)));
    try (ThinkPress thinkPress = ThinkPress.open(root.config(Map.of()));
         ProgressBars bars = new ProgressBars("Reading", ContentCommand.PROGRESS_BAR_FROM)) {
      ImportReport done = thinkPress.importer().run(request, bars);
      bars.close();
      Path file = report != null ? report : thinkPress.config().dataDir().resolve("import-report-" + from.key() + ".txt");
      Files.createDirectories(file.toAbsolutePath().getParent());
      Files.writeString(file, done.text(), StandardCharsets.UTF_8);
      spec.commandLine().getOut().print(done.text());
      spec.commandLine().getOut().printf("%nThe report is in %s%n", file);
    }
    return 0;
  }

  private static Platform platform(String name) {
    return Arrays.stream(Platform.values()).filter(p -> p.key().equals(name.toLowerCase(Locale.ROOT))).findFirst()
        .orElseThrow(() -> new InvalidOptionException("PLATFORM", "PLATFORM '" + name + "' is not one of "
            + Arrays.stream(Platform.values()).map(Platform::key).collect(Collectors.joining(", "))));
  }
}
