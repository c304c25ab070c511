package org.thinkpress.media;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.Map;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;
import org.thinkpress.media.Uploads.Upload;
import org.thinkpress.storage.EachDatabase;
import org.thinkpress.storage.TestDatabase;

/**
 * An old site's Word, Excel, PowerPoint and OpenDocument files and its recordings become uploads,
 * told by their bytes; archives, compound files and ISO media of other kinds are refused; on each
 * database (PostgreSQL holds the office types' long names).
 */
class ImportedDocumentsTest {

  static final long NOW = Instant.parse("2026-03-01T10:00:00Z").toEpochMilli();
  static final String ACCEPTED = "PNG, JPEG, GIF and WebP images, PDF, Word, Excel, PowerPoint and OpenDocument"
      + " documents, and MP3, M4A and MP4 recordings";

  @TempDir
  Path temp;

  Jdbi jdbi;
  Uploads uploads;
  int fetched;

  @BeforeEach
  void open(TestDatabase db) {
    jdbi = db.database().jdbi();
    uploads = new Uploads(jdbi, temp.resolve("uploads"), 1024, Clock.systemUTC());
  }

  /** Imports the bytes as a fetcher would leave them (under a name of its own), as found under {@code originalName}. */
  Upload givenImported(byte[] bytes, String originalName) throws IOException {
    Files.createDirectories(temp.resolve("fetched"));
    Path file = Files.write(temp.resolve("fetched").resolve("file-" + ++fetched), bytes);
    return jdbi.inTransaction(handle -> MediaFolder.importFile(handle, uploads, file, originalName, NOW));
  }

  void thenItIs(Upload upload, String extension, String contentType) {
    assertThat(upload.fileName()).matches("[0-9a-f]{32}\\." + extension);
    assertThat(upload.contentType()).isEqualTo(contentType);
    assertThat(upload.width()).isNull();
    assertThat(upload.image()).isFalse();
    assertThat(uploads.file(upload.fileName()).orElseThrow().contentType()).isEqualTo(contentType);
  }

