package org.thinkpress.storage;

import org.thinkpress.ThinkPressException;

/** The database could not be opened, migrated or used. */
public final class StorageException extends ThinkPressException {

  public StorageException(String message) {
    super(Kind.INTERNAL, message);
  }

  public StorageException(String message, Throwable cause) {
    super(Kind.INTERNAL, message, cause);
  }
}
