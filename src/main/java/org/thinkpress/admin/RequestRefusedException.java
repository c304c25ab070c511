package org.thinkpress.admin;

import org.thinkpress.ThinkPressException;

/** A request the admin refuses: a form without its CSRF token, a page above the account's role. */
public final class RequestRefusedException extends ThinkPressException {

  static final String CSRF = "This form has expired or did not come from this site. Go back, reload the page and"
      + " try again.";

  RequestRefusedException(String message) {
    super(Kind.FORBIDDEN, message);
  }
}
