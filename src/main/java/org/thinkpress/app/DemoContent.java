package org.thinkpress.app;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Path;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.thinkpress.content.ContentBundle;
import org.thinkpress.content.ContentFolderReader;
import org.thinkpress.content.ContentStore;

/**
 * The demo institute (The Meridian Institute: 22 pieces in English, Russian and Armenian, and the
 * pages About, in the three languages, Contact and Privacy), a
 * content folder shipped inside the jar under {@code demo/}. Loading it twice does not duplicate
 * it: once loaded, a setting records it, and later runs leave the content (and any edits) alone.
 */
public final class DemoContent {

  static final String LOADED_SETTING = "demo.loaded";
  private static final Logger log = LoggerFactory.getLogger(DemoContent.class);

  private DemoContent() {}

  /** Loads the demo content unless it was loaded before; returns whether it loaded it now. */
  public static boolean loadOnce(ContentStore store) {
    if (store.settings().containsKey(LOADED_SETTING)) {
      log.info("Demo content is already loaded");
      return false;
    }
    withDemoFolder(folder -> {
      ContentBundle bundle = new ContentFolderReader(store.types(), store.taxonomy()).read(folder, n -> {});
      store.importBundle(bundle, n -> {});
      store.saveSettings(Map.of(LOADED_SETTING, "1"));
    });
    log.info("Loaded the demo content");
    return true;
  }

  /**
   * Loads the demo content unless it was loaded before, with pictures drawn for it
   * ({@link DemoImages}) as its pieces' featured images and its experts' photos.
   */
  public static boolean loadOnce(ThinkPress app) {
    ContentStore store = app.contentStore();
    if (store.settings().containsKey(LOADED_SETTING)) {
      log.info("Demo content is already loaded");
      return false;
    }
    withDemoFolder(folder -> {
      ContentBundle bundle = new ContentFolderReader(store.types(), store.taxonomy()).read(folder, n -> {});
      store.importBundle(DemoImages.add(bundle, app.database().jdbi(), app.uploads(), app.clock().millis()), n -> {});
      store.saveSettings(Map.of(LOADED_SETTING, "1"));
    });
    log.info("Loaded the demo content, with its pictures");
    return true;
  }

  interface FolderAction {
    void run(Path folder);
  }

  /** Runs the action on the demo folder, whether the classes run from a folder or from the jar. */
  static void withDemoFolder(FolderAction action) {
    URL marker = DemoContent.class.getResource("/demo/topics.yaml");
    if (marker == null) {
      throw new IllegalStateException("The demo content is missing from the class path (demo/topics.yaml)");
    }
    try {
      URI uri = marker.toURI();
      if ("jar".equals(uri.getScheme())) {
        try (FileSystem jar = FileSystems.newFileSystem(uri, Map.of())) {
          action.run(jar.getPath("/demo"));
        }
      } else {
        action.run(Path.of(uri).getParent());
      }
    } catch (URISyntaxException e) {
      throw new IllegalStateException("Cannot locate the demo content: " + marker, e);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot open the demo content in " + marker, e);
    }
  }
}
