package org.thinkpress.cli;

import java.util.Map;
import java.util.concurrent.Callable;
import org.thinkpress.app.ThinkPress;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;
import picocli.CommandLine.ParentCommand;

/** {@code thinkpress migrate}: brings the database schema up to date, then exits. */
@Command(name = "migrate", mixinStandardHelpOptions = true,
    description = "Create or update the database schema and exit (serve does this too).")
final class MigrateCommand implements Callable<Integer> {

  @ParentCommand
  ThinkPressCommand root;

  @Spec
  CommandSpec spec;

  @Override
  public Integer call() {
    var config = root.config(Map.of());
    try (ThinkPress thinkPress = ThinkPress.open(config)) {
      thinkPress.database().migrateWithFlyway(); // opening migrated; this also validates what was applied
      spec.commandLine().getOut().println("The database at " + thinkPress.config().database().url() + " is up to date.");
    }
    return 0;
  }
}
