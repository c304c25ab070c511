package org.thinkpress.app;

import java.io.IOException;
import java.io.Reader;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import org.thinkpress.ThinkPressException;
import org.thinkpress.content.Languages;
import org.thinkpress.content.PublicationTypes;
import org.thinkpress.kit.SiteConfig;
import org.thinkpress.newsletter.MailSettings;
import org.thinkpress.newsletter.NewsletterSettings;
import org.thinkpress.search.SearchSettings;
import org.thinkpress.storage.DatabaseSettings;
import org.thinkpress.subscribers.EmailAddresses;
import org.thinkpress.subscribers.MailingLists;
import org.thinkpress.subscribers.SubscriberSettings;
import org.thinkpress.web.ClientAddress;

/**
 * Reads the configuration. Each setting has a dotted name ({@code server.port}); it is looked up,
 * last one winning, in the defaults, the properties file, the environment variable of the same
 * name in upper case with dots and dashes as underscores ({@code THINKPRESS_SERVER_PORT}), and the
 * command line. Zero configuration gives a working site on http://localhost:8080 with SQLite under
 * {@code ./data}.
 *
 * <p>A name that is no setting stops the start wherever it is given, with one message naming the
 * closest setting: a mistyped name must not leave a default in force unnoticed. In the environment,
 * every {@code THINKPRESS_*} name is read as a setting except the reserved ones:
 * {@code THINKPRESS_CONFIG} (the properties file) and {@code THINKPRESS_TEST_*} (the test suite's).
 */
public final class ConfigLoader {

  /** Every setting and its default; a name not listed here is refused, so typos do not pass silently. */
  static final Map<String, String> DEFAULTS = defaults();

  private static Map<String, String> defaults() {
    Map<String, String> defaults = new LinkedHashMap<>();
    defaults.put("server.host", "127.0.0.1");
    defaults.put("server.port", "8080");
    defaults.put("server.trusted-proxies", "");
    defaults.put("site.url", "");
    defaults.put("site.language", "en");
    defaults.put("site.languages", "en,ru,hy");
    defaults.put("site.untranslated-in-listings", "true");
    defaults.put("site.timezone", "UTC");
    defaults.put("site.page-size", "12");
    defaults.put("site.html-max-age", "60");
    defaults.put("cache.max-mb", "32");
    defaults.put("content.types", String.join(",", PublicationTypes.DEFAULT.keys()));
    defaults.put("content.poll-seconds", "2");
    defaults.put("data.dir", "./data");
    defaults.put("database.url", "");
    defaults.put("database.user", "");
    defaults.put("database.password", "");
    defaults.put("database.pool-size", "8");
    defaults.put("admin.upload-max-mb", "10");
    defaults.put("search.poll-millis", "1000");
    defaults.put("search.page-size", "10");
    defaults.put("search.requests-per-minute", "120");
    defaults.put("newsletter.lists", MailingLists.DEFAULT);
    defaults.put("newsletter.from", "");
    defaults.put("newsletter.from-name", "");
    defaults.put("newsletter.reply-to", "");
    defaults.put("newsletter.unsubscribe-mailbox", "");
    defaults.put("newsletter.concurrency", "4");
    defaults.put("newsletter.rate-per-second", "0");
    defaults.put("newsletter.batch-size", "50");
    defaults.put("newsletter.max-attempts", "8");
    defaults.put("newsletter.retry-seconds", "60");
    defaults.put("newsletter.sender-lease-seconds", "60");
    defaults.put("newsletter.alert-max-age-hours", "48");
    defaults.put("newsletter.digest-hour", "8");
    defaults.put("newsletter.digest-day", "monday");
    defaults.put("newsletter.sender", "true");
    defaults.put("subscribers.confirm-hours", "72");
    defaults.put("subscribers.per-address-per-hour", "3");
    defaults.put("subscribers.per-network-per-10-minutes", "30");
    defaults.put("mail.smtp.host", "");
    defaults.put("mail.smtp.port", "587");
    defaults.put("mail.smtp.security", "starttls");
    defaults.put("mail.smtp.user", "");
    defaults.put("mail.smtp.password", "");
    defaults.put("mail.smtp.timeout-seconds", "30");
    defaults.put("mail.pickup-dir", "");
    defaults.put("mail.dkim.domain", "");
    defaults.put("mail.dkim.selector", "");
    defaults.put("mail.dkim.key-file", "");
    return Map.copyOf(defaults);
  }

  private ConfigLoader() {}

