package org.thinkpress.site;

import org.thinkpress.ThinkPressException;

/** A request the site cannot answer as asked: a malformed page number, for example. */
public final class InvalidRequestException extends ThinkPressException {

  public InvalidRequestException(String message) {
    super(Kind.BAD_INPUT, message);
  }
}
