package org.thinkpress.imports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.thinkpress.imports.MediaFetcher.Fetched;

/** The old site's files found in a copy of its upload folder, by the path of their URL or by a name only one has. */
class MediaFetcherFolderTest {

  @TempDir
  Path temp;

  Path uploads;
  MediaFetcher fetcher;

  @BeforeEach
  void givenACopyOfTheUploads() throws IOException {
    uploads = temp.resolve("uploads");
    file("2024/03/chart.png");
    file("2024/03/карта.png");
    file("images/logo.png");
    file("2019/05/portrait.jpg");
    file("2020/01/dup.png");
    file("2021/01/dup.png");
    Files.writeString(temp.resolve("secret.txt"), "outside the folder");
    fetcher = MediaFetcher.fromFolder(uploads, temp.resolve("cache"));
  }

  @AfterEach
  void close() {
    fetcher.close();
  }

  void file(String path) throws IOException {
    Path file = uploads.resolve(path);
    Files.createDirectories(file.getParent());
    Files.writeString(file, path, StandardCharsets.UTF_8);
  }

  Fetched find(String url) {
    return fetcher.fetchAll(List.of(url), done -> {}).get(url);
  }

  @Test
  void aUrlIsMatchedAfterTheKnownUploadPrefixes() {
    assertThat(find("https://old.example/wp-content/uploads/2024/03/chart.png").file())
        .isEqualTo(uploads.resolve("2024/03/chart.png"));
    assertThat(find("/content/images/2024/03/chart.png").file()).isEqualTo(uploads.resolve("2024/03/chart.png"));
    assertThat(find("https://old.example/blog/wp-content/uploads/2024/03/%D0%BA%D0%B0%D1%80%D1%82%D0%B0.png").file())
        .as("a site in a subfolder, a Cyrillic name percent-encoded").isEqualTo(uploads.resolve("2024/03/карта.png"));
    assertThat(find("https://old.example/wp-content/uploads/2024/03/карта.png").file())
        .as("the same name written raw").isEqualTo(uploads.resolve("2024/03/карта.png"));
  }

  @Test
  void elseByItsFullPathUnderTheFolder() {
    assertThat(find("https://old.example/images/logo.png").file()).isEqualTo(uploads.resolve("images/logo.png"));
    assertThat(find("images/logo.png").file()).isEqualTo(uploads.resolve("images/logo.png"));
  }

  @Test
  void elseByItsNameWhenOnlyOneFileHasIt() {
    assertThat(find("https://i0.wp.com/old.example/files/portrait.jpg?w=600").file())
        .isEqualTo(uploads.resolve("2019/05/portrait.jpg"));
    assertThat(find("https://old.example/wp-content/uploads/2022/01/dup.png").failure())
        .isEqualTo("not in " + uploads + " (2 files there are named dup.png, none at this path)");
  }

  @Test
  void aMissingFileSaysWhereItWasLookedFor() {
    assertThat(find("https://old.example/wp-content/uploads/2024/03/table.png"))
        .isEqualTo(new Fetched("https://old.example/wp-content/uploads/2024/03/table.png", null, "not in " + uploads));
  }

  @Test
  void nothingOutsideTheFolderIsReadWhateverTheUrlSays() {
    assertThat(find("/wp-content/uploads/../../secret.txt").failure()).isEqualTo("not in " + uploads);
    assertThat(find("/wp-content/uploads/%2e%2e/secret.txt").failure()).isEqualTo("not in " + uploads);
    assertThat(find("file:///" + temp.resolve("secret.txt")).failure()).isEqualTo("only http and https URLs are fetched");
  }

  @Test
  void eachUrlIsLookedUpOnceAndAnsweredInTheOrderGiven() {
    AtomicInteger progress = new AtomicInteger();

    Map<String, Fetched> found = fetcher.fetchAll(List.of("/images/logo.png", "/nowhere.png", "/images/logo.png",
        "/images/logo.png#top"), progress::addAndGet);

    assertThat(found.keySet()).containsExactly("/images/logo.png", "/nowhere.png", "/images/logo.png#top");
    assertThat(found.get("/images/logo.png#top").file()).isEqualTo(uploads.resolve("images/logo.png"));
    assertThat(progress.get()).isEqualTo(3);
  }

  @Test
  void aFolderThatIsNotThereIsRefusedAtOnce() {
    assertThatThrownBy(() -> MediaFetcher.fromFolder(temp.resolve("nowhere"), temp.resolve("cache")))
        .isInstanceOf(ImportException.class)
        .hasMessage(temp.resolve("nowhere") + ": not a folder; give the copy of the old site's uploads");
  }
}
