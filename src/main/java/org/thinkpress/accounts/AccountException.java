package org.thinkpress.accounts;

import org.thinkpress.ThinkPressException;

/** An account cannot be created or changed as asked: a malformed address, a short password, a taken email. */
public final class AccountException extends ThinkPressException {

  public AccountException(String message) {
    super(Kind.BAD_INPUT, message);
  }
}
