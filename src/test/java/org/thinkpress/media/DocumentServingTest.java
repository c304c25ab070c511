package org.thinkpress.media;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Arrays;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.thinkpress.accounts.Account;
import org.thinkpress.accounts.Role;
import org.thinkpress.admin.AdminClient;
import org.thinkpress.app.TestSite;

/**
 * Documents and recordings over HTTP: uploaded through the form, listed as links, served sandboxed
 * with the type their bytes are, documents as downloads under their original name, recordings
 * inline and in ranges for players.
 */
class DocumentServingTest {

  static final String DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

  static TestSite site;
  static AdminClient editor;

  @BeforeAll
  static void start() {
    site = TestSite.start(Map.of("admin.upload-max-mb", "1"), false);
    Account account = site.app().accounts().create("ed@think.example", "Ed", Role.EDITOR, "a long enough password");
    editor = new AdminClient(site.port());
    editor.login(account.email(), "a long enough password");
  }

  @AfterAll
  static void stop() {
    site.close();
  }

  /** Uploads the file through the form and gives its {@code /media/} URL. */
  static String givenUploaded(byte[] content, String fileName, String type) {
    HttpResponse<String> uploaded = UploadForm.post(editor, content, fileName, type, "");
    assertThat(uploaded.statusCode()).as(uploaded.body()).isEqualTo(201);
    return uploaded.body().replaceAll("(?s).*\"url\":\"(/media/[0-9a-f]{32}\\.[a-z0-9]+)\".*", "$1");
  }