  @EachDatabase
  void wordExcelAndPowerPointFilesAreStoredUnderTheExtensionTheirPartsShow() throws IOException {
    Upload brief = givenImported(SampleFiles.docx(), "Policy brief.docx");
    Upload budget = givenImported(SampleFiles.officeOpenXml("xl/workbook.xml"), "budget.xlsx");
    Upload slides = givenImported(SampleFiles.officeOpenXml("ppt/presentation.xml"), "slides.pptx");

    thenItIs(brief, "docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document");
    thenItIs(budget, "xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
    thenItIs(slides, "pptx", "application/vnd.openxmlformats-officedocument.presentationml.presentation");
    assertThat(brief).isEqualTo(new Upload(brief.fileName(), "Policy brief.docx", brief.contentType(),
        SampleFiles.docx().length, null, null, Instant.ofEpochMilli(NOW)));
    assertThat(uploads.folder().resolve(brief.fileName())).hasBinaryContent(SampleFiles.docx());
  }

  @EachDatabase
  void openDocumentFilesAreToldByTheirStoredMimetype() throws IOException {
    thenItIs(givenImported(SampleFiles.openDocument(SampleFiles.OPEN_DOCUMENT_TEXT), "paper.odt"), "odt",
        "application/vnd.oasis.opendocument.text");
    thenItIs(givenImported(SampleFiles.openDocument("application/vnd.oasis.opendocument.spreadsheet"), "data.ods"),
        "ods", "application/vnd.oasis.opendocument.spreadsheet");
    thenItIs(givenImported(SampleFiles.openDocument("application/vnd.oasis.opendocument.presentation"), "talk"),
        "odp", "application/vnd.oasis.opendocument.presentation");
  }

  @EachDatabase
  void aDocumentIsStoredAsWhatItsBytesAreWhateverItsNameSays() throws IOException {
    Upload renamed = givenImported(SampleFiles.docx(), "annual-report.pdf");

    thenItIs(renamed, "docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document");
    assertThat(renamed.originalName()).isEqualTo("annual-report.pdf");
  }

  @EachDatabase
  void anOldOfficeFileIsToldByItsNameOnlyOnceItsBytesShowACompoundFile() throws IOException {
    thenItIs(givenImported(SampleFiles.compoundFile(), "Brief 2009.DOC"), "doc", "application/msword");
    thenItIs(givenImported(SampleFiles.compoundFile(), "budget.xls"), "xls", "application/vnd.ms-excel");
    thenItIs(givenImported(SampleFiles.compoundFile(), "slides.ppt"), "ppt", "application/vnd.ms-powerpoint");

    assertThatThrownBy(() -> givenImported(SampleFiles.compoundFile(), "minutes.msg"))
        .isInstanceOf(UploadRefusedException.class)
        .hasMessage("minutes.msg: this file is an old-style Office file (an OLE2 compound file), whose bytes do not"
            + " tell a Word document from a spreadsheet, a presentation or an Outlook message, so it is accepted only"
            + " when its name ends in .doc, .xls or .ppt");
    assertThatThrownBy(() -> givenImported(Arrays.copyOf(SampleFiles.compoundFile(), 100), "brief.doc"))
        .hasMessage("brief.doc: the file starts like an old Word, Excel or PowerPoint document but is damaged or cut"
            + " short");
    assertThatThrownBy(() -> givenImported("<html><body>Hello</body></html>".getBytes(StandardCharsets.UTF_8),
        "brief.doc")).hasMessage("brief.doc: this file is an HTML page (whatever its name says), and only " + ACCEPTED
            + " can be uploaded");
  }

  @EachDatabase
  void recordingsAreToldByTheirFirstBytesAndNotBoundByTheEditorsLimit() throws IOException {
    Upload podcast = givenImported(SampleFiles.mp3WithId3(), "Episode 12.mp3");
    Upload untagged = givenImported(SampleFiles.mp3Frames(3), "episode-13");
    Upload interview = givenImported(SampleFiles.isoMedia("M4A "), "interview.m4a");
    Upload film = givenImported(SampleFiles.isoMedia("isom"), "launch.mp4");

    thenItIs(podcast, "mp3", "audio/mpeg");
    assertThat(podcast.sizeBytes()).as("past the editors' limit of 1024 bytes").isEqualTo(1271);
    thenItIs(untagged, "mp3", "audio/mpeg");
    thenItIs(interview, "m4a", "audio/mp4");
    thenItIs(film, "mp4", "video/mp4");
  }

  @EachDatabase
  void otherArchivesAndIsoMediaAreRefusedSayingWhatTheyAre() throws IOException {
    byte[] archive = SampleFiles.zip(null, Map.of("site/index.html", "<html></html>", "word/notes.txt", "words"));
    byte[] book = SampleFiles.zip("application/epub+zip", Map.of("OEBPS/content.opf", "<package/>"));
    byte[] docx = SampleFiles.docx();
    String notOffice = "this file is a ZIP archive but not a Word, Excel or PowerPoint document (DOCX, XLSX, PPTX) or an"
        + " OpenDocument text, spreadsheet or presentation (ODT, ODS, ODP), and other archives cannot be uploaded";

    assertThatThrownBy(() -> givenImported(archive, "backup.docx")).isInstanceOf(UploadRefusedException.class)
        .hasMessage("backup.docx: " + notOffice);
    assertThatThrownBy(() -> givenImported(book, "book.odt")).hasMessage("book.odt: " + notOffice);
    assertThatThrownBy(() -> givenImported(Arrays.copyOf(docx, docx.length / 2), "cut.docx"))
        .hasMessage("cut.docx: the file starts like a ZIP archive (as Word, Excel, PowerPoint and OpenDocument files do)"
            + " but is damaged or cut short");
    assertThatThrownBy(() -> givenImported(SampleFiles.isoMedia("heic"), "photo.mp4"))
        .hasMessage("photo.mp4: this file is an ISO media file of the brand 'heic' (as HEIC and AVIF photos and"
            + " QuickTime and 3GP films are), and of these only MP4 video and M4A audio can be uploaded");
    assertThatThrownBy(() -> givenImported(SampleFiles.mp3Frames(1), "clip.mp3"))
        .hasMessage("clip.mp3: the file starts like an MP3 recording but is damaged or cut short");
    assertThat(uploads.list(10)).isEmpty();
  }

  @EachDatabase
  void htmlCsvAndTextAreRefusedWhateverTheyAreCalled() {
    byte[] page = "<!DOCTYPE html><html><script>alert(1)</script></html>".getBytes(StandardCharsets.UTF_8);
    byte[] table = "country,exports\nArmenia,12\n".getBytes(StandardCharsets.UTF_8);

    assertThatThrownBy(() -> givenImported(page, "brief.docx"))
        .hasMessage("brief.docx: this file is an HTML page (whatever its name says), and only " + ACCEPTED
            + " can be uploaded");
    assertThatThrownBy(() -> givenImported(table, "exports.csv"))
        .hasMessage("exports.csv: only " + ACCEPTED + " can be uploaded, and this file is none of them (whatever its"
            + " name says)");
    assertThatThrownBy(() -> givenImported("Read me first.".getBytes(StandardCharsets.UTF_8), "notes.txt"))
        .hasMessage("notes.txt: only " + ACCEPTED + " can be uploaded, and this file is none of them (whatever its"
            + " name says)");
    assertThat(uploads.list(10)).isEmpty();
  }
}
