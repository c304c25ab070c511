package org.thinkpress.cli;

import java.util.concurrent.Callable;
import org.thinkpress.app.DemoContent;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/** {@code thinkpress demo}: loads the demo institute (once) and runs the site. */
@Command(name = "demo", mixinStandardHelpOptions = true,
    description = "Load the demo institute's content (only the first time) and run the site.")
final class DemoCommand implements Callable<Integer> {

  @ParentCommand
  ThinkPressCommand root;

  @Mixin
  ServerOptions server;

  @Option(names = "--load-only", description = "load the demo content and exit without serving")
  boolean loadOnly;

  @Override
  public Integer call() {
    var config = root.config(server.settings());
    if (loadOnly) {
      try (var thinkPress = org.thinkpress.app.ThinkPress.open(config)) {
        DemoContent.loadOnce(thinkPress);
      }
      return 0;
    }
    return ServeCommand.Runner.run(config, thinkPress -> DemoContent.loadOnce(thinkPress));
  }
}
