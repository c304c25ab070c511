package org.thinkpress.content;

import org.thinkpress.ThinkPressException;

/** Content that breaks a rule of the model: a bad slug, an unknown topic, a missing title. */
public final class InvalidContentException extends ThinkPressException {

  public InvalidContentException(String message) {
    super(Kind.BAD_INPUT, message);
  }
}
