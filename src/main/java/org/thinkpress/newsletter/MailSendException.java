package org.thinkpress.newsletter;

import org.thinkpress.ThinkPressException;

/** A message was not accepted by the mail transport; {@link #outcome} says what to do about it. */
public final class MailSendException extends ThinkPressException {

  /** What a failure means for the outbox row. */
  public enum Outcome {
    /** Try again later: SMTP 4xx, a timeout, a broken connection. */
    TEMPORARY,
    /** Do not try again: SMTP 5xx for this message. */
    PERMANENT,
    /** The address does not exist: suppress it. */
    HARD_BOUNCE
  }

  private final Outcome outcome;

  public MailSendException(Outcome outcome, String message, Throwable cause) {
    super(Kind.INTERNAL, message, cause);
    this.outcome = outcome;
  }

  public Outcome outcome() {
    return outcome;
  }
}
