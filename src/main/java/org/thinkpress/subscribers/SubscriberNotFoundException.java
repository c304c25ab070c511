package org.thinkpress.subscribers;

import org.thinkpress.ThinkPressException;

/** No subscriber has this address (or id). */
public final class SubscriberNotFoundException extends ThinkPressException {

  public SubscriberNotFoundException(String what) {
    super(Kind.NOT_FOUND, "no subscriber " + what);
  }
}
