package org.thinkpress.cli;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.thinkpress.app.Config;
import org.thinkpress.app.ConfigLoader;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** The root command; holds the options every command shares. */
@Command(name = "thinkpress", mixinStandardHelpOptions = true, version = "ThinkPress 0.1.0",
    description = "A publishing platform for think tanks and policy institutes.",
    subcommands = {ServeCommand.class, DemoCommand.class, MigrateCommand.class, ContentCommand.class, ImportCommand.class,
        RedirectsCommand.class,
        UserCommand.class, SearchCommand.class, SubscribersCommand.class, NewsletterCommand.class, MailCommand.class,
        BackupCommand.class, RestoreCommand.class},
    footer = {"", "Settings come from defaults, then --config FILE (or THINKPRESS_CONFIG), then THINKPRESS_* environment",
        "variables (server.port is THINKPRESS_SERVER_PORT), then --set NAME=VALUE. With none, the site runs on",
        "http://localhost:8080 with SQLite under ./data."})
final class ThinkPressCommand {

  private final Map<String, String> environment;

  @Option(names = {"-c", "--config"}, paramLabel = "FILE", description = "a properties file of settings")
  Path configFile;

  @Option(names = "--set", paramLabel = "NAME=VALUE", description = "a setting, e.g. --set database.url=jdbc:postgresql://db/thinkpress")
  Map<String, String> settings = new LinkedHashMap<>();

  ThinkPressCommand(Map<String, String> environment) {
    this.environment = environment;
  }

  /** The configuration, with {@code extra} settings from a subcommand's own options winning. */
  Config config(Map<String, String> extra) {
    Path file = configFile;
    if (file == null && environment.get("THINKPRESS_CONFIG") != null) {
      file = Path.of(environment.get("THINKPRESS_CONFIG"));
    }
    Map<String, String> overrides = new LinkedHashMap<>(settings);
    overrides.putAll(extra);
    return ConfigLoader.load(file, environment, overrides);
  }
}