  /**
   * Loads the configuration.
   *
   * @param file a properties file, or {@code null} for none
   * @param environment the process environment (only {@code THINKPRESS_*} names are read)
   * @param overrides settings given on the command line, by dotted name
   */
  public static Config load(Path file, Map<String, String> environment, Map<String, String> overrides) {
    Map<String, String> values = new LinkedHashMap<>(DEFAULTS);
    if (file != null) {
      readFile(file).forEach((name, value) -> values.put(checkName(name, "in " + file), value));
    }
    for (String variable : new TreeSet<>(environment.keySet())) {
      if (variable.startsWith(ENVIRONMENT_PREFIX) && !isReservedEnvironmentName(variable)) {
        values.put(settingOfVariable(variable), environment.get(variable));
      }
    }
    overrides.forEach((name, value) -> values.put(checkName(name, "on the command line"), value));
    return build(values);
  }

  private static final String ENVIRONMENT_PREFIX = "THINKPRESS_";

  /** The variable names of every setting: {@code THINKPRESS_SERVER_PORT} to {@code server.port}. */
  private static final Map<String, String> VARIABLES = variables();

  private static Map<String, String> variables() {
    Map<String, String> variables = new LinkedHashMap<>();
    DEFAULTS.keySet().forEach(name -> variables.put(environmentName(name), name));
    return Map.copyOf(variables);
  }

  /** {@code server.port} becomes {@code THINKPRESS_SERVER_PORT}. */
  static String environmentName(String name) {
    return ENVIRONMENT_PREFIX + name.toUpperCase(Locale.ROOT).replace('.', '_').replace('-', '_');
  }

  /**
   * Whether a {@code THINKPRESS_*} variable is no setting: {@code THINKPRESS_CONFIG} names the
   * properties file, {@code THINKPRESS_TEST_*} belong to the test suite (its PostgreSQL, say).
   */
  static boolean isReservedEnvironmentName(String variable) {
    return variable.equals("THINKPRESS_CONFIG") || variable.startsWith("THINKPRESS_TEST_");
  }

  private static String settingOfVariable(String variable) {
    String name = VARIABLES.get(variable);
    if (name == null) {
      String closest = closestSetting(variable);
      throw unknownSetting(variable, "in the environment", "'" + environmentName(closest) + "' (" + closest + ")");
    }
    return name;
  }

