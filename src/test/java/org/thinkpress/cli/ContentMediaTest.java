package org.thinkpress.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.thinkpress.app.ConfigLoader;
import org.thinkpress.app.DemoContent;
import org.thinkpress.app.ThinkPress;
import org.thinkpress.content.PublicationInput;
import org.thinkpress.content.Status;
import org.thinkpress.media.Uploads;

/** The uploads travel with the content: {@code content export} copies them, {@code content import} brings them back. */
class ContentMediaTest {

  @TempDir
  Path temp;

  record Run(int exitCode, String out, String err) {}

  private Map<String, String> environment(String dataDir) {
    return Map.of("THINKPRESS_DATA_DIR", temp.resolve(dataDir).toString());
  }

  private Run run(String dataDir, String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int exitCode = Cli.commandLine(environment(dataDir), new PrintWriter(out, true), new PrintWriter(err, true)).execute(args);
    return new Run(exitCode, out.toString(), err.toString());
  }

  private ThinkPress open(String dataDir) {
    return ThinkPress.open(ConfigLoader.load(null, environment(dataDir), Map.of()));
  }

  /** The demo, an uploaded chart, and a piece whose body shows it. */
  private String givenAPieceWithAnUploadedImage() throws IOException {
    try (ThinkPress app = open("old")) {
      DemoContent.loadOnce(app.contentStore());
      long editor = app.accounts().create("editor@think.example", "Ed", org.thinkpress.accounts.Role.EDITOR,
          "a long enough password").id();
      Uploads.Upload chart = app.uploads().store(new ByteArrayInputStream(png()), "Grain exports, 2025.png", editor);
      app.contentStore().savePublication(new PublicationInput("with-a-chart", "en", null, "With a chart", "",
          "![Grain exports](" + chart.url() + ")\n", "analysis", Status.DRAFT, null, null, false, List.of(), List.of(),
          List.of()));
      return chart.fileName();
    }
  }

  @Test
  void anExportCarriesTheUploadsAndAnImportElsewhereBringsThemBack() throws IOException {
    String chart = givenAPieceWithAnUploadedImage();
    Path export = temp.resolve("export");

    Run exported = run("old", "content", "export", export.toString());
    Run imported = run("new", "content", "import", export.toString());

    assertThat(exported.out()).startsWith("Exported 23 publications, 5 pages, 5 experts, 5 topics, 8 regions and 1 media files to ");
    assertThat(export.resolve("media").resolve(chart)).hasSameBinaryContentAs(temp.resolve("old/uploads").resolve(chart));
    assertThat(Files.readString(export.resolve("media.yaml"))).startsWith("- file: " + chart + "\n  name: \"Grain exports, 2025.png\"\n"
        + "  uploaded: ");
    assertThat(imported.exitCode()).isZero();
    assertThat(imported.out()).startsWith("Imported 23 publications, 5 pages, 5 experts, 5 topics, 8 regions and 1 media files from ");
    assertThat(temp.resolve("new/uploads").resolve(chart)).hasSameBinaryContentAs(export.resolve("media").resolve(chart));
    try (ThinkPress app = open("new")) {
      assertThat(app.uploads().list(10)).extracting(Uploads.Upload::fileName, Uploads.Upload::originalName,
          Uploads.Upload::width, Uploads.Upload::height).containsExactly(
              org.assertj.core.groups.Tuple.tuple(chart, "Grain exports, 2025.png", 30, 20));
    }
    Path again = temp.resolve("again");
    run("new", "content", "export", again.toString());
    assertThat(files(again)).isEqualTo(files(export));
  }

  @Test
  void aMediaFileWhoseBytesDoNotMatchItsNameIsRefusedAndNothingIsImported() throws IOException {
    String chart = givenAPieceWithAnUploadedImage();
    Path export = temp.resolve("export");
    run("old", "content", "export", export.toString());
    Path renamed = export.resolve("media").resolve("00000000000000000000000000000000.png");
    Files.move(export.resolve("media").resolve(chart), renamed);
    Files.writeString(export.resolve("media").resolve("notes.txt"), "<svg onload=alert(1)>");

    Run imported = run("new", "content", "import", export.toString());

    assertThat(imported.exitCode()).isEqualTo(1);
    assertThat(imported.err()).isEqualTo("thinkpress: 3 problems in " + export + "; nothing was imported:\n"
        + "  media/00000000000000000000000000000000.png: its content does not match its name (a file of this content is"
        + " named " + chart + "); uploads are named after the SHA-256 of their bytes\n"
        + "  media/notes.txt: SVG images cannot be uploaded, because they can carry script; convert the image to PNG first\n"
        + "  media.yaml: lists " + chart + ", which is not in media/\n");
    try (ThinkPress app = open("new")) {
      assertThat(app.contentStore().exportBundle().publications()).isEmpty();
      assertThat(app.uploads().list(10)).isEmpty();
    }
    assertThat(temp.resolve("new/uploads")).doesNotExist();
  }

  private static Map<String, String> files(Path folder) throws IOException {
    Map<String, String> files = new TreeMap<>();
    try (Stream<Path> paths = Files.walk(folder)) {
      for (Path path : paths.filter(Files::isRegularFile).toList()) {
        files.put(folder.relativize(path).toString(), java.util.HexFormat.of().formatHex(
            java.security.MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(path))));
      }
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
    return files;
  }

  private static byte[] png() throws IOException {
    BufferedImage image = new BufferedImage(30, 20, BufferedImage.TYPE_INT_RGB);
    image.setRGB(3, 4, 0xff8800);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ImageIO.write(image, "png", out);
    return out.toByteArray();
  }
}
