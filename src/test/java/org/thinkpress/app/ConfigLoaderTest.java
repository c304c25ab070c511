package org.thinkpress.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.thinkpress.storage.Dialect;

class ConfigLoaderTest {

  @TempDir
  Path temp;

  @Test
  void zeroConfigurationServesLocallyOnSqliteUnderData() {
    Config config = ConfigLoader.load(null, Map.of(), Map.of());

    assertThat(config.host()).isEqualTo("127.0.0.1");
    assertThat(config.port()).isEqualTo(8080);
    assertThat(config.site().baseUrl()).hasToString("http://localhost:8080");
    assertThat(config.database().url()).isEqualTo("jdbc:sqlite:" + Path.of("./data").resolve("thinkpress.db"));
    assertThat(config.database().dialect()).isEqualTo(Dialect.SQLITE);
    assertThat(config.site().language()).isEqualTo("en");
    assertThat(config.site().pageSize()).isEqualTo(12);
    assertThat(config.site().types().keys()).containsExactly("analysis", "commentary", "report", "policy-brief", "interview");
  }

  @Test
  void fileThenEnvironmentThenCommandLineWin() throws IOException {
    Path file = temp.resolve("thinkpress.properties");
    Files.writeString(file, "server.port = 9000\nsite.timezone = Asia/Yerevan\nsite.url = https://institute.example/\n");

    Config config = ConfigLoader.load(file, Map.of("THINKPRESS_SERVER_PORT", "9100", "THINKPRESS_SITE_PAGE_SIZE", "20",
        "UNRELATED", "x"), Map.of("site.page-size", "30"));

    assertThat(config.port()).isEqualTo(9100);
    assertThat(config.site().pageSize()).isEqualTo(30);
    assertThat(config.site().zone()).isEqualTo(ZoneId.of("Asia/Yerevan"));
    assertThat(config.site().baseUrl()).hasToString("https://institute.example");
    assertThat(config.site().isHttps()).isTrue();
  }

  @Test
  void postgresqlWhenTheUrlSaysSo() {
    Config config = ConfigLoader.load(null, Map.of("THINKPRESS_DATABASE_URL", "jdbc:postgresql://db/thinkpress",
        "THINKPRESS_DATABASE_PASSWORD", "secret"), Map.of());

    assertThat(config.database().dialect()).isEqualTo(Dialect.POSTGRESQL);
    assertThat(config.database().toString()).doesNotContain("secret");
  }

  @Test
  void badValuesStopTheStartWithTheSettingsName() throws IOException {
    assertThatThrownBy(() -> ConfigLoader.load(null, Map.of("THINKPRESS_SERVER_PORT", "eighty"), Map.of()))
        .isInstanceOf(ConfigException.class).hasMessage("server.port 'eighty' is not a whole number");
    assertThatThrownBy(() -> ConfigLoader.load(null, Map.of(), Map.of("server.port", "70000")))
        .hasMessage("server.port is 70000; it must be between 0 and 65535");
    assertThatThrownBy(() -> ConfigLoader.load(null, Map.of(), Map.of("site.timezone", "Mars/Olympus")))
        .hasMessage("site.timezone 'Mars/Olympus' is not a time zone such as UTC or Asia/Yerevan");
    assertThatThrownBy(() -> ConfigLoader.load(null, Map.of(), Map.of("site.url", "ftp://x")))
        .hasMessage("site.url 'ftp://x' must be an http(s) address such as https://example.org");
    assertThatThrownBy(() -> ConfigLoader.load(null, Map.of(), Map.of("content.types", "analysis,Op-Ed")))
        .hasMessage("content.types entry 'Op-Ed' is not a valid slug: use lower-case letters a-z, digits"
            + " and single hyphens, at most 120 characters");
    Path file = temp.resolve("typo.properties");
    Files.writeString(file, "sever.port=80\n");
    assertThatThrownBy(() -> ConfigLoader.load(file, Map.of(), Map.of()))
        .hasMessageStartingWith("Unknown setting 'sever.port' in " + file + "; did you mean 'server.port'? Known settings: ")
        .hasMessageContaining(", server.host, server.port, ");
    assertThatThrownBy(() -> ConfigLoader.load(temp.resolve("missing.properties"), Map.of(), Map.of()))
        .hasMessageStartingWith("Cannot read the configuration file " + temp.resolve("missing.properties"));
  }

