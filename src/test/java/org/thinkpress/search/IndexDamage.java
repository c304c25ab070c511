package org.thinkpress.search;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * The ways a search index folder has been found damaged on disk, each one applied to a folder
 * holding a committed index, for the tests of what opening and rebuilding such an index does.
 */
public enum IndexDamage {
  /** The commit point overwritten with random bytes of the same length. */
  RANDOM_BYTES_IN_SEGMENTS_N {
    @Override
    void damage(Path index) throws IOException {
      Path segments = only(index, "segments_");
      byte[] noise = new byte[(int) Files.size(segments)];
      new Random(14).nextBytes(noise);
      Files.write(segments, noise);
    }
  },
  /** A segment's info file gone. */
  MISSING_SI_FILE {
    @Override
    void damage(Path index) throws IOException {
      for (Path file : files(index)) {
        if (file.getFileName().toString().endsWith(".si")) {
          Files.delete(file);
        }
      }
    }
  },
  /** Every file left with no bytes, as after a crash of a file system that lost what was not synced. */
  EMPTIED_FILES {
    @Override
    void damage(Path index) throws IOException {
      for (Path file : files(index)) {
        Files.write(file, new byte[0]);
      }
    }
  },
  /** The largest file cut in half. */
  TRUNCATED_FILE {
    @Override
    void damage(Path index) throws IOException {
      Path largest = largest(index);
      byte[] bytes = Files.readAllBytes(largest);
      Files.write(largest, java.util.Arrays.copyOf(bytes, bytes.length / 2));
    }
  },
  /** A folder of the same name where the largest file was. */
  FOLDER_WHERE_A_FILE_SHOULD_BE {
    @Override
    void damage(Path index) throws IOException {
      Path largest = largest(index);
      Files.delete(largest);
      Files.createDirectory(largest);
    }
  },
  /** A regular file where the index folder should be. */
  FILE_WHERE_THE_FOLDER_SHOULD_BE {
    @Override
    void damage(Path index) throws IOException {
      delete(index);
      Files.writeString(index, "not an index\n");
    }
  };

  abstract void damage(Path index) throws IOException;

  /** Damages the index in {@code index} (a folder with a committed index) this way. */
  public void applyTo(Path index) {
    try {
      damage(index);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static List<Path> files(Path index) throws IOException {
    try (Stream<Path> files = Files.list(index)) {
      return files.filter(Files::isRegularFile).filter(file -> !file.getFileName().toString().equals("write.lock"))
          .sorted().toList();
    }
  }

  private static Path only(Path index, String prefix) throws IOException {
    List<Path> matching = files(index).stream().filter(file -> file.getFileName().toString().startsWith(prefix)).toList();
    if (matching.size() != 1) {
      throw new IllegalStateException("expected one " + prefix + "* file in " + index + ", found " + matching);
    }
    return matching.get(0);
  }

  private static Path largest(Path index) throws IOException {
    Comparator<Path> bySize = Comparator.comparingLong(file -> file.toFile().length());
    return files(index).stream().max(bySize.thenComparing(Comparator.naturalOrder())).orElseThrow();
  }

  /** Every file in {@code path} (or {@code path} itself, when a file) with its size; the lock file left out. */
  public static Map<String, Long> contents(Path path) {
    Map<String, Long> contents = new TreeMap<>();
    try (Stream<Path> paths = Files.walk(path)) {
      for (Path each : paths.filter(Files::isRegularFile).toList()) {
        if (!each.getFileName().toString().equals("write.lock")) {
          contents.put(path.relativize(each).toString(), Files.size(each));
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return contents;
  }

  /** Removes a file or a folder with everything in it. */
  public static void delete(Path path) throws IOException {
    if (!Files.exists(path, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(path)) {
      for (Path each : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(each);
      }
    }
  }

  /** Copies a folder with everything in it. */
  public static void copy(Path from, Path to) throws IOException {
    try (Stream<Path> paths = Files.walk(from)) {
      for (Path path : paths.toList()) {
        Path target = to.resolve(from.relativize(path).toString());
        if (Files.isDirectory(path)) {
          Files.createDirectories(target);
        } else {
          Files.copy(path, target);
        }
      }
    }
  }
}
