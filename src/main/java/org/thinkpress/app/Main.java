package org.thinkpress.app;

import org.thinkpress.cli.Cli;

/** {@code java -jar thinkpress.jar COMMAND}: see {@code --help}. */
public final class Main {

  private Main() {}

  public static void main(String[] args) {
    int exitCode = Cli.run(args, System.getenv());
    if (exitCode != Cli.KEEP_RUNNING) {
      System.exit(exitCode);
    }
  }
}
