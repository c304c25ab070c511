package org.thinkpress.subscribers;

import org.thinkpress.ThinkPressException;

/** A subscription request, preference change or import row breaks a rule; the message says which. */
public final class InvalidSubscriptionException extends ThinkPressException {

  public InvalidSubscriptionException(String message) {
    super(Kind.BAD_INPUT, message);
  }
}
