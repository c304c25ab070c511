package org.thinkpress.media;

import org.thinkpress.ThinkPressException;

/**
 * An uploaded or imported file is not accepted: too big, empty, damaged, or not a type the site
 * serves (images, documents, recordings).
 */
public final class UploadRefusedException extends ThinkPressException {

  UploadRefusedException(String message) {
    super(Kind.BAD_INPUT, message);
  }
}