  @Test
  void theSitesLanguagesStartWithTheMainOneAndEachMustBeAUsableTag() {
    assertThat(ConfigLoader.load(null, Map.of(), Map.of()).site().languages()).containsExactly("en", "ru", "hy");
    assertThat(ConfigLoader.load(null, Map.of(), Map.of()).site().untranslatedInListings()).isTrue();
    var russianFirst = ConfigLoader.load(null, Map.of(), Map.of("site.language", "ru", "site.languages", "en,ru"));
    assertThat(russianFirst.site().languages()).containsExactly("ru", "en");
    assertThat(ConfigLoader.load(null, Map.of(), Map.of("site.languages", "hy")).site().languages())
        .containsExactly("en", "hy");
    assertThat(ConfigLoader.load(null, Map.of(), Map.of("site.languages", "")).site().languages()).containsExactly("en");
    assertThatThrownBy(() -> ConfigLoader.load(null, Map.of(), Map.of("site.languages", "en,ru,ru")))
        .isInstanceOf(ConfigException.class).hasMessage("site.languages names 'ru' twice");
    assertThatThrownBy(() -> ConfigLoader.load(null, Map.of(), Map.of("site.languages", "en,russian")))
        .hasMessage("site.languages 'russian' is not a BCP 47 language tag such as en, ru, hy or pt-BR");
    assertThatThrownBy(() -> ConfigLoader.load(null, Map.of(), Map.of("site.languages", "en,sr-Latn")))
        .hasMessage("site.languages 'sr-Latn' cannot be a URL prefix: use a language (ru) or a language and a country (pt-BR)");
    assertThatThrownBy(() -> ConfigLoader.load(null, Map.of(), Map.of("site.untranslated-in-listings", "yes")))
        .hasMessage("site.untranslated-in-listings is 'yes'; write true or false");
  }

  @Test
  void aMistypedEnvironmentVariableStopsTheStartNamingTheClosestSetting() {
    assertThatThrownBy(() -> ConfigLoader.load(null, Map.of("THINKPRESS_SERVER_PROT", "9000"), Map.of()))
        .isInstanceOf(ConfigException.class)
        .hasMessageStartingWith("Unknown setting 'THINKPRESS_SERVER_PROT' in the environment;"
            + " did you mean 'THINKPRESS_SERVER_PORT' (server.port)? Known settings: ")
        .hasMessageContaining(", server.host, server.port, ");
    assertThatThrownBy(() -> ConfigLoader.load(null, Map.of("THINKPRESS_NEWSLETTER_FORM", "a@b.example"), Map.of()))
        .hasMessageStartingWith("Unknown setting 'THINKPRESS_NEWSLETTER_FORM' in the environment;"
            + " did you mean 'THINKPRESS_NEWSLETTER_FROM' (newsletter.from)? ");
  }

  @Test
  void anUnknownNameGetsTheSameMessageWhereverItIsGiven() throws IOException {
    Path file = temp.resolve("thinkpress.properties");
    Files.writeString(file, "server.prot = 9000\n");

    String fromFile = messageOf(() -> ConfigLoader.load(file, Map.of(), Map.of()));
    String fromCommandLine = messageOf(() -> ConfigLoader.load(null, Map.of(), Map.of("server.prot", "9000")));
    String fromEnvironment = messageOf(() -> ConfigLoader.load(null, Map.of("THINKPRESS_SERVER_PROT", "9000"), Map.of()));

    String rest = "; did you mean 'server.port'? Known settings: ";
    assertThat(fromFile).startsWith("Unknown setting 'server.prot' in " + file + rest);
    assertThat(fromCommandLine).startsWith("Unknown setting 'server.prot' on the command line" + rest);
    assertThat(fromFile.substring(fromFile.indexOf(rest))).isEqualTo(fromCommandLine.substring(fromCommandLine.indexOf(rest)));
    assertThat(fromEnvironment.substring(fromEnvironment.indexOf("? Known settings: ")))
        .isEqualTo(fromCommandLine.substring(fromCommandLine.indexOf("? Known settings: ")));
  }

  @Test
  void anEnvironmentNameWrittenInAPropertiesFileIsRefusedNamingTheSettingItMeant() throws IOException {
    Path file = temp.resolve("copied-from-env.properties");
    Files.writeString(file, "THINKPRESS_SERVER_PORT=9000\n");

    assertThatThrownBy(() -> ConfigLoader.load(file, Map.of(), Map.of()))
        .hasMessageStartingWith("Unknown setting 'THINKPRESS_SERVER_PORT' in " + file + "; did you mean 'server.port'? ");
  }

  @Test
  void thePropertiesFilesVariableAndTheTestSuitesVariablesAreNotSettings() {
    Config config = ConfigLoader.load(null, Map.of("THINKPRESS_CONFIG", "/etc/thinkpress/thinkpress.properties",
        "THINKPRESS_TEST_POSTGRES_URL", "jdbc:postgresql://127.0.0.1:5432/test", "THINKPRESS_TEST_ANYTHING", "x",
        "THINKPRESS_SERVER_PORT", "9100", "THINKPRESSED", "x"), Map.of());

    assertThat(config.port()).isEqualTo(9100);
    assertThat(ConfigLoader.isReservedEnvironmentName("THINKPRESS_CONFIG")).isTrue();
    assertThat(ConfigLoader.isReservedEnvironmentName("THINKPRESS_TEST_POSTGRES_URL")).isTrue();
    assertThat(ConfigLoader.isReservedEnvironmentName("THINKPRESS_TESTS")).isFalse();
  }

  private static String messageOf(Runnable load) {
    try {
      load.run();
    } catch (ConfigException e) {
      return e.getMessage();
    }
    throw new AssertionError("the configuration was accepted");
  }

  @Test
  void environmentNamesFollowTheSettingNames() {
    assertThat(ConfigLoader.environmentName("server.port")).isEqualTo("THINKPRESS_SERVER_PORT");
    assertThat(ConfigLoader.environmentName("site.html-max-age")).isEqualTo("THINKPRESS_SITE_HTML_MAX_AGE");
  }
}
