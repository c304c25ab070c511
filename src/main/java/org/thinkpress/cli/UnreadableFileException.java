package org.thinkpress.cli;

import java.nio.file.Path;
import org.thinkpress.ThinkPressException;

/** A file a command was given cannot be read: {@code cannot read FILE[: why]}. */
final class UnreadableFileException extends ThinkPressException {

  private final Path file;

  /** @param why what the system said, or {@code null} when the file is simply not readable */
  UnreadableFileException(Path file, String why) {
    super(Kind.BAD_INPUT, "cannot read " + file + (why == null ? "" : ": " + why));
    this.file = file;
  }

  Path file() {
    return file;
  }
}
