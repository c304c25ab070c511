package org.thinkpress.publishing;

import org.thinkpress.ThinkPressException;

/** The actor may see the piece but not do this to it (an author publishing, or editing a live piece). */
public final class ActionNotAllowedException extends ThinkPressException {

  ActionNotAllowedException(String message) {
    super(Kind.FORBIDDEN, message);
  }
}
