package org.thinkpress.content;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.thinkpress.content.ContentImportException.Problem;
import org.thinkpress.storage.TestDatabase;

/** The content folder format: the demo folder, the Markdown round trip, and broken folders refused whole. */
class ContentFolderTest {

  @TempDir
  Path temp;

  private TestDatabase db;
  private ContentStore store;

  @BeforeEach
  void openDatabase() {
    db = TestDatabase.sqlite();
    store = new ContentStore(db.database().jdbi(), Clock.systemUTC(), new MarkdownRenderer(), PublicationTypes.DEFAULT,
        new ContentVersion(db.database().jdbi()));
  }

  @AfterEach
  void closeDatabase() {
    db.close();
  }

  static Path demoFolder() throws URISyntaxException {
    return Path.of(ContentFolderTest.class.getResource("/demo/topics.yaml").toURI()).getParent();
  }

  private ContentFolderReader reader() {
    return new ContentFolderReader(PublicationTypes.DEFAULT, store.taxonomy());
  }

  @Test
  void readsTheDemoFolder() throws Exception {
    ContentBundle demo = reader().read(demoFolder(), n -> {});

    assertThat(demo.topics()).hasSize(5);
    assertThat(demo.regions()).hasSize(8);
    assertThat(demo.experts()).hasSize(5);
    assertThat(demo.publications()).hasSize(27);
    assertThat(demo.publications().stream().filter(p -> p.type().equals(PublicationTypes.PAGE)).map(PublicationInput::slug))
        .containsExactlyInAnyOrder("about", "o-nas", "mer-masin", "contact", "privacy");
    assertThat(demo.publications().stream().map(PublicationInput::language).distinct()).containsExactlyInAnyOrder("en", "ru", "hy");
    assertThat(demo.settings()).containsEntry("site.title", "The Meridian Institute");
  }

  @Test
  void exportThenImportLosesNothing() throws Exception {
    store.importBundle(reader().read(demoFolder(), n -> {}), n -> {});
    ContentBundle exported = store.exportBundle();
    Path first = temp.resolve("first");
    ContentFolderWriter.write(exported, first, n -> {});

    ContentBundle readBack = reader().read(first, n -> {});

    assertThat(readBack).isEqualTo(exported);

    try (TestDatabase other = TestDatabase.sqlite()) {
      ContentStore fresh = new ContentStore(other.database().jdbi(), Clock.systemUTC(), new MarkdownRenderer(),
          PublicationTypes.DEFAULT, new ContentVersion(other.database().jdbi()));
      fresh.importBundle(readBack, n -> {});
      Path second = temp.resolve("second");
      ContentFolderWriter.write(fresh.exportBundle(), second, n -> {});
      assertThat(files(second)).isEqualTo(files(first));
    }
  }

  @Test
  void exportRefusesAFolderThatIsNotEmpty() throws IOException {
    Files.writeString(temp.resolve("old.md"), "x");

    assertThatThrownBy(() -> ContentFolderWriter.write(store.exportBundle(), temp, n -> {}))
        .hasMessage("export folder " + temp + " is not empty; give a new or empty folder");
  }

  @Test
  void aBrokenFolderIsRefusedWithEveryProblemByFileAndLine() throws IOException {
    Path folder = temp.resolve("broken");
    write(folder, "topics.yaml", "- slug: energy\n  name: Energy\n");
    write(folder, "regions.yaml", "- slug: caucasus\n  name: Caucasus\n- slug: armenia\n  name: Armenia\n  parent: atlantis\n");
    write(folder, "experts/ana.md", "---\nname: Ana Beridze\nrole: Fellow\n---\nAna writes.\n");
    write(folder, "publications/fine.md", piece("fine", "energy", "published: 2025-01-01T00:00:00Z"));
    write(folder, "publications/bad-topic.md", piece("bad-topic", "enrgy", "published: 2025-01-01T00:00:00Z"));
    write(folder, "publications/bad-date.md", piece("bad-date", "energy", "published: last tuesday"));
    write(folder, "publications/bad-yaml.md", "---\ntitle: One\ntype: [analysis\n---\nBody\n");
    write(folder, "publications/no-front-matter.md", "Just text.\n");
    write(folder, "publications/typo.md", piece("typo", "energy", "publsihed: 2025-01-01T00:00:00Z"));

    ContentImportException refused = catchImport(folder);

    assertThat(refused.problems()).extracting(Problem::toString).containsExactlyInAnyOrder(
        "regions.yaml:3: region 'armenia' has an unknown parent 'atlantis'",
        "publications/bad-date.md:7: published 'last tuesday' is not a date and time such as 2025-06-10T08:00:00Z",
        "publications/bad-topic.md:9: unknown topic 'enrgy'",
        "publications/no-front-matter.md:1: the file must start with a '---' line that opens the front matter",
        "publications/typo.md:7: unknown field 'publsihed'; known fields are experts, featured, image, image_alt,"
            + " image_caption, image_credit, keywords, language,"
            + " published, regions, seo_description, seo_title, slug, standfirst, status, title, topics, translation_group,"
            + " type, updated",
        "publications/typo.md:6: status 'published' needs a publication time in 'published'",
        "publications/bad-yaml.md:3: YAML syntax: while parsing a flow sequence; expected ',' or ']', but got <stream end>");
    assertThat(refused.getMessage()).startsWith("7 problems in " + folder + "; nothing was imported:");
    assertThat(store.exportBundle().publications()).isEmpty();
    assertThat(store.taxonomy().topics()).isEmpty();
  }

