package org.thinkpress.media;

import org.thinkpress.ThinkPressException;

/** An uploaded file is not accepted: too big, empty, or not an image type the site serves. */
public final class UploadRefusedException extends ThinkPressException {

  UploadRefusedException(String message) {
    super(Kind.BAD_INPUT, message);
  }
}
