package org.thinkpress.media;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Clock;
import java.util.Arrays;
import java.util.Map;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.thinkpress.accounts.Account;
import org.thinkpress.accounts.Role;
import org.thinkpress.admin.AdminClient;
import org.thinkpress.app.TestSite;

/** Uploaded images: the bytes decide the type, limits hold, and nothing served from uploads can run script. */
class UploadValidationTest {

  static TestSite site;
  static Uploads uploads;
  static AdminClient editor;

  @BeforeAll
  static void start() throws IOException {
    site = TestSite.start(Map.of("admin.upload-max-mb", "1"), false);
    Account account = site.app().accounts().create("ed@think.example", "Ed", Role.EDITOR, "a long enough password");
    uploads = new Uploads(site.app().database().jdbi(), Files.createTempDirectory(site.folder(), "uploads-"), 2048,
        Clock.systemUTC());
    editor = new AdminClient(site.port());
    editor.login(account.email(), "a long enough password");
  }

  @AfterAll
  static void stop() {
    site.close();
  }

  static byte[] image(String format, int width, int height) throws IOException {
    BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
    image.setRGB(1, 1, 0x336699);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ImageIO.write(image, format, out);
    return out.toByteArray();
  }

  static Uploads.Upload store(byte[] bytes, String name) {
    return uploads.store(new ByteArrayInputStream(bytes), name, 1);
  }

  @Test
  void aPngAndAJpegAreStoredUnderTheirContentHashWithTheirSize() throws IOException {
    Uploads.Upload png = store(image("png", 20, 10), "chart.png");
    Uploads.Upload jpeg = store(image("jpeg", 8, 6), "../../photo.JPG");

    assertThat(png.fileName()).matches("[0-9a-f]{32}\\.png");
    assertThat(png.contentType()).isEqualTo("image/png");
    assertThat(png.width()).isEqualTo(20);
    assertThat(png.height()).isEqualTo(10);
    assertThat(jpeg.fileName()).endsWith(".jpg");
    assertThat(jpeg.originalName()).isEqualTo("photo.JPG");
    assertThat(store(image("png", 20, 10), "again.png").fileName()).as("same bytes, same file").isEqualTo(png.fileName());
  }

  @Test
  void anSvgIsRefusedWhateverItIsCalled() {
    byte[] svg = "<?xml version=\"1.0\"?><svg xmlns=\"http://www.w3.org/2000/svg\"><script>alert(1)</script></svg>"
        .getBytes(StandardCharsets.UTF_8);

    assertThatThrownBy(() -> store(svg, "logo.png"))
        .isInstanceOf(UploadRefusedException.class)
        .hasMessage("SVG images cannot be uploaded, because they can carry script; convert the image to PNG first");
  }

  @Test
  void htmlAndOtherFilesAreRefusedEvenWithAnImageName() {
    byte[] html = "<!DOCTYPE html><html><body><script>alert(document.cookie)</script></body></html>"
        .getBytes(StandardCharsets.UTF_8);

    assertThatThrownBy(() -> store(html, "innocent.jpg"))
        .isInstanceOf(UploadRefusedException.class)
        .hasMessage("this file is an HTML page (whatever its name says), and only " + ImportedDocumentsTest.ACCEPTED
            + " can be uploaded");
    assertThatThrownBy(() -> store("plain words".getBytes(StandardCharsets.UTF_8), "words.png"))
        .isInstanceOf(UploadRefusedException.class)
        .hasMessage("only " + ImportedDocumentsTest.ACCEPTED + " can be uploaded, and this file is none of them"
            + " (whatever its name says)");
    assertThatThrownBy(() -> store(new byte[] {'%', 'P', 'D', 'F', '-', '1'}, "paper.png"))
        .isInstanceOf(UploadRefusedException.class)
        .hasMessage("the file starts like a PDF document but does not end like one (no %%EOF): it is damaged or cut"
            + " short");
  }

  @Test
  void aFileThatOnlyStartsLikeAnImageIsRefused() throws IOException {
    byte[] png = image("png", 4, 4);
    byte[] damaged = Arrays.copyOf(png, 12); // the signature, then nothing

    assertThatThrownBy(() -> store(damaged, "broken.png"))
        .isInstanceOf(UploadRefusedException.class)
        .hasMessage("the file starts like a PNG image but is damaged or not an image");
  }

  @Test
  void tooLargeAndEmptyFilesAreRefused() {
    byte[] big = new byte[2049];
    big[0] = (byte) 0x89;

    assertThatThrownBy(() -> store(big, "big.png")).hasMessage("the file is larger than the limit of 1 MB");
    assertThatThrownBy(() -> store(new byte[0], "empty.png")).hasMessage("the file is empty");
  }

