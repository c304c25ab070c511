package org.thinkpress.cli;

import java.nio.file.Path;
import org.thinkpress.ThinkPressException;

/** A file a command was to write cannot be written: {@code cannot write FILE: why}. */
final class UnwritableFileException extends ThinkPressException {

  private final Path file;

  UnwritableFileException(Path file, String why) {
    super(Kind.BAD_INPUT, "cannot write " + file + ": " + why);
    this.file = file;
  }

  Path file() {
    return file;
  }
}
