package org.thinkpress.design;

import org.thinkpress.ThinkPressException;

/** A colour an admin tried to save that is not a colour, or that text could not be read in. */
public final class InvalidColourException extends ThinkPressException {

  InvalidColourException(String message) {
    super(Kind.BAD_INPUT, message);
  }
}