  @Test
  void uploadedImagesAreServedForAYearSandboxedAndNeverAsADocument() throws IOException {
    HttpResponse<String> uploaded = multipart(image("png", 30, 20), "map.png", "image/png");
    assertThat(uploaded.statusCode()).as(uploaded.body()).isEqualTo(201);
    String url = uploaded.body().replaceAll("(?s).*\"url\":\"(/media/[0-9a-f]{32}\\.png)\".*", "$1");

    HttpResponse<byte[]> served = site.getBytes(url);
    assertThat(served.statusCode()).isEqualTo(200);
    assertThat(served.headers().firstValue("Content-Type")).hasValue("image/png");
    assertThat(served.headers().firstValue("Cache-Control")).hasValue("public, max-age=31536000, immutable");
    assertThat(served.headers().firstValue("Content-Security-Policy")).hasValue(UploadHandlers.MEDIA_POLICY);
    assertThat(served.headers().firstValue("Content-Security-Policy").orElseThrow()).contains("sandbox");
    assertThat(served.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
    assertThat(ImageIO.read(new ByteArrayInputStream(served.body())).getWidth()).isEqualTo(30);
    assertThat(site.getBytes(url, "If-None-Match", served.headers().firstValue("ETag").orElseThrow()).statusCode())
        .isEqualTo(304);
  }

  @Test
  void theFormRefusesAnSvgWithAClearMessage() {
    HttpResponse<String> refused = multipart("<svg xmlns=\"http://www.w3.org/2000/svg\"/>".getBytes(StandardCharsets.UTF_8),
        "x.svg", "image/svg+xml");

    assertThat(refused.statusCode()).isEqualTo(400);
    assertThat(refused.body()).contains("SVG images cannot be uploaded, because they can carry script");
  }

  @Test
  void theUploadLimitComesFromTheConfiguration() throws IOException {
    byte[] tooBig = new byte[1024 * 1024 + 10];
    System.arraycopy(image("png", 2, 2), 0, tooBig, 0, 8);

    HttpResponse<String> refused = multipart(tooBig, "huge.png", "image/png");
    assertThat(refused.statusCode()).isEqualTo(400);
    assertThat(refused.body()).contains("the file is larger than the limit of 1 MB");
  }

  /** A small PDF, written by hand: a header, one empty page, and the end marker readers look for; {@code n} tells them apart. */
  static byte[] pdf(int n) {
    return ("%PDF-1.4\n%" + n + "\n1 0 obj <</Type /Catalog /Pages 2 0 R>> endobj\n"
        + "2 0 obj <</Type /Pages /Kids [3 0 R] /Count 1>> endobj\n"
        + "3 0 obj <</Type /Page /Parent 2 0 R /MediaBox [0 0 300 200]>> endobj\n"
        + "trailer <</Root 1 0 R>>\n%%EOF\n").getBytes(StandardCharsets.US_ASCII);
  }

  @Test
  void aPdfIsStoredByItsBytesWhateverItIsCalledAndLinkedRatherThanShown() {
    Uploads.Upload report = store(pdf(1), "Годовой отчёт 2025");

    assertThat(report.fileName()).matches("[0-9a-f]{32}\\.pdf");
    assertThat(report.contentType()).isEqualTo("application/pdf");
    assertThat(report.width()).isNull();
    assertThat(UploadHandlers.markdown(report, "")).isEqualTo("[Годовой отчёт 2025](" + report.url() + ")");
    assertThat(UploadHandlers.markdown(report, "The annual report")).isEqualTo("[The annual report](" + report.url() + ")");
  }

  @Test
  void anUploadedPdfIsServedSandboxedAsAnAttachmentUnderItsOriginalName() {
    HttpResponse<String> uploaded = multipart(pdf(2), "Ереван [2025].pdf", "application/pdf");
    assertThat(uploaded.statusCode()).as(uploaded.body()).isEqualTo(201);
    String url = uploaded.body().replaceAll("(?s).*\"url\":\"(/media/[0-9a-f]{32}\\.pdf)\".*", "$1");
    assertThat(uploaded.body()).contains("\"markdown\":\"[A map](" + url + ")\"");

    HttpResponse<byte[]> served = site.getBytes(url);
    assertThat(served.statusCode()).isEqualTo(200);
    assertThat(served.body()).isEqualTo(pdf(2));
    assertThat(served.headers().firstValue("Content-Type")).hasValue("application/pdf");
    assertThat(served.headers().firstValue("Content-Security-Policy")).hasValue(UploadHandlers.MEDIA_POLICY);
    assertThat(served.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
    assertThat(served.headers().firstValue("Content-Disposition")).hasValue("attachment; filename=\"______ [2025].pdf\";"
        + " filename*=UTF-8''%D0%95%D1%80%D0%B5%D0%B2%D0%B0%D0%BD%20%5B2025%5D.pdf");
    assertThat(editor.get("/admin/uploads").body()).contains("<li><a href=\"" + url + "\" class=\"upload-document\">PDF</a>"
        + " <span>Ереван [2025].pdf · 1 KB<br><code>[Ереван  2025 .pdf](" + url + ")</code></span></li>");
  }

  @Test
  void aDownloadIsNamedAfterTheUploadWithItsExtensionOrElseAfterTheStoredFile() {
    assertThat(UploadHandlers.attachment("annual report", "0123.pdf"))
        .isEqualTo("attachment; filename=\"annual report.pdf\"; filename*=UTF-8''annual%20report.pdf");
    assertThat(UploadHandlers.attachment("say \"100%\".PDF", "0123.pdf"))
        .isEqualTo("attachment; filename=\"say _100__.PDF\"; filename*=UTF-8''say%20%22100%25%22.PDF");
    assertThat(UploadHandlers.attachment("", "0123.pdf")).isEqualTo("attachment; filename=\"0123.pdf\"; filename*=UTF-8''0123.pdf");
  }

  @Test
  void onlyOurOwnFileNamesAreServed() {
    assertThat(site.get("/media/..%2F..%2Fthinkpress.db").statusCode()).isEqualTo(404);
    assertThat(site.get("/media/0123456789abcdef0123456789abcdef.html").statusCode()).isEqualTo(404);
  }

  /** POSTs the file as the editor's script does (multipart, asking for JSON), described as "A map". */
  static HttpResponse<String> multipart(byte[] content, String fileName, String type) {
    return UploadForm.post(editor, content, fileName, type, "A map");
  }
}
