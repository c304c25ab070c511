package org.thinkpress.site;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.thinkpress.accounts.Role;
import org.thinkpress.app.TestSite;
import org.thinkpress.content.FeaturedImage;
import org.thinkpress.content.PublicationInput;
import org.thinkpress.content.Status;
import org.thinkpress.media.Uploads;

/** A publication's featured image on its page, its cards, and in what search engines and social sites read. */
class FeaturedImagePagesTest {

  static TestSite site;
  static Uploads.Upload photo;
  static String hash;

  @BeforeAll
  static void start() throws IOException {
    site = TestSite.start(Map.of(), false);
    long account = site.app().accounts().create("ed@think.example", "Ed", Role.EDITOR, "a long enough password").id();
    photo = site.app().uploads().store(new ByteArrayInputStream(drawing(2400, 1350)), "port.jpg", account);
    hash = photo.fileName().substring(0, 32);
    site.app().contentStore().savePublication(new PublicationInput("ports-of-the-black-sea", "en", null,
        "Ports of the Black Sea", "Trade routes after the war.", "## Routes\n\nText.", "analysis", Status.PUBLISHED,
        Instant.parse("2026-11-01T00:00:00Z"), null, true, List.of(), List.of(), List.of(), List.of(), "", "",
        new FeaturedImage(photo.url(), "Container cranes at dusk", "The port of Poti in October.", "Drawing: ThinkPress")));
  }

  @AfterAll
  static void stop() {
    site.close();
  }

  static byte[] drawing(int width, int height) throws IOException {
    BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = image.createGraphics();
    g.setPaint(new java.awt.GradientPaint(0, 0, new Color(0x1b3a5c), width, height, new Color(0xe0a458)));
    g.fillRect(0, 0, width, height);
    g.dispose();
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ImageIO.write(image, "jpeg", out);
    return out.toByteArray();
  }

  @Test
  void thePageShowsTheImageAsAPictureThatKeepsItsPlaceAndArrivesFirst() {
    String page = site.get("/publications/ports-of-the-black-sea").body();

    assertThat(page).contains("<figure class=\"hero\">\n<picture><source type=\"image/webp\" srcset=\"/media/" + hash
        + "-160.webp 160w, /media/" + hash + "-480.webp 480w, /media/" + hash + "-800.webp 800w, /media/" + hash
        + "-1200.webp 1200w, /media/" + hash + "-1600.webp 1600w\" sizes=\"(max-width: 46rem) calc(100vw - 2rem), 42rem\">");
    assertThat(page).contains("<img src=\"/media/" + hash + "-800.jpg\" srcset=\"/media/" + hash + "-160.jpg 160w,");
    assertThat(page).contains(" width=\"2400\" height=\"1350\" alt=\"Container cranes at dusk\" loading=\"eager\""
        + " fetchpriority=\"high\"></picture>");
    assertThat(page).contains("<figcaption>The port of Poti in October. <span class=\"credit\">Drawing: ThinkPress</span>"
        + "</figcaption>");
  }

  @Test
  void socialCardsAndSearchEnginesGetTheWidestJpegWithItsSize() {
    String page = site.get("/publications/ports-of-the-black-sea").body();
    String jpeg = TestSite.BASE_URL + "/media/" + hash + "-1600.jpg";

    assertThat(page).contains("<meta property=\"og:image\" content=\"" + jpeg + "\">\n"
        + "<meta property=\"og:image:width\" content=\"1600\">\n<meta property=\"og:image:height\" content=\"900\">\n"
        + "<meta property=\"og:image:alt\" content=\"Container cranes at dusk\">");
    assertThat(page).contains("<meta name=\"twitter:card\" content=\"summary_large_image\">\n"
        + "<meta name=\"twitter:image\" content=\"" + jpeg + "\">");
    assertThat(page).contains("\"image\":{\"@type\":\"ImageObject\",\"url\":\"" + jpeg + "\",\"width\":1600,\"height\":900,"
        + "\"caption\":\"The port of Poti in October.\",\"creditText\":\"Drawing: ThinkPress\"}");
  }

  @Test
  void cardsShowAThumbnailThatWaitsUntilItIsScrolledTo() {
    String listing = site.get("/publications").body();

    assertThat(listing).contains("<article class=\"card card-with-image\"");
    assertThat(listing).contains("<picture class=\"card-image\"><source type=\"image/webp\" srcset=\"/media/" + hash
        + "-160.webp 160w,");
    assertThat(listing).contains(" width=\"2400\" height=\"1350\" alt=\"\" loading=\"lazy\" decoding=\"async\"></picture>");
  }

  @Test
  void everyVariantIsServedAsAnImmutableImage() {
    var response = site.getBytes("/media/" + hash + "-480.webp");

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.headers().firstValue("Content-Type")).hasValue("image/webp");
    assertThat(response.headers().firstValue("Cache-Control")).hasValue("public, max-age=31536000, immutable");
  }
}
