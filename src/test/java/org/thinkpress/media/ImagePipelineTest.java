package org.thinkpress.media;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.thinkpress.accounts.Role;
import org.thinkpress.app.TestSite;
import org.thinkpress.kit.Views;

/** The image pipeline: variants at upload, metadata out, photos upright, bombs and non-images refused. */
class ImagePipelineTest {

  static TestSite site;
  static Jdbi jdbi;
  static long account;

  @BeforeAll
  static void start() {
    site = TestSite.start(Map.of(), false);
    jdbi = site.app().database().jdbi();
    account = site.app().accounts().create("ed@think.example", "Ed", Role.EDITOR, "a long enough password").id();
  }

  @AfterAll
  static void stop() {
    site.close();
  }

  static Uploads uploads() throws IOException {
    return new Uploads(jdbi, Files.createTempDirectory(site.folder(), "uploads-"), 20 * 1024 * 1024, Clock.systemUTC());
  }

  static Uploads.Upload store(Uploads uploads, byte[] bytes, String name) {
    return uploads.store(new ByteArrayInputStream(bytes), name, account);
  }

  @Test
  void aWidePhotoGetsFiveWidthsInWebPAndJpegWithTheirSizes() throws IOException {
    Uploads uploads = uploads();
    Uploads.Upload photo = store(uploads, TestImages.halves("jpeg", 2000, 1000), "harbour.jpg");

    Views.Image image = new Images(jdbi).image(photo.url(), "The harbour", "", "").orElseThrow();

    String hash = photo.fileName().substring(0, 32);
    assertThat(image.webpSrcset()).isEqualTo(srcset(hash, "webp", 160, 480, 800, 1200, 1600));
    assertThat(image.srcset()).isEqualTo(srcset(hash, "jpg", 160, 480, 800, 1200, 1600));
    assertThat(image.src()).isEqualTo("/media/" + hash + "-800.jpg");
    assertThat(image.largest()).isEqualTo("/media/" + hash + "-1600.jpg");
    assertThat(image.width()).isEqualTo(2000);
    assertThat(image.height()).isEqualTo(1000);
    for (int width : new int[] {160, 480, 800, 1200, 1600}) {
      byte[] webp = Files.readAllBytes(uploads.folder().resolve(hash + "-" + width + ".webp"));
      assertThat(new String(webp, 0, 4, StandardCharsets.US_ASCII)).isEqualTo("RIFF");
      assertThat(new String(webp, 8, 4, StandardCharsets.US_ASCII)).isEqualTo("WEBP");
      BufferedImage decoded = TestImages.decode(webp);
      assertThat(decoded.getWidth()).isEqualTo(width);
      assertThat(decoded.getHeight()).isEqualTo(width / 2);
      BufferedImage jpeg = TestImages.decode(Files.readAllBytes(uploads.folder().resolve(hash + "-" + width + ".jpg")));
      assertThat(jpeg.getWidth()).isEqualTo(width);
      assertThat(jpeg.getHeight()).isEqualTo(width / 2);
    }
  }

  @Test
  void aSmallImageIsNeverUpscaledAndATransparentOneFallsBackToPng() throws IOException {
    Uploads uploads = uploads();
    Uploads.Upload small = store(uploads, TestImages.halves("jpeg", 300, 200), "small.jpg");
    Uploads.Upload logo = store(uploads, TestImages.transparentPng(1000, 500), "logo.png");
    Images images = new Images(jdbi);

    Views.Image smallImage = images.image(small.url(), "Small", "", "").orElseThrow();
    Views.Image logoImage = images.image(logo.url(), "Logo", "", "").orElseThrow();

    String smallHash = small.fileName().substring(0, 32);
    assertThat(smallImage.srcset()).isEqualTo(srcset(smallHash, "jpg", 160, 300));
    assertThat(smallImage.webpSrcset()).isEqualTo(srcset(smallHash, "webp", 160, 300));
    String logoHash = logo.fileName().substring(0, 32);
    assertThat(logoImage.srcset()).isEqualTo(srcset(logoHash, "png", 160, 480, 800, 1000));
    assertThat(logoImage.type()).isEqualTo("image/png");
    assertThat(TestImages.decode(Files.readAllBytes(uploads.folder().resolve(logoHash + "-480.png"))).getColorModel()
        .hasAlpha()).isTrue();
  }

