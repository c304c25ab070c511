package org.thinkpress.web;

import org.thinkpress.ThinkPressException;

/** A request the server cannot read as it says it is written: an unknown character set, a broken form. */
public final class MalformedRequestException extends ThinkPressException {

  MalformedRequestException(String message) {
    super(Kind.BAD_INPUT, message);
  }
}
