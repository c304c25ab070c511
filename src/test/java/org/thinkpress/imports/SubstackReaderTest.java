package org.thinkpress.imports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.io.IOException;
import java.io.OutputStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.thinkpress.imports.RecordedSource.Skip;

/** Substack's export zip read into the source model: the files under imports/substack/export, zipped here. */
class SubstackReaderTest {

  private static final String HEADER =
      "post_id,post_date,is_published,email_sent_at,inbox_sent_at,type,audience,title,subtitle,podcast_url\r\n";
  private static final String WEEKLY = "148230001.grid-notes-weekly";
  private static final String MEMBERS = "148230002.members-letter-november";
  private static final String DRAFT = "148230003.draft-on-tariffs";
  private static final String ABOUT = "148230004.about";

  @TempDir
  Path temp;

  static Path exportFolder() throws URISyntaxException {
    return Path.of(SubstackReaderTest.class.getResource("/org/thinkpress/imports/substack/export/posts.csv").toURI())
        .getParent();
  }

  /** The fixture's files zipped as Substack zips them, leaving out the entries named. */
  private Path givenTheExportZipped(String... leftOut) throws Exception {
    Path folder = exportFolder();
    Map<String, byte[]> entries = new LinkedHashMap<>();
    try (Stream<Path> files = Files.walk(folder)) {
      for (Path file : files.filter(Files::isRegularFile).sorted().toList()) {
        String name = folder.relativize(file).toString().replace('\\', '/');
        if (!List.of(leftOut).contains(name)) {
          entries.put(name, Files.readAllBytes(file));
        }
      }
    }
    return zip(entries);
  }

  /** A zip holding a posts.csv with the header and the rows given, and the html files given. */
  private Path givenAZipWith(String rows, String... htmlNamesAndBodies) throws IOException {
    Map<String, byte[]> entries = new LinkedHashMap<>();
    entries.put("posts.csv", (HEADER + rows).getBytes(StandardCharsets.UTF_8));
    for (int i = 0; i < htmlNamesAndBodies.length; i += 2) {
      entries.put(htmlNamesAndBodies[i], htmlNamesAndBodies[i + 1].getBytes(StandardCharsets.UTF_8));
    }
    return zip(entries);
  }

  private Path zip(Map<String, byte[]> entries) throws IOException {
    Path zip = temp.resolve("export.zip");
    try (OutputStream out = Files.newOutputStream(zip); ZipOutputStream zipped = new ZipOutputStream(out)) {
      for (Map.Entry<String, byte[]> entry : entries.entrySet()) {
        zipped.putNextEntry(new ZipEntry(entry.getKey()));
        zipped.write(entry.getValue());
        zipped.closeEntry();
      }
    }
    return zip;
  }

  private static void thenReadingFails(Path zip, String message) {
    assertThatThrownBy(() -> new SubstackReader().read(zip, new RecordedSource()))
        .isInstanceOf(ImportException.class).hasMessage(message);
  }

  private static String fixtureBody(String id) throws Exception {
    return Files.readString(exportFolder().resolve("posts/" + id + ".html"), StandardCharsets.UTF_8);
  }

  @Test
  void theSiteSaysOnlyThePlatformAndEachRowIsAnItemOrASkipInTheFilesOrder() throws Exception {
    RecordedSource read = RecordedSource.of(new SubstackReader(), givenTheExportZipped());

    assertThat(read.sites).containsExactly(new SourceSite("substack", "", "", ""));
    assertThat(read.authors).isEmpty();
    assertThat(read.terms).isEmpty();
    assertThat(read.order).containsExactly("site", "item", "item", "item", "item", "skipped", "skipped");
    assertThat(read.items).extracting(SourceItem::id).containsExactly(WEEKLY, MEMBERS, DRAFT, ABOUT);
    // the members' letter has a two-line subtitle, so the draft's row starts on line 5
    assertThat(read.items).extracting(SourceItem::line).containsExactly(2, 3, 5, 6);
  }