  @Test
  void noServedFileKeepsTheExifOrGpsPositionOfAPhoto() throws IOException {
    Uploads uploads = uploads();
    byte[] photo = TestImages.withExif(TestImages.halves("jpeg", 1000, 600), 1);
    assertThat(new String(photo, StandardCharsets.ISO_8859_1)).contains(TestImages.GPS_MARK, "Exif");
    byte[] png = TestImages.pngWithText(TestImages.halves("png", 600, 300), TestImages.GPS_MARK);

    Uploads.Upload stored = store(uploads, photo, "phone.jpg");
    store(uploads, png, "map.png");

    List<Path> files;
    try (Stream<Path> list = Files.list(uploads.folder())) {
      files = list.sorted().toList();
    }
    assertThat(files).as("two originals, four widths of the photo and three of the map, two formats each")
        .hasSize(2 + 2 * 4 + 2 * 3);
    for (Path file : files) {
      String text = new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1);
      assertThat(text).as(file.getFileName().toString()).doesNotContain("Exif", TestImages.GPS_MARK, TestImages.CAMERA_MARK);
    }
    assertThat(stored.width()).isEqualTo(1000);
    assertThat(store(uploads, photo, "again.jpg").fileName()).as("the same photo is one upload").isEqualTo(stored.fileName());
    String url = site.app().uploads().store(new ByteArrayInputStream(photo), "phone.jpg", account).url();
    assertThat(new String(site.getBytes(url).body(), StandardCharsets.ISO_8859_1)).doesNotContain("Exif", TestImages.GPS_MARK);
  }

  @Test
  void aWebPKeepsItsPicturesButNotItsExif() throws IOException {
    Uploads uploads = uploads();
    byte[] webp = TestImages.withWebPExif(TestImages.encode(TestImages.decode(TestImages.halves("png", 300, 200)), "webp"));
    assertThat(new String(webp, StandardCharsets.ISO_8859_1)).contains(TestImages.GPS_MARK);

    Uploads.Upload stored = store(uploads, webp, "map.webp");

    byte[] served = Files.readAllBytes(uploads.folder().resolve(stored.fileName()));
    assertThat(new String(served, StandardCharsets.ISO_8859_1)).doesNotContain(TestImages.GPS_MARK, "EXIF");
    assertThat(TestImages.decode(served).getWidth()).isEqualTo(300);
    assertThat(stored.width()).isEqualTo(300);
    assertThat(stored.height()).isEqualTo(200);
  }

  @Test
  void aPhotoTakenWithThePhoneUprightIsTurnedAQuarterClockwise() throws IOException {
    Uploads uploads = uploads();
    byte[] sideways = TestImages.withExif(TestImages.halves("jpeg", 400, 200), 6);

    Uploads.Upload upload = store(uploads, sideways, "upright.jpg");

    assertThat(upload.width()).isEqualTo(200);
    assertThat(upload.height()).isEqualTo(400);
    BufferedImage original = TestImages.decode(Files.readAllBytes(uploads.folder().resolve(upload.fileName())));
    assertThat(original.getWidth()).isEqualTo(200);
    assertRed(original.getRGB(100, 50));
    assertBlue(original.getRGB(100, 350));
    String hash = upload.fileName().substring(0, 32);
    BufferedImage variant = TestImages.decode(Files.readAllBytes(uploads.folder().resolve(hash + "-200.webp")));
    assertThat(variant.getHeight()).isEqualTo(400);
    assertRed(variant.getRGB(100, 50));
    assertBlue(variant.getRGB(100, 350));
  }

  @Test
  void anImageDeclaringTenGigapixelsIsRefusedBeforeItIsDecoded() throws IOException {
    Uploads uploads = uploads();
    byte[] bomb = TestImages.pngDeclaring(100_000, 100_000);

    assertThatThrownBy(() -> store(uploads, bomb, "bomb.png"))
        .isInstanceOf(UploadRefusedException.class)
        .hasMessage("the image is 100000 × 100000 pixels, more than the 50 megapixels an image may have");
    try (Stream<Path> left = Files.list(uploads.folder())) {
      assertThat(left).isEmpty();
    }
  }

  @Test
  void aFileThatIsNotAnImageGetsNoVariantsAndIsNoImage() throws IOException {
    Uploads uploads = uploads();
    Uploads.Upload document = store(uploads, SampleFiles.docx(), "report.docx");

    assertThat(new Images(jdbi).image(document.url(), "A report", "", "")).isEmpty();
    assertThat(new Images(jdbi).image("/media/0123456789abcdef0123456789abcdef.png", "Missing", "", "")).isEmpty();
    assertThatThrownBy(() -> store(uploads, "GIF89a this is no image".getBytes(StandardCharsets.US_ASCII), "x.gif"))
        .isInstanceOf(UploadRefusedException.class)
        .hasMessage("the file starts like a GIF image but is damaged or not an image");
  }

  /** A srcset of the variants of {@code hash} at {@code widths}. */
  static String srcset(String hash, String extension, int... widths) {
    return java.util.Arrays.stream(widths).mapToObj(w -> "/media/" + hash + "-" + w + "." + extension + " " + w + "w")
        .collect(java.util.stream.Collectors.joining(", "));
  }

  @Test
  void anImageUploadedBeforeVariantsGetsThemLater() throws IOException {
    Uploads uploads = uploads();
    Uploads.Upload old = store(uploads, TestImages.halves("jpeg", 500, 250), "old.jpg");
    jdbi.useHandle(h -> h.execute("DELETE FROM upload_variants WHERE upload_name = ?", old.fileName()));
    assertThat(new Images(jdbi).image(old.url(), "Old", "", "").orElseThrow().srcset()).isEmpty();

    int made = uploads.addMissingVariants();

    assertThat(made).isEqualTo(1);
    String hash = old.fileName().substring(0, 32);
    assertThat(new Images(jdbi).image(old.url(), "Old", "", "").orElseThrow().srcset())
        .isEqualTo(srcset(hash, "jpg", 160, 480, 500));
    assertThat(uploads.addMissingVariants()).isZero();
  }

  private static void assertRed(int rgb) {
    assertThat((rgb >> 16) & 0xff).as("red").isGreaterThan(200);
    assertThat(rgb & 0xff).as("blue").isLessThan(60);
  }

  private static void assertBlue(int rgb) {
    assertThat(rgb & 0xff).as("blue").isGreaterThan(200);
    assertThat((rgb >> 16) & 0xff).as("red").isLessThan(60);
  }
}
