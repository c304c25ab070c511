package org.thinkpress.imports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.thinkpress.content.PublicationTypes;
import org.thinkpress.imports.ImportMap.TermRule;

/** The small rules an import lives by: old addresses' keys, the map file, SEO plugins' variables. */
class ImportRulesTest {

  @TempDir
  Path temp;

  @Test
  void oldAddressesMatchWithoutRegardToCaseEncodingOrATrailingSlash() {
    assertThat(OldUrls.key("/2019/05/Grain-Deal/", null)).isEqualTo("/2019/05/grain-deal");
    assertThat(OldUrls.key("/category/%D0%AD%D0%BD%D0%B5%D1%80%D0%B3%D0%B8%D1%8F/", null)).isEqualTo("/category/энергия");
    assertThat(OldUrls.key("//tag//x//", null)).isEqualTo("/tag/x");
    assertThat(OldUrls.key("/", "p=123&utm_source=x")).isEqualTo("/?p=123");
    assertThat(OldUrls.key("/", "page_id=7")).isEqualTo("/?page_id=7");
    assertThat(OldUrls.key("/", "utm_source=x")).isNull();
    assertThat(OldUrls.key("/", null)).isNull();
    assertThat(OldUrls.key("/bad%zzpath", null)).isNull();
    assertThat(OldUrls.namesOldContent("p=5")).isTrue();
    assertThat(OldUrls.namesOldContent("page=2")).isFalse();
  }

  @Test
  void aMapFileGivesEachTermAndAuthorItsRule() throws IOException {
    ImportMap map = ImportMap.read(write("terms:\n  category/Security: topic\n  category/armenia: region armenia under south-caucasus\n"
        + "  category/reports: type report\n  tag/misc: drop\n  tag/sanctions: keyword\n  category/arms: topic security\n"
        + "authors:\n  jdoe: expert ana-beridze\n  Old@Example.org: expert ana-beridze\n"
        + "defaults:\n  type: analysis\n  language: en\n  expert: ana-beridze\n"));

    assertThat(map.term("category", "security")).contains(TermRule.OWN_TOPIC);
    assertThat(map.term("category", "armenia")).contains(new TermRule(TermRule.Kind.REGION, "armenia", "south-caucasus"));
    assertThat(map.term("category", "reports")).contains(new TermRule(TermRule.Kind.TYPE, "report", null));
    assertThat(map.term("tag", "misc")).contains(TermRule.DROP);
    assertThat(map.term("category", "arms")).contains(new TermRule(TermRule.Kind.TOPIC, "security", null));
    assertThat(map.expertFor(new SourceAuthor("7", "someone", "old@example.org", "X", "", "", "", Map.of())))
        .contains("ana-beridze");
    assertThat(map.defaultType()).contains("analysis");
    assertThat(map.defaultExpert()).contains("ana-beridze");
  }

  @Test
  void aMistakeInTheMapIsNamedWithItsFileAndLine() throws IOException {
    Path file = write("terms:\n  category/security: topic\n  category/x: topc\n");
    assertThatThrownBy(() -> ImportMap.read(file)).isInstanceOf(ImportException.class)
        .hasMessage(file + ":3: term 'category/x': unknown rule 'topc'; the rules are topic, region, type, keyword and drop");
    Path section = write("term:\n  category/security: topic\n");
    assertThatThrownBy(() -> ImportMap.read(section))
        .hasMessage(section + ":1: unknown section 'term'; the sections are terms, authors and defaults");
    Path slug = write("authors:\n  jdoe: expert Ana Beridze\n");
    assertThatThrownBy(() -> ImportMap.read(slug))
        .hasMessage(slug + ":2: author 'jdoe': write 'expert SLUG', not 'expert Ana Beridze'");
    Path yaml = write("terms: [unclosed\n");
    assertThatThrownBy(() -> ImportMap.read(yaml)).hasMessageStartingWith(yaml + ":1: not valid YAML: while parsing a flow sequence");
  }

  @Test
  void seoPluginsVariablesBecomeWhatReadersSaw() {
    ItemConverter converter = new ItemConverter(null, null, Flavour.WORDPRESS, null, null, PublicationTypes.DEFAULT,
        ImportMap.NONE, "en", "Northbridge Institute", Instant.EPOCH);

    assertThat(converter.seoText("%%title%% %%sep%% %%sitename%%", "Grain Deal")).isEqualTo("Grain Deal – Northbridge Institute");
    assertThat(converter.seoText("%title% %sep% %sitename%", "Grain Deal")).isEqualTo("Grain Deal – Northbridge Institute");
    assertThat(converter.seoText("%%title%% %%page%%", "Grain Deal")).isEmpty(); // only the headline: no title of its own
    assertThat(converter.seoText("Growth of 5% and 10%off", "Grain Deal")).isEqualTo("Growth of 5% and 10%off");
    assertThat(converter.seoText("<b>Bold</b> &amp; plain", "Grain Deal")).isEqualTo("Bold & plain");
  }

  private Path write(String text) throws IOException {
    Path file = Files.createTempFile(temp, "map-", ".yaml");
    Files.writeString(file, text);
    return file;
  }
}
