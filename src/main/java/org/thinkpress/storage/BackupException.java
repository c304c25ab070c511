package org.thinkpress.storage;

import org.thinkpress.ThinkPressException;

/**
 * A backup could not be written, or an archive could not be restored: the target is not writable,
 * the disk filled, the archive is damaged, the database is not empty. The message names the file
 * and what to do; nothing was left half-written.
 */
public final class BackupException extends ThinkPressException {

  public BackupException(String message) {
    super(Kind.BAD_INPUT, message);
  }

  public BackupException(String message, Throwable cause) {
    super(Kind.BAD_INPUT, message, cause);
  }
}
