package org.thinkpress.cli;

/**
 * {@code java -jar thinkpress.jar COMMAND}: see {@code --help}. The command line is the entry;
 * each command opens the services through {@code app.ThinkPress}, and {@code app} knows nothing of
 * the commands.
 */
public final class Main {

  private Main() {}

  public static void main(String[] args) {
    int exitCode = Cli.run(args, System.getenv());
    if (exitCode != Cli.KEEP_RUNNING) {
      System.exit(exitCode);
    }
  }
}