  static void thenServedSandboxed(HttpResponse<byte[]> served, String contentType) {
    assertThat(served.headers().firstValue("Content-Type")).hasValue(contentType);
    assertThat(served.headers().firstValue("Content-Security-Policy")).hasValue(UploadHandlers.MEDIA_POLICY);
    assertThat(served.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
    assertThat(served.headers().firstValue("Cache-Control")).hasValue("public, max-age=31536000, immutable");
  }

  @Test
  void aWordDocumentIsServedAsADownloadUnderItsOriginalNameAndListedAsALink() {
    String url = givenUploaded(SampleFiles.docx(), "Policy brief.docx", "application/octet-stream");

    HttpResponse<byte[]> served = site.getBytes(url);
    assertThat(url).endsWith(".docx");
    assertThat(served.statusCode()).isEqualTo(200);
    assertThat(served.body()).isEqualTo(SampleFiles.docx());
    thenServedSandboxed(served, DOCX);
    assertThat(served.headers().firstValue("Content-Disposition"))
        .hasValue("attachment; filename=\"Policy brief.docx\"; filename*=UTF-8''Policy%20brief.docx");
    assertThat(editor.get("/admin/uploads").body()).contains("<li><a href=\"" + url + "\" class=\"upload-document\">DOCX</a>"
        + " <span>Policy brief.docx · 1 KB<br><code>[Policy brief.docx](" + url + ")</code></span></li>");
  }

  @Test
  void aDocumentNamedAsAnotherKindIsStoredAndDownloadedAsWhatItIs() {
    String url = givenUploaded(SampleFiles.openDocument(SampleFiles.OPEN_DOCUMENT_TEXT), "draft.pdf", "application/pdf");

    HttpResponse<byte[]> served = site.getBytes(url);
    assertThat(url).endsWith(".odt");
    thenServedSandboxed(served, "application/vnd.oasis.opendocument.text");
    assertThat(served.headers().firstValue("Content-Disposition"))
        .hasValue("attachment; filename=\"draft.pdf.odt\"; filename*=UTF-8''draft.pdf.odt");
  }

  @Test
  void anOldExcelFileIsDownloadedWithTheTypeItsNameAndBytesShow() {
    String url = givenUploaded(SampleFiles.compoundFile(), "budget 2009.XLS", "application/vnd.ms-excel");

    HttpResponse<byte[]> served = site.getBytes(url);
    assertThat(url).endsWith(".xls");
    thenServedSandboxed(served, "application/vnd.ms-excel");
    assertThat(served.headers().firstValue("Content-Disposition"))
        .hasValue("attachment; filename=\"budget 2009.XLS\"; filename*=UTF-8''budget%202009.XLS");
  }

  @Test
  void recordingsArePlayedInlineAndAnsweredInRanges() {
    byte[] podcast = SampleFiles.mp3WithId3();
    String mp3 = givenUploaded(podcast, "Episode 12.mp3", "audio/mpeg");
    String m4a = givenUploaded(SampleFiles.isoMedia("M4A "), "interview.m4a", "audio/x-m4a");

    HttpResponse<byte[]> whole = site.getBytes(mp3);
    thenServedSandboxed(whole, "audio/mpeg");
    assertThat(whole.body()).isEqualTo(podcast);
    assertThat(whole.headers().firstValue("Accept-Ranges")).hasValue("bytes");
    assertThat(whole.headers().firstValue("Content-Disposition"))
        .hasValue("inline; filename=\"" + mp3.substring("/media/".length()) + "\"");
    thenServedSandboxed(site.getBytes(m4a), "audio/mp4");
    assertThat(site.getBytes(m4a).headers().firstValue("Content-Disposition").orElseThrow()).startsWith("inline;");

    HttpResponse<byte[]> start = site.getBytes(mp3, "Range", "bytes=0-1");
    assertThat(start.statusCode()).isEqualTo(206);
    assertThat(start.headers().firstValue("Content-Range")).hasValue("bytes 0-1/1271");
    assertThat(start.body()).isEqualTo(new byte[] {'I', 'D'});
    HttpResponse<byte[]> rest = site.getBytes(mp3, "Range", "bytes=1200-");
    assertThat(rest.headers().firstValue("Content-Range")).hasValue("bytes 1200-1270/1271");
    assertThat(rest.body()).isEqualTo(Arrays.copyOfRange(podcast, 1200, 1271));
    assertThat(site.getBytes(mp3, "Range", "bytes=-10").body()).isEqualTo(Arrays.copyOfRange(podcast, 1261, 1271));
    HttpResponse<byte[]> past = site.getBytes(mp3, "Range", "bytes=5000-");
    assertThat(past.statusCode()).isEqualTo(416);
    assertThat(past.headers().firstValue("Content-Range")).hasValue("bytes */1271");
    assertThat(site.getBytes(mp3, "Range", "bytes=0-1,5-6").statusCode()).as("several ranges: the whole").isEqualTo(200);
  }

  @Test
  void htmlNamedAsADocumentIsRefusedAndTheEditorsLimitHolds() {
    HttpResponse<String> page = UploadForm.post(editor, "<!DOCTYPE html><html><script>alert(1)</script></html>"
        .getBytes(StandardCharsets.UTF_8), "brief.docx", DOCX, "");
    byte[] large = Arrays.copyOf(SampleFiles.docx(), 1024 * 1024 + 10); // a DOCX's start, and then zeros

    assertThat(page.statusCode()).isEqualTo(400);
    assertThat(page.body()).contains("this file is an HTML page (whatever its name says)");
    HttpResponse<String> tooLarge = UploadForm.post(editor, large, "huge.docx", DOCX, "");
    assertThat(tooLarge.statusCode()).isEqualTo(400);
    assertThat(tooLarge.body()).contains("the file is larger than the limit of 1 MB");
  }

  @Test
  void theFormOffersEveryTypeAndSaysWhatItTakes() {
    String form = editor.get("/admin/uploads").body();

    assertThat(form).contains("<h1>Images and files</h1>");
    assertThat(form).contains("An image (PNG, JPEG, GIF or WebP), a document (PDF, Word, Excel, PowerPoint or"
        + " OpenDocument) or a recording (MP3, M4A or MP4), at most 1 MB");
    assertThat(form).contains("accept=\"image/png,.png,image/jpeg,.jpg,image/gif,.gif,image/webp,.webp,application/pdf,"
        + ".pdf,application/vnd.openxmlformats-officedocument.wordprocessingml.document,.docx,"
        + "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet,.xlsx,"
        + "application/vnd.openxmlformats-officedocument.presentationml.presentation,.pptx,"
        + "application/vnd.oasis.opendocument.text,.odt,application/vnd.oasis.opendocument.spreadsheet,.ods,"
        + "application/vnd.oasis.opendocument.presentation,.odp,application/msword,.doc,application/vnd.ms-excel,.xls,"
        + "application/vnd.ms-powerpoint,.ppt,audio/mpeg,.mp3,audio/mp4,.m4a,video/mp4,.mp4\"");
  }

  @Test
  void everyStoredNameIsServedWithItsTypeAndNoOtherIs() throws IOException {
    Uploads uploads = new Uploads(site.app().database().jdbi(), Files.createTempDirectory(site.folder(), "uploads-"),
        2048, Clock.systemUTC());
    for (FileType type : FileType.values()) {
      String name = "0123456789abcdef0123456789abcdef." + type.extension;
      Files.write(uploads.folder().resolve(name), new byte[] {1});

      assertThat(Uploads.FILE_NAME.matcher(name).matches()).as(name).isTrue();
      assertThat(uploads.file(name).orElseThrow().contentType()).as(name).isEqualTo(type.contentType);
    }
    Path page = Files.write(uploads.folder().resolve("0123456789abcdef0123456789abcdef.html"), new byte[] {1});
    assertThat(uploads.file(page.getFileName().toString())).isEmpty();
    assertThat(uploads.file("0123456789abcdef0123456789abcdef.csv")).isEmpty();
  }
}