  private static Map<String, String> readFile(Path file) {
    Properties properties = new Properties();
    try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      properties.load(reader);
    } catch (IOException e) {
      throw new ConfigException("Cannot read the configuration file " + file + ": " + e.getMessage(), e);
    }
    Map<String, String> values = new LinkedHashMap<>();
    for (String name : new TreeSet<>(properties.stringPropertyNames())) {
      values.put(name, properties.getProperty(name).strip());
    }
    return values;
  }

  private static String checkName(String name, String where) {
    if (!DEFAULTS.containsKey(name)) {
      throw unknownSetting(name, where, "'" + closestSetting(name) + "'");
    }
    return name;
  }

  /** The one message for a name that is no setting, from a file, the environment or the command line. */
  private static ConfigException unknownSetting(String given, String where, String suggestion) {
    return new ConfigException("Unknown setting '" + given + "' " + where + "; did you mean " + suggestion
        + "? Known settings: " + String.join(", ", new TreeSet<>(DEFAULTS.keySet())));
  }

  /**
   * The setting whose name is fewest edits away from {@code given}, in any of its spellings
   * ({@code server.port}, {@code THINKPRESS_SERVER_PORT}); the first in alphabetical order on a tie.
   */
  static String closestSetting(String given) {
    String wanted = comparable(given);
    String closest = null;
    int best = Integer.MAX_VALUE;
    for (String name : new TreeSet<>(DEFAULTS.keySet())) {
      int distance = EditDistance.between(wanted, comparable(name));
      if (distance < best) {
        best = distance;
        closest = name;
      }
    }
    return closest;
  }

  /** Lower case, without the variable prefix, with dots, dashes and underscores all alike. */
  private static String comparable(String name) {
    String lower = name.strip().toLowerCase(Locale.ROOT).replace('_', '.').replace('-', '.');
    String prefix = ENVIRONMENT_PREFIX.toLowerCase(Locale.ROOT).replace('_', '.');
    return lower.startsWith(prefix) ? lower.substring(prefix.length()) : lower;
  }

  private static Config build(Map<String, String> values) {
    int port = integer(values, "server.port", 0, 65535);
    Path dataDir = Path.of(values.get("data.dir"));
    String databaseUrl = values.get("database.url").isBlank()
        ? "jdbc:sqlite:" + dataDir.resolve("thinkpress.db") : values.get("database.url").strip();
    DatabaseSettings database = wrap("database.url", () -> new DatabaseSettings(databaseUrl,
        values.get("database.user"), values.get("database.password"), integer(values, "database.pool-size", 1, 200)));
    String language = wrap("site.language", () -> Languages.require("site.language", values.get("site.language")));
    ZoneId zone = wrap("site.timezone", () -> {
      try {
        return ZoneId.of(values.get("site.timezone"));
      } catch (DateTimeException e) {
        throw new ConfigException("site.timezone '" + values.get("site.timezone") + "' is not a time zone such as UTC or Asia/Yerevan");
      }
    });
    List<String> types = Arrays.stream(values.get("content.types").split(","))
        .map(String::strip).filter(s -> !s.isEmpty()).toList();
    PublicationTypes publicationTypes = wrap("content.types", () -> new PublicationTypes(types));
    SiteConfig site = new SiteConfig(baseUrl(values.get("site.url"), port), language, zone,
        integer(values, "site.page-size", 1, 100), integer(values, "site.html-max-age", 0, 31_536_000),
        integer(values, "cache.max-mb", 0, 65_536) * 1024L * 1024L, publicationTypes, siteLanguages(values),
        bool(values, "site.untranslated-in-listings"));
    SearchSettings search = new SearchSettings(dataDir.resolve("index"), integer(values, "search.poll-millis", 100, 60_000),
        integer(values, "search.page-size", 1, 100), integer(values, "search.requests-per-minute", 1, 100_000));
    return new Config(values.get("server.host"), port, dataDir, database, site,
        integer(values, "content.poll-seconds", 1, 3600), integer(values, "admin.upload-max-mb", 1, 100), search,
        subscribers(values, language),
        newsletter(values, site), mail(values, dataDir), trustedProxies(values));
  }

  /** {@code site.languages}: BCP 47 tags, each once; the main language is added first when missing. */
  private static List<String> siteLanguages(Map<String, String> values) {
    List<String> tags = new java.util.ArrayList<>();
    for (String raw : values.get("site.languages").split(",")) {
      if (raw.isBlank()) {
        continue;
      }
      String tag = wrap("site.languages", () -> Languages.require("site.languages", raw.strip()));
      if (tags.contains(tag)) {
        throw new ConfigException("site.languages names '" + tag + "' twice");
      }
      if (!tag.matches("[a-z]{2,3}(-[A-Z]{2})?")) {
        throw new ConfigException("site.languages '" + tag + "' cannot be a URL prefix: use a language (ru) or a"
            + " language and a country (pt-BR)");
      }
      tags.add(tag);
    }
    return tags;
  }

  private static ClientAddress trustedProxies(Map<String, String> values) {
    List<String> proxies = Arrays.stream(values.get("server.trusted-proxies").split(","))
        .map(String::strip).filter(s -> !s.isEmpty()).toList();
    return wrap("server.trusted-proxies", () -> ClientAddress.trusting(proxies));
  }

  private static SubscriberSettings subscribers(Map<String, String> values, String language) {
    MailingLists lists = wrap("newsletter.lists", () -> MailingLists.parse(values.get("newsletter.lists")));
    return new SubscriberSettings(lists, Duration.ofHours(integer(values, "subscribers.confirm-hours", 1, 24 * 30)),
        integer(values, "subscribers.per-address-per-hour", 1, 1000),
        integer(values, "subscribers.per-network-per-10-minutes", 1, 1_000_000), language);
  }

  private static NewsletterSettings newsletter(Map<String, String> values, SiteConfig site) {
    String host = site.baseUrl().getHost();
    String from = values.get("newsletter.from").isBlank() ? "newsletter@" + (host.contains(".") ? host : host + ".localdomain")
        : values.get("newsletter.from").strip();
    from = address("newsletter.from", from);
    String replyTo = values.get("newsletter.reply-to").isBlank() ? "" : address("newsletter.reply-to", values.get("newsletter.reply-to"));
    String mailbox = values.get("newsletter.unsubscribe-mailbox").isBlank() ? from
        : address("newsletter.unsubscribe-mailbox", values.get("newsletter.unsubscribe-mailbox"));
    String sender = values.get("newsletter.sender").strip().toLowerCase(Locale.ROOT);
    if (!sender.equals("true") && !sender.equals("false")) {
      throw new ConfigException("newsletter.sender is '" + sender + "'; write true or false");
    }
    DayOfWeek day;
    try {
      day = DayOfWeek.valueOf(values.get("newsletter.digest-day").strip().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new ConfigException("newsletter.digest-day '" + values.get("newsletter.digest-day") + "' is not a day such as monday");
    }
    return new NewsletterSettings(from, values.get("newsletter.from-name").strip(), replyTo, mailbox,
        integer(values, "newsletter.concurrency", 1, 64), integer(values, "newsletter.rate-per-second", 0, 100_000),
        integer(values, "newsletter.batch-size", 1, 1000), integer(values, "newsletter.max-attempts", 1, 100),
        Duration.ofSeconds(integer(values, "newsletter.retry-seconds", 1, 86_400)),
        Duration.ofSeconds(integer(values, "newsletter.sender-lease-seconds", 5, 3600)),
        Duration.ofHours(integer(values, "newsletter.alert-max-age-hours", 1, 24 * 365)),
        integer(values, "newsletter.digest-hour", 0, 23), day, sender.equals("true"));
  }

  private static String address(String name, String value) {
    return wrap(name, () -> EmailAddresses.normalize(value));
  }

  private static MailSettings mail(Map<String, String> values, Path dataDir) {
    MailSettings.Security security;
    try {
      security = MailSettings.Security.valueOf(values.get("mail.smtp.security").strip().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new ConfigException("mail.smtp.security '" + values.get("mail.smtp.security") + "' must be starttls, tls or none");
    }
    Path pickup = values.get("mail.pickup-dir").isBlank() ? dataDir.resolve("outbox") : Path.of(values.get("mail.pickup-dir").strip());
    String domain = values.get("mail.dkim.domain").strip();
    String selector = values.get("mail.dkim.selector").strip();
    String keyFile = values.get("mail.dkim.key-file").strip();
    if (!domain.isEmpty() && (selector.isEmpty() || keyFile.isEmpty())) {
      throw new ConfigException("mail.dkim.domain is set: mail.dkim.selector and mail.dkim.key-file are needed too");
    }
    if (!domain.isEmpty() && !Files.isReadable(Path.of(keyFile))) {
      throw new ConfigException("mail.dkim.key-file '" + keyFile + "' is not a readable file");
    }
    return new MailSettings(values.get("mail.smtp.host").strip(), integer(values, "mail.smtp.port", 1, 65535), security,
        values.get("mail.smtp.user").strip(), values.get("mail.smtp.password"),
        Duration.ofSeconds(integer(values, "mail.smtp.timeout-seconds", 1, 600)), pickup, domain, selector,
        keyFile.isEmpty() ? null : Path.of(keyFile));
  }

  private static URI baseUrl(String configured, int port) {
    if (configured.isBlank()) {
      return URI.create("http://localhost:" + port);
    }
    try {
      URI uri = new URI(configured.strip());
      Set<String> schemes = Set.of("http", "https");
      if (uri.getScheme() == null || !schemes.contains(uri.getScheme().toLowerCase(Locale.ROOT)) || uri.getHost() == null
          || uri.getQuery() != null || uri.getFragment() != null) {
        throw new ConfigException("site.url '" + configured + "' must be an http(s) address such as https://example.org");
      }
      return uri;
    } catch (URISyntaxException e) {
      throw new ConfigException("site.url '" + configured + "' is not a valid address: " + e.getMessage(), e);
    }
  }

  private static int integer(Map<String, String> values, String name, int min, int max) {
    String value = values.get(name);
    try {
      int parsed = Integer.parseInt(value.strip());
      if (parsed < min || parsed > max) {
        throw new ConfigException(name + " is " + parsed + "; it must be between " + min + " and " + max);
      }
      return parsed;
    } catch (NumberFormatException e) {
      throw new ConfigException(name + " '" + value + "' is not a whole number", e);
    }
  }

  private static boolean bool(Map<String, String> values, String name) {
    String value = values.get(name).strip();
    if (!value.equals("true") && !value.equals("false")) {
      throw new ConfigException(name + " is '" + value + "'; write true or false");
    }
    return value.equals("true");
  }

  private interface Setting<T> {
    T get();
  }

  /** Turns a model's validation failure into a configuration error that names the setting. */
  private static <T> T wrap(String name, Setting<T> setting) {
    try {
      return setting.get();
    } catch (ConfigException e) {
      throw e;
    } catch (ThinkPressException e) {
      throw new ConfigException(e.getMessage().startsWith(name) ? e.getMessage() : name + ": " + e.getMessage(), e);
    }
  }
}
