package org.thinkpress.accounts;

import java.time.Duration;
import org.thinkpress.ThinkPressException;

/**
 * A login did not succeed. The message is the same whether the address has no account, the
 * password is wrong or the account is disabled; only a throttled attempt says so, with its wait.
 */
public final class LoginRefusedException extends ThinkPressException {

  public static final String WRONG = "The email address or the password is not right.";

  private final Duration retryAfter;

  private LoginRefusedException(String message, Duration retryAfter) {
    super(Kind.FORBIDDEN, message);
    this.retryAfter = retryAfter;
  }

  static LoginRefusedException wrong() {
    return new LoginRefusedException(WRONG, Duration.ZERO);
  }

  static LoginRefusedException throttled(Duration wait) {
    long seconds = Math.max(1, (wait.toMillis() + 999) / 1000);
    return new LoginRefusedException("Too many failed attempts. Please wait " + seconds + " second"
        + (seconds == 1 ? "" : "s") + " before trying again.", wait);
  }

  /** How long to wait before trying again; zero when the attempt was not throttled. */
  public Duration retryAfter() {
    return retryAfter;
  }

  public boolean throttled() {
    return !retryAfter.isZero();
  }
}
