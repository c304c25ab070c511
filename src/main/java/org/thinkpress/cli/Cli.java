package org.thinkpress.cli;

import java.io.PrintWriter;
import java.util.Map;
import org.thinkpress.ThinkPressException;
import picocli.CommandLine;

/**
 * The command line: {@code thinkpress serve | demo | migrate | content import | content export}.
 * Every command calls the same services as the web application; failures print their message (a
 * file and line, a setting's name) and exit with status 1, never a stack trace.
 */
public final class Cli {

  /** Returned by commands that started a server: the process stays up until it is stopped. */
  public static final int KEEP_RUNNING = -1;

  private Cli() {}

  public static int run(String[] args, Map<String, String> environment) {
    return commandLine(environment, new PrintWriter(System.out, true), new PrintWriter(System.err, true)).execute(args);
  }

  /** The command line with its output streams, for tests. */
  public static CommandLine commandLine(Map<String, String> environment, PrintWriter out, PrintWriter err) {
    CommandLine commandLine = new CommandLine(new ThinkPressCommand(environment));
    commandLine.setOut(out);
    commandLine.setErr(err);
    commandLine.setExecutionExceptionHandler((e, cmd, parseResult) -> {
      if (e instanceof ThinkPressException) {
        cmd.getErr().println("thinkpress: " + e.getMessage());
        return 1;
      }
      throw e;
    });
    return commandLine;
  }
}
