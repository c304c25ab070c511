package org.thinkpress.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;
import org.thinkpress.app.ThinkPress;
import org.thinkpress.imports.OldUrls;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code thinkpress redirects export FILE}: the old site's addresses as CSV, for a CDN's or proxy's rules. */
@Command(name = "redirects", mixinStandardHelpOptions = true,
    description = "The old site's addresses that answer 301 with their new ones (recorded by imports).",
    subcommands = {RedirectsCommand.Export.class})
final class RedirectsCommand {

  @ParentCommand
  ThinkPressCommand root;

  @Command(name = "export", mixinStandardHelpOptions = true,
      description = "Write every old address and its new one as CSV (old_path,new_path,source) to a new file.")
  static final class Export implements Callable<Integer> {
    @ParentCommand
    RedirectsCommand redirects;

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "FILE", description = "a new file")
    Path file;

    @Override
    public Integer call() throws IOException {
      if (Files.exists(file)) {
        throw new ExistingFileException(file, "choose a new file name");
      }
      try (ThinkPress thinkPress = ThinkPress.open(redirects.root.config(Map.of()))) {
        OldUrls oldUrls = thinkPress.oldUrls();
        Files.write(file, oldUrls.csv());
        spec.commandLine().getOut().printf("Exported %d old addresses to %s%n", oldUrls.count(), file);
      }
      return 0;
    }
  }
}
