package org.thinkpress.publishing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.thinkpress.accounts.Role;
import org.thinkpress.admin.AdminClient;
import org.thinkpress.app.TestSite;
import org.thinkpress.media.Uploads;

/** Choosing a publication's featured image in the editor: from the image uploads, with alternative text. */
class FeaturedImageEditorTest {

  static TestSite site;
  static AdminClient editor;
  static Uploads.Upload photo;
  static Uploads.Upload document;

  @BeforeAll
  static void start() throws IOException {
    site = TestSite.start(Map.of(), false);
    long id = site.app().accounts().create("ed@think.example", "Ed", Role.EDITOR, "a long enough password").id();
    editor = new AdminClient(site.port());
    editor.login("ed@think.example", "a long enough password");
    java.awt.image.BufferedImage image = new java.awt.image.BufferedImage(640, 360, java.awt.image.BufferedImage.TYPE_INT_RGB);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ImageIO.write(image, "png", out);
    photo = site.app().uploads().store(new ByteArrayInputStream(out.toByteArray()), "chart.png", id);
    document = site.app().uploads().store(new ByteArrayInputStream("%PDF-1.4\n1 0 obj\n<<>>\nendobj\n%%EOF\n"
        .getBytes(StandardCharsets.US_ASCII)), "report.pdf", id);
  }

  @AfterAll
  static void stop() {
    site.close();
  }

  static HttpResponse<String> create(String slug, String image, String alt) {
    return editor.post("/admin/publications", "title", "Title of " + slug, "slug", slug, "language", "en",
        "type", "analysis", "standfirst", "", "body", "Text.", "published_at", "", "image", image, "image_alt", alt,
        "image_caption", "Exports by month", "image_credit", "", "action", "save");
  }

  @Test
  void theFormOffersTheImageUploadsAndNotTheDocuments() {
    String form = editor.get("/admin/publications/new").body();

    assertThat(form).contains("<option value=\"\" selected>No featured image</option>");
    assertThat(form).contains("<option value=\"" + photo.url() + "\">chart.png (640 × 360)</option>");
    assertThat(form).doesNotContain(document.url());
  }

  @Test
  void anImageWithoutAlternativeTextIsRefusedNamingTheField() {
    HttpResponse<String> response = create("no-alt", photo.url(), " ");

    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(response.body()).contains("image_alt is missing: describe what the image shows, for readers who cannot"
        + " see it");
    assertThat(site.app().contentReader().publicPublication("no-alt")).isEmpty();
  }

  @Test
  void aDocumentCannotBeAFeaturedImage() {
    HttpResponse<String> response = create("a-document", document.url(), "A report");

    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(response.body()).contains("is not an uploaded image");
  }

  @Test
  void theChosenImageIsSavedAndShownAgain() {
    HttpResponse<String> response = create("with-image", photo.url(), "Grain exports by month, 2025");

    assertThat(response.statusCode()).as(response.body()).isEqualTo(303);
    String edit = editor.get(response.headers().firstValue("Location").orElseThrow()).body();
    assertThat(edit).contains("<option value=\"" + photo.url() + "\" selected>chart.png (640 × 360)</option>");
    assertThat(edit).contains("value=\"Grain exports by month, 2025\"");
    assertThat(edit).contains("value=\"Exports by month\"");
  }
}