  @Test
  void expertsAndPublicationsHaveTheirFrontMatterCheckedAlike() throws IOException {
    Path folder = temp.resolve("front-matter");
    write(folder, "topics.yaml", "- slug: energy\n  name: Energy\n");
    write(folder, "experts/ana.md", "---\nname: Ana\n---\n");
    write(folder, "experts/listed.md", "---\n- name\n- role\n---\nA list, not fields.\n");
    write(folder, "experts/typo.md", "---\nname: Typo\nrol: Fellow\n---\n");
    write(folder, "experts/broken.md", "---\nname: [Broken\n---\n");
    write(folder, "publications/fine.md", piece("fine", "energy", "published: 2025-01-01"));
    write(folder, "publications/sentence.md", "---\njust a sentence\n---\nBody\n");
    write(folder, "publications/typo.md", piece("typo", "energy", "published: 2025-01-01").replace("title:", "titel:"));

    assertThat(catchImport(folder).problems()).extracting(Problem::toString).containsExactlyInAnyOrder(
        "experts/listed.md:2: the front matter must be a mapping of fields",
        "experts/typo.md:3: unknown field 'rol'; known fields are affiliation, expertise, languages, links, media_contact,"
            + " name, names, photo, role, slug",
        "experts/broken.md:2: YAML syntax: while parsing a flow sequence; expected ',' or ']', but got <stream end>",
        "publications/sentence.md:2: the front matter must be a mapping of fields",
        "publications/typo.md:3: unknown field 'titel'; known fields are experts, featured, image, image_alt,"
            + " image_caption, image_credit, keywords, language,"
            + " published, regions, seo_description, seo_title, slug, standfirst, status, title, topics, translation_group,"
            + " type, updated",
        "publications/typo.md:1: title is missing");
  }

  @Test
  void referencesMayPointAtWhatTheDatabaseAlreadyHolds() throws IOException {
    store.saveTopic(Fixtures.topic("energy", "Energy"));
    store.saveExpert(Fixtures.expert("ana", "Ana"));
    Path folder = temp.resolve("addition");
    write(folder, "publications/new.md", piece("new", "energy", "published: 2025-01-01"));

    store.importBundle(reader().read(folder, n -> {}), n -> {});

    assertThat(store.findPublication("new")).hasValueSatisfying(p ->
        assertThat(p.publishedAt()).hasToString("2025-01-01T00:00:00Z"));
  }

  @Test
  void twoPiecesCannotShareASlugOrATranslationSlot() throws IOException {
    Path folder = temp.resolve("clash");
    write(folder, "topics.yaml", "- slug: energy\n  name: Energy\n");
    write(folder, "experts/ana.md", "---\nname: Ana\n---\n");
    write(folder, "publications/a.md", piece("same", "energy", "published: 2025-01-01").replace("type:", "translation_group: g\ntype:"));
    write(folder, "publications/nested/b.md", piece("same", "energy", "published: 2025-01-01").replace("type:", "translation_group: g\ntype:"));

    assertThat(catchImport(folder).problems()).extracting(Problem::toString).containsExactly(
        "publications/nested/b.md:2: slug 'same' is also used by publications/a.md",
        "publications/nested/b.md:5: translation_group 'g' already has a 'en' version in publications/a.md");
  }

  private ContentImportException catchImport(Path folder) {
    try {
      reader().read(folder, n -> {});
    } catch (ContentImportException e) {
      return e;
    }
    throw new AssertionError("the import of " + folder + " was not refused");
  }

  private static String piece(String slug, String topic, String publishedLine) {
    return "---\n"
        + "slug: " + slug + "\n"
        + "title: A piece called " + slug + "\n"
        + "language: en\n"
        + "type: analysis\n"
        + "status: published\n"
        + publishedLine + "\n"
        + "experts: [ana]\n"
        + "topics: [" + topic + "]\n"
        + "---\n"
        + "## Section\n\nText.\n";
  }

  private static void write(Path folder, String name, String text) throws IOException {
    Path file = folder.resolve(name);
    Files.createDirectories(file.getParent());
    Files.writeString(file, text, StandardCharsets.UTF_8);
  }

  private static Map<String, String> files(Path folder) throws IOException {
    Map<String, String> files = new TreeMap<>();
    try (Stream<Path> paths = Files.walk(folder)) {
      List<Path> regular = new ArrayList<>(paths.filter(Files::isRegularFile).toList());
      for (Path file : regular) {
        files.put(folder.relativize(file).toString(), Files.readString(file));
      }
    }
    return files;
  }
}
