package org.thinkpress.cli;

import java.util.concurrent.Callable;
import org.thinkpress.app.Config;
import org.thinkpress.app.ThinkPress;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.ParentCommand;

/** {@code thinkpress serve}: runs the site until the process is stopped. */
@Command(name = "serve", mixinStandardHelpOptions = true, description = "Run the site.")
final class ServeCommand implements Callable<Integer> {

  @ParentCommand
  ThinkPressCommand root;

  @Mixin
  ServerOptions server;

  @Override
  public Integer call() {
    return Runner.run(root.config(server.settings()), thinkPress -> {});
  }

  /** Starting a server and keeping the process up until it is stopped, shared with {@code demo}. */
  static final class Runner {
    interface BeforeServing {
      void prepare(ThinkPress thinkPress);
    }

    static int run(Config config, BeforeServing prepare) {
      ThinkPress thinkPress = ThinkPress.open(config);
      int port;
      try {
        prepare.prepare(thinkPress);
        port = thinkPress.serve().port();
      } catch (RuntimeException e) {
        thinkPress.close();
        throw thinkPress.database().explained(e); // a locked, read-only or full SQLite file, in one line
      }
      Runtime.getRuntime().addShutdownHook(new Thread(thinkPress::close, "shutdown"));
      System.out.println("ThinkPress is serving " + config.site().baseUrl() + " (listening on " + config.host() + ":"
          + port + "; stop with Ctrl+C)");
      return Cli.KEEP_RUNNING;
    }
  }
}