  @Test
  void aNewsletterPostCarriesEveryFieldTheExportHas() throws Exception {
    SourceItem weekly = RecordedSource.of(new SubstackReader(), givenTheExportZipped()).item(WEEKLY);

    assertThat(weekly).isEqualTo(new SourceItem(WEEKLY, 2, false, "Grid notes, week 45: the \"third line\"",
        "grid-notes-weekly", SourceStatus.PUBLISHED, Instant.parse("2025-11-06T08:00:00Z"), null,
        "Two lines work; a third is surveyed.", fixtureBody(WEEKLY), List.of(), List.of(), List.of(), "", "", "", "",
        false, "", "", "", List.of("/p/grid-notes-weekly")));
    assertThat(weekly.html()).contains("<div class=\"captioned-image-container\">",
        "<figcaption class=\"image-caption\">The survey team at the first pylon of the planned third line."
            + "</figcaption>",
        "<a class=\"footnote-anchor\" data-component-name=\"FootnoteAnchorToDOM\" id=\"footnote-anchor-1\"",
        "<div class=\"footnote\" data-component-name=\"FootnoteToDOM\">",
        "data-component-name=\"SubscribeWidgetToDOM\"",
        "data-component-name=\"ButtonCreateButton\"", "data-component-name=\"Twitter2ToDOM\"",
        "<iframe src=\"https://www.youtube-nocookie.com/embed/Xq3uK7mWv2E?");
  }

  @Test
  void aPaidPostIsAnItemLikeAnyOther() throws Exception {
    SourceItem members = RecordedSource.of(new SubstackReader(), givenTheExportZipped()).item(MEMBERS);

    assertThat(members.status()).isEqualTo(SourceStatus.PUBLISHED);
    assertThat(members.title()).isEqualTo("Members' letter: November");
    assertThat(members.excerpt()).isEqualToNormalizingNewlines("What we heard in Baku.\nAnd what we did not.");
    assertThat(members.html()).isEqualTo(fixtureBody(MEMBERS));
  }

  @Test
  void anUnpublishedRowIsADraftThatWasNeverPublished() throws Exception {
    SourceItem draft = RecordedSource.of(new SubstackReader(), givenTheExportZipped()).item(DRAFT);

    assertThat(draft.status()).isEqualTo(SourceStatus.DRAFT);
    assertThat(draft.publishedAt()).isNull();
    assertThat(draft.modifiedAt()).isEqualTo(Instant.parse("2025-12-05T10:00:00Z"));
    assertThat(draft.title()).isEqualTo("Port tariffs (draft)");
    assertThat(draft.excerpt()).isEmpty();
    assertThat(draft.oldPaths()).containsExactly("/p/draft-on-tariffs");
  }

  @Test
  void aPageRowIsAPage() throws Exception {
    SourceItem about = RecordedSource.of(new SubstackReader(), givenTheExportZipped()).item(ABOUT);

    assertThat(about.page()).isTrue();
    assertThat(about.slug()).isEqualTo("about");
    assertThat(about.oldPaths()).containsExactly("/p/about");
    assertThat(about.html()).isEqualTo(fixtureBody(ABOUT));
  }

  @Test
  void podcastsAndThreadsAreSkippedWithTheirType() throws Exception {
    RecordedSource read = RecordedSource.of(new SubstackReader(), givenTheExportZipped());

    assertThat(read.skips).containsExactly(
        new Skip("podcast", "148230005.episode-3-pipelines", "a Substack podcast is not imported"),
        new Skip("thread", "148230006.ask-us-anything", "a Substack thread is not imported"));
  }

  @Test
  void aRowWhoseHtmlIsMissingIsSkippedNotImportedEmpty() throws Exception {
    RecordedSource read = RecordedSource.of(new SubstackReader(), givenTheExportZipped("posts/148230004.about.html"));

    assertThat(read.find(ABOUT)).isEmpty();
    assertThat(read.skips).startsWith(new Skip("post", ABOUT, "posts/148230004.about.html is missing from the zip"));
    assertThat(read.items).extracting(SourceItem::id).containsExactly(WEEKLY, MEMBERS, DRAFT);
  }

  @Test
  void blankLinesAndAByteOrderMarkChangeNothing() throws Exception {
    Path zip = zip(Map.of(
        "posts.csv", ("\uFEFF" + HEADER + "\r\n1.first,2024-03-01T10:00:00.000Z,true,,,newsletter,everyone,First,,\r\n"
            + "\r\n\r\n2.second,,false,,,newsletter,everyone,,,\r\n\r\n").getBytes(StandardCharsets.UTF_8),
        "posts/1.first.html", "<p>1</p>".getBytes(StandardCharsets.UTF_8),
        "posts/2.second.html", "<p>2</p>".getBytes(StandardCharsets.UTF_8)));

    RecordedSource read = RecordedSource.of(new SubstackReader(), zip);

    assertThat(read.items).extracting(SourceItem::id, SourceItem::line)
        .containsExactly(tuple("1.first", 3), tuple("2.second", 6));
    assertThat(read.item("2.second").modifiedAt()).isNull();
    assertThat(read.item("2.second").title()).isEmpty();
  }

