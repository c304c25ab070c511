package org.thinkpress.imports;

import org.thinkpress.ThinkPressException;

/**
 * An export could not be imported; nothing was written. The message names the file and, where the
 * fault lies in one place, its line ({@code export.xml:1204: ...}).
 */
public final class ImportException extends ThinkPressException {

  public ImportException(String message) {
    super(Kind.BAD_INPUT, message);
  }

  public ImportException(String message, Throwable cause) {
    super(Kind.BAD_INPUT, message, cause);
  }

  /** A fault at one line of one file; {@code line} 0 means the whole file. */
  public static ImportException at(String file, int line, String message) {
    return new ImportException((line > 0 ? file + ":" + line : file) + ": " + message);
  }
}
