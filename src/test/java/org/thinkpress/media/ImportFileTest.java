package org.thinkpress.media;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;
import org.thinkpress.media.Uploads.Upload;
import org.thinkpress.storage.EachDatabase;
import org.thinkpress.storage.TestDatabase;

/** Another site's files become uploads in the import's transaction, checked as uploads are; on each database. */
class ImportFileTest {

  static final long NOW = Instant.parse("2026-03-01T10:00:00Z").toEpochMilli();

  @TempDir
  Path temp;

  Jdbi jdbi;
  Uploads uploads;

  @BeforeEach
  void open(TestDatabase db) {
    jdbi = db.database().jdbi();
    uploads = new Uploads(jdbi, temp.resolve("uploads"), 1024, Clock.systemUTC());
  }

  /** A file as a fetcher leaves it: somewhere outside the uploads, under a name of its own. */
  Path givenAFetchedFile(String name, byte[] bytes) throws IOException {
    Files.createDirectories(temp.resolve("fetched"));
    return Files.write(temp.resolve("fetched").resolve(name), bytes);
  }

  static byte[] png(int width, int height) throws IOException {
    BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ImageIO.write(image, "png", out);
    return out.toByteArray();
  }

  /** A small PDF, written by hand: a header, one empty page, and the end marker readers look for. */
  static byte[] pdf() {
    return ("%PDF-1.4\n1 0 obj <</Type /Catalog /Pages 2 0 R>> endobj\n"
        + "2 0 obj <</Type /Pages /Kids [3 0 R] /Count 1>> endobj\n"
        + "3 0 obj <</Type /Page /Parent 2 0 R /MediaBox [0 0 300 200]>> endobj\n"
        + "trailer <</Root 1 0 R>>\n%%EOF\n").getBytes(StandardCharsets.US_ASCII);
  }

  Upload importFile(Path file, String originalName) {
    return jdbi.inTransaction(handle -> MediaFolder.importFile(handle, uploads, file, originalName, NOW));
  }

  List<Path> uploadedFiles() throws IOException {
    if (!Files.isDirectory(temp.resolve("uploads"))) {
      return List.of();
    }
    try (Stream<Path> files = Files.list(temp.resolve("uploads"))) {
      return files.toList();
    }
  }

  @EachDatabase
  void anImageAndAPdfBecomeUploadsUnderTheirContentHash() throws IOException {
    Path chart = givenAFetchedFile("5f1c.png", png(40, 30));
    Path report = givenAFetchedFile("9a0b.pdf", pdf());

    Upload image = importFile(chart, "Grain exports, 2025.png");
    Upload document = importFile(report, "annual-report.pdf");

    assertThat(image).isEqualTo(new Upload(UploadCheck.check(chart, "").fileName(), "Grain exports, 2025.png",
        "image/png", Files.size(chart), 40, 30, Instant.ofEpochMilli(NOW)));
    assertThat(document.fileName()).matches("[0-9a-f]{32}\\.pdf");
    assertThat(document).isEqualTo(new Upload(document.fileName(), "annual-report.pdf", "application/pdf",
        pdf().length, null, null, Instant.ofEpochMilli(NOW)));
    assertThat(document.url()).isEqualTo("/media/" + document.fileName());
    assertThat(document.image()).isFalse();
    assertThat(uploads.folder().resolve(document.fileName())).hasBinaryContent(pdf());
    assertThat(uploads.list(10)).containsExactly(document, image);
    assertThat(uploads.file(document.fileName()).orElseThrow().contentType()).isEqualTo("application/pdf");
  }

  @EachDatabase
  void theSameFileImportedTwiceIsOneUploadUnderItsFirstName() throws IOException {
    Upload first = importFile(givenAFetchedFile("a.pdf", pdf()), "report.pdf");

    Upload again = importFile(givenAFetchedFile("b.pdf", pdf()), "report-copy.pdf");

    assertThat(again).isEqualTo(first);
    assertThat(uploads.list(10)).containsExactly(first);
    assertThat(uploadedFiles()).containsExactly(uploads.folder().resolve(first.fileName()));
  }

  @EachDatabase
  void aFileOfAnotherTypeIsRefusedNamingItsOriginalNameAndWhatItIs() throws IOException {
    Path svg = givenAFetchedFile("1.svg", "<svg xmlns=\"http://www.w3.org/2000/svg\"><script>alert(1)</script></svg>"
        .getBytes(StandardCharsets.UTF_8));
    Path page = givenAFetchedFile("2.png", "<!DOCTYPE html><html><title>Not found</title></html>"
        .getBytes(StandardCharsets.UTF_8));
    Path text = givenAFetchedFile("3.png", "just words".getBytes(StandardCharsets.UTF_8));

    assertThatThrownBy(() -> importFile(svg, "photo.svg")).isInstanceOf(UploadRefusedException.class)
        .hasMessage("photo.svg: SVG images cannot be uploaded, because they can carry script; convert the image to PNG"
            + " first");
    assertThatThrownBy(() -> importFile(page, "chart.png")).isInstanceOf(UploadRefusedException.class)
        .hasMessage("chart.png: this file is an HTML page (whatever its name says), and only "
            + ImportedDocumentsTest.ACCEPTED + " can be uploaded");
    assertThatThrownBy(() -> importFile(text, "")).isInstanceOf(UploadRefusedException.class)
        .hasMessage("3.png: only " + ImportedDocumentsTest.ACCEPTED + " can be uploaded, and this file is none of them"
            + " (whatever its name says)");
    assertThat(uploads.list(10)).isEmpty();
    assertThat(uploadedFiles()).isEmpty();
  }

  @EachDatabase
  void aDamagedImageAPdfCutShortAndAnEmptyFileAreRefused() throws IOException {
    byte[] whole = pdf();
    Path cut = givenAFetchedFile("cut.pdf", java.util.Arrays.copyOf(whole, whole.length - 8));
    Path damaged = givenAFetchedFile("damaged.png", java.util.Arrays.copyOf(png(4, 4), 12));
    Path empty = givenAFetchedFile("empty.png", new byte[0]);

    assertThatThrownBy(() -> importFile(cut, "report.pdf")).hasMessage("report.pdf: the file starts like a PDF document"
        + " but does not end like one (no %%EOF): it is damaged or cut short");
    assertThatThrownBy(() -> importFile(damaged, "map.png"))
        .hasMessage("map.png: the file starts like a PNG image but is damaged or not an image");
    assertThatThrownBy(() -> importFile(empty, "empty.png")).hasMessage("empty.png: the file is empty");
    assertThat(uploads.list(10)).isEmpty();
  }

  @EachDatabase
  void aFileCopiedInStaysWhenTheImportRollsBackAndTheNextRunReusesIt() throws IOException {
    Path report = givenAFetchedFile("r.pdf", pdf());
    String[] name = new String[1];

    assertThatThrownBy(() -> jdbi.useTransaction(handle -> {
      name[0] = MediaFolder.importFile(handle, uploads, report, "report.pdf", NOW).fileName();
      throw new IllegalStateException("a later item of the import failed");
    })).hasMessage("a later item of the import failed");

    assertThat(uploads.list(10)).isEmpty();
    assertThat(uploadedFiles()).containsExactly(uploads.folder().resolve(name[0]));
    Upload next = importFile(report, "report.pdf");
    assertThat(next.fileName()).isEqualTo(name[0]);
    assertThat(uploads.list(10)).containsExactly(next);
  }
}