  @Test
  void entriesAreReadByNameAndNothingIsWrittenToDisk() throws Exception {
    Path zip = givenAZipWith("7.x/../../../outside,2024-03-01T10:00:00.000Z,true,,,newsletter,everyone,Odd,,\r\n",
        "posts/7.x/../../../outside.html", "<p>inside the zip</p>", "../../escaped.html", "<p>never read</p>");

    RecordedSource read = RecordedSource.of(new SubstackReader(), zip);

    assertThat(read.item("7.x/../../../outside").html()).isEqualTo("<p>inside the zip</p>");
    assertThat(listed(temp)).containsExactly(zip);
    assertThat(temp.getParent().resolve("escaped.html")).doesNotExist();
    assertThat(Path.of("escaped.html")).doesNotExist();
  }

  private static List<Path> listed(Path folder) throws IOException {
    try (Stream<Path> files = Files.list(folder)) {
      return files.toList();
    }
  }

  @Test
  void theSameZipReadTwiceTellsTheSameStory() throws Exception {
    Path zip = givenTheExportZipped();

    assertThat(RecordedSource.of(new SubstackReader(), zip).items)
        .isEqualTo(RecordedSource.of(new SubstackReader(), zip).items);
  }

  @Test
  void aFileThatIsNotAZipIsRefused() throws Exception {
    Path notZip = Files.writeString(temp.resolve("export.zip"), HEADER);

    thenReadingFails(notZip, "export.zip: not a zip file");
  }

  @Test
  void aZipWithoutPostsCsvIsRefused() throws Exception {
    thenReadingFails(zip(Map.of("subscribers.csv", "email\n".getBytes(StandardCharsets.UTF_8))),
        "export.zip: no posts.csv in the zip; a Substack export has one at its top");
  }

  @Test
  void aHeaderWithoutARequiredColumnIsRefused() throws Exception {
    byte[] csv = "post_id,post_date,is_published,title\r\n".getBytes(StandardCharsets.UTF_8);

    thenReadingFails(zip(Map.of("posts.csv", csv)),
        "export.zip!posts.csv:1: the header has no column 'type'; Substack's posts.csv has"
            + " post_id, post_date, is_published, type, title");
  }

  @Test
  void aRowWithAFieldMissingIsRefusedAtItsLine() throws Exception {
    thenReadingFails(givenAZipWith("1.a,2024-03-01T10:00:00.000Z,true,,,newsletter,everyone,A,,\r\n"
            + "2.b,2024-03-02T10:00:00.000Z,true,,,newsletter,everyone,B\r\n", "posts/1.a.html", "<p>a</p>"),
        "export.zip!posts.csv:3: has 8 fields; the header has 10");
  }

  @Test
  void aBadDateIsRefusedAtItsLine() throws Exception {
    thenReadingFails(givenAZipWith("1.a,3 March 2024,true,,,newsletter,everyone,A,,\r\n"),
        "export.zip!posts.csv:2: post 1.a: post_date '3 March 2024' is not a time such as 2024-03-01T10:00:00.000Z");
  }

  @Test
  void anIsPublishedThatIsNotTrueOrFalseIsRefused() throws Exception {
    thenReadingFails(givenAZipWith("1.a,2024-03-01T10:00:00.000Z,yes,,,newsletter,everyone,A,,\r\n"),
        "export.zip!posts.csv:2: post 1.a: is_published is 'yes', not true or false");
  }

  @Test
  void aRowWithoutAnIdOrATypeIsRefused() throws Exception {
    thenReadingFails(givenAZipWith(",2024-03-01T10:00:00.000Z,true,,,newsletter,everyone,A,,\r\n"),
        "export.zip!posts.csv:2: a row without a post_id");
    thenReadingFails(givenAZipWith("1.a,2024-03-01T10:00:00.000Z,true,,,,everyone,A,,\r\n"),
        "export.zip!posts.csv:2: post 1.a has no type");
  }

  @Test
  void aQuoteLeftOpenIsRefusedWhereTheRowStarts() throws Exception {
    thenReadingFails(givenAZipWith("1.a,2024-03-01T10:00:00.000Z,true,,,newsletter,everyone,A,,\r\n"
            + "2.b,2024-03-01T10:00:00.000Z,true,,,newsletter,everyone,\"B,,\r\n", "posts/1.a.html", "<p>a</p>"),
        "export.zip!posts.csv:3: not readable as CSV: EOF reached before encapsulated token finished");
  }
}
