package org.thinkpress.imports;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;
import org.thinkpress.app.Installation;
import org.thinkpress.app.Serving;
import org.thinkpress.content.ExpertInput;
import org.thinkpress.content.Publication;
import org.thinkpress.content.Status;
import org.thinkpress.imports.ImportReport.Outcome;
import org.thinkpress.storage.EachDatabase;
import org.thinkpress.storage.TestDatabase;

/**
 * A Ghost site (the hand-written {@code ghost/ghost-6.json}, its images in a folder copy of
 * {@code content/images}) and a Substack newsletter (the zip built from {@code substack/export/})
 * moved in end to end, on each database.
 */
class GhostAndSubstackImportTest {

  private static final Path FIXTURES = Path.of("src/test/resources/org/thinkpress/imports");
  private static final String GHOST_SITE = "https://aldermoor.example";

  @TempDir
  Path temp;

  private Installation installation;

  @BeforeEach
  void open(TestDatabase database) {
    installation = Installation.open(temp.resolve("data"), database.url());
  }

  @AfterEach
  void close() {
    installation.close();
  }

  @EachDatabase
  void aGhostSiteComesInWithItsAuthorsPublicTagsImagesAndAddresses() throws Exception {
    ImportReport report = givenTheGhostImport();

    assertThat(report.countOf("publication", Outcome.IMPORTED)).isEqualTo(6);
    assertThat(report.countOf("page", Outcome.IMPORTED)).isEqualTo(1);
    Publication about = publication("about");
    assertThat(about.type()).isEqualTo("page");
    assertThat(about.status()).isEqualTo(Status.PUBLISHED);
    assertThat(about.expertIds()).isEmpty();
    assertThat(about.bodyMarkdown()).isEqualTo("The Aldermoor Institute studies energy and security around the Black Sea and the Caspian.");
    assertThat(installation.app().contentStore().taxonomy().topics()).extracting(t -> t.slug())
        .contains("south-caucasus", "energy", "climate").doesNotContain("hash-featured-home");
    Publication grid = publication("grid-interconnection-south-caucasus");
    assertThat(grid.status()).isEqualTo(Status.PUBLISHED);
    assertThat(grid.featured()).isTrue();
    assertThat(installation.app().contentStore().taxonomy().experts(grid.expertIds())).extracting(e -> e.slug())
        .containsExactly("david-sarkisian", "anna-keller");
    assertThat(installation.app().contentStore().taxonomy().expert("anna-keller").orElseThrow().links())
        .containsKey("website");
    assertThat(grid.bodyMarkdown()).doesNotContain("__GHOST_URL__").doesNotContain("kg-card")
        .containsPattern("/media/[0-9a-f]{32}\\.jpg")
        .contains("/publications/winter-gas-storage-outlook");
    // scheduled for 2026-01-15, a time that has passed: a draft, so that nothing old is announced as new
    assertThat(publication("winter-gas-storage-outlook").status()).isEqualTo(Status.DRAFT);
    assertThat(publication("members-briefing-december").status()).isEqualTo(Status.DRAFT);
    assertThat(publication("energeticheskaia-bezopasnost-iuzhnogo-kavkaza").language()).isEqualTo("ru");

    Serving serving = installation.app().serve();
    assertThat(location(serving, "/grid-interconnection-south-caucasus/"))
        .isEqualTo("/publications/grid-interconnection-south-caucasus");
    assertThat(location(serving, "/tag/energy/")).isEqualTo("/topics/energy");
    assertThat(location(serving, "/author/anna-keller/")).isEqualTo("/experts/anna-keller");
    assertThat(location(serving, "/rss/")).isEqualTo("/feed.xml");
    assertThat(status(serving, "/about")).as("the page is where it was").isEqualTo(200);
    assertThat(status(serving, "/about/")).isEqualTo(200);
    HttpResponse<String> expert = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
        URI.create("http://127.0.0.1:" + serving.port() + "/experts/anna-keller")).build(), HttpResponse.BodyHandlers.ofString());
    assertThat(expert.body()).contains("rel=\"me noopener\">Website</a>");
  }

  @EachDatabase
  void aSecondGhostImportChangesNothing() throws Exception {
    ImportReport first = givenTheGhostImport();
    ImportReport second = givenTheGhostImport();

    assertThat(second.countOf("publication", Outcome.UNCHANGED)).isEqualTo(first.countOf("publication", Outcome.IMPORTED));
    assertThat(second.countOf("expert", Outcome.UNCHANGED)).isEqualTo(2);
    assertThat(second.newRedirects()).isZero();
  }

  @EachDatabase
  void aSubstackNewsletterComesInUnderTheExpertTheMapNames() throws Exception {
    installation.app().contentStore().saveExpert(new ExpertInput("mara-voss", "Mara Voss", Map.of(), "Editor", "", "", null));
    Path map = temp.resolve("map.yaml");
    Files.writeString(map, "defaults:\n  expert: mara-voss\n  type: commentary\n");

    ImportReport report = installation.app().importer().run(new ImportRequest(Platform.SUBSTACK, substackZip(), map,
        null, "https://aldermoornotes.substack.com", false, false, 2, Duration.ofSeconds(10)), ImportProgress.NONE);

    assertThat(report.countOf("publication", Outcome.IMPORTED)).isEqualTo(3);
    assertThat(report.countOf("page", Outcome.IMPORTED)).isEqualTo(1);
    assertThat(publication("about").type()).isEqualTo("page");
    Publication notes = publication("grid-notes-weekly");
    assertThat(notes.type()).isEqualTo("commentary");
    assertThat(installation.app().contentStore().taxonomy().experts(notes.expertIds())).extracting(e -> e.slug())
        .containsExactly("mara-voss");
    assertThat(notes.bodyMarkdown()).contains("/publications/members-letter-november")
        .doesNotContain("subscription-widget");
    assertThat(publication("draft-on-tariffs").status()).isEqualTo(Status.DRAFT);
    assertThat(installation.app().contentStore().taxonomy().expert("mara-voss").orElseThrow().role())
        .isEqualTo("Editor"); // the site's expert is linked to, not rewritten
    Serving serving = installation.app().serve();
    assertThat(location(serving, "/p/grid-notes-weekly")).isEqualTo("/publications/grid-notes-weekly");
    assertThat(location(serving, "/p/about")).isEqualTo("/about");
  }

  // --- given / then ------------------------------------------------------------------------------

  private ImportReport givenTheGhostImport() throws IOException {
    Path images = temp.resolve("content-images");
    if (!Files.exists(images)) {
      for (String file : List.of("2025/11/substation.jpg", "2025/11/line-north.jpg", "2025/11/line-south.jpg",
          "2025/10/pipeline.jpg")) {
        Path target = images.resolve(file);
        Files.createDirectories(target.getParent());
        BufferedImage image = new BufferedImage(3 + file.length() % 5, 2, BufferedImage.TYPE_INT_RGB);
        image.setRGB(0, 0, file.hashCode());
        ImageIO.write(image, "jpg", target.toFile());
      }
    }
    return installation.app().importer().run(new ImportRequest(Platform.GHOST, FIXTURES.resolve("ghost/ghost-6.json"),
        null, images.toString(), GHOST_SITE, false, false, 2, Duration.ofSeconds(10)), ImportProgress.NONE);
  }

  private Path substackZip() throws IOException {
    Path zip = temp.resolve("substack-export.zip");
    Path export = FIXTURES.resolve("substack/export");
    try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(zip)); Stream<Path> files = Files.walk(export)) {
      for (Path file : files.filter(Files::isRegularFile).sorted().toList()) {
        out.putNextEntry(new ZipEntry(export.relativize(file).toString().replace('\\', '/')));
        Files.copy(file, (OutputStream) out);
        out.closeEntry();
      }
    }
    return zip;
  }

  private Publication publication(String slug) {
    return installation.app().contentStore().findPublication(slug)
        .orElseThrow(() -> new AssertionError("no publication '" + slug + "'"));
  }

  private static int status(Serving serving, String path) throws Exception {
    HttpClient client = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
    return client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + serving.port() + path)).build(),
        HttpResponse.BodyHandlers.discarding()).statusCode();
  }

  private static String location(Serving serving, String path) throws Exception {
    HttpClient client = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
    HttpResponse<String> response = client.send(
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + serving.port() + path)).build(),
        HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).as("status of " + path).isEqualTo(301);
    return response.headers().firstValue("Location").orElseThrow();
  }
}
