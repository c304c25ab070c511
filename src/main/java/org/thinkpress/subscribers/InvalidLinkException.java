package org.thinkpress.subscribers;

import org.thinkpress.ThinkPressException;

/**
 * A link from an email (confirmation, preferences, unsubscribe, view in browser) cannot be used.
 * The message never says more than the {@link Reason}: a tampered token reveals nothing.
 */
public final class InvalidLinkException extends ThinkPressException {

  /** Why a link was refused. */
  public enum Reason {
    /** Not a token we signed, or signed for another purpose. */
    TAMPERED,
    /** Signed by us, but past its expiry time. */
    EXPIRED,
    /** A single-use link that was already followed (or replaced by a newer one). */
    USED,
    /** Signed by us for a subscriber who no longer exists (erased). */
    GONE
  }

  private final Reason reason;

  public InvalidLinkException(Reason reason) {
    super(Kind.FORBIDDEN, "the link is " + reason.name().toLowerCase(java.util.Locale.ROOT));
    this.reason = reason;
  }

  public Reason reason() {
    return reason;
  }
}
