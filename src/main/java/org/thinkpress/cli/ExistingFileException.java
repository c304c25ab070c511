package org.thinkpress.cli;

import java.nio.file.Path;
import org.thinkpress.ThinkPressException;

/**
 * A command that writes a new file (a key, an export) was given one that exists: it never
 * overwrites. The message is {@code FILE exists; } and what to do instead.
 */
final class ExistingFileException extends ThinkPressException {

  private final Path file;

  /** @param advice what to do instead, as in {@code choose a new file name} */
  ExistingFileException(Path file, String advice) {
    super(Kind.BAD_INPUT, file + " exists; " + advice);
    this.file = file;
  }

  Path file() {
    return file;
  }
}
