package org.thinkpress.imports;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The old site's files found in a folder copy, by URL path: after a known upload prefix, else by
 * the full path, else by a file name that only one file in the folder has. Nothing outside the
 * folder is ever read, whatever {@code ..} a URL holds.
 */
final class FolderMedia implements MediaFetcher.Source {

  /** Where WordPress and Ghost keep uploads, as their URLs say: the folder copied is what follows. */
  static final List<String> PREFIXES = List.of("/wp-content/uploads/", "/content/images/", "/content/files/",
      "/content/media/");

  private final Path folder;
  private Map<String, List<Path>> byName;

  /** @param folder absolute and normalised */
  FolderMedia(Path folder) {
    this.folder = folder;
  }

  @Override
  public MediaFetcher.Fetched fetch(String url, URI uri) {
    String path = uri.getPath() == null ? "" : uri.getPath();
    Optional<Path> found = afterPrefix(path).or(() -> under(path)).or(() -> byName(path));
    if (found.isPresent()) {
      return new MediaFetcher.Fetched(url, found.get(), null);
    }
    String name = path.substring(path.lastIndexOf('/') + 1);
    int twins = name.isEmpty() ? 0 : index().getOrDefault(name, List.of()).size();
    return new MediaFetcher.Fetched(url, null, "not in " + folder
        + (twins > 1 ? " (" + twins + " files there are named " + name + ", none at this path)" : ""));
  }

  private Optional<Path> afterPrefix(String path) {
    for (String prefix : PREFIXES) {
      int at = path.indexOf(prefix);
      if (at >= 0) {
        Optional<Path> file = under(path.substring(at + prefix.length()));
        if (file.isPresent()) {
          return file;
        }
      }
    }
    return Optional.empty();
  }

  /** The file at this relative path inside the folder, if there is one and the path stays inside. */
  private Optional<Path> under(String relative) {
    String trimmed = relative.replaceFirst("^/+", "");
    if (trimmed.isEmpty()) {
      return Optional.empty();
    }
    try {
      Path file = folder.resolve(trimmed).normalize();
      return file.startsWith(folder) && Files.isRegularFile(file) ? Optional.of(file) : Optional.empty();
    } catch (InvalidPathException e) {
      return Optional.empty();
    }
  }

  private Optional<Path> byName(String path) {
    String name = path.substring(path.lastIndexOf('/') + 1);
    List<Path> files = index().getOrDefault(name, List.of());
    return files.size() == 1 ? Optional.of(files.get(0)) : Optional.empty();
  }

  /** Every file of the folder by name, walked once, on first need. */
  private synchronized Map<String, List<Path>> index() {
    if (byName == null) {
      Map<String, List<Path>> index = new HashMap<>();
      try (Stream<Path> paths = Files.walk(folder)) {
        paths.filter(Files::isRegularFile)
            .forEach(p -> index.computeIfAbsent(p.getFileName().toString(), n -> new ArrayList<>()).add(p));
      } catch (IOException | UncheckedIOException e) {
        throw new ImportException(folder + ": cannot be read: " + e.getMessage(), e);
      }
      byName = index;
    }
    return byName;
  }
}
