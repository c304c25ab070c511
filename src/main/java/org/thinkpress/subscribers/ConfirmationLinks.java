package org.thinkpress.subscribers;

import static java.util.Objects.requireNonNull;

import java.util.Optional;
import org.jdbi.v3.core.Handle;

/**
 * The token of a subscriber's live confirmation link, for the message that carries it. The
 * newsletter's composer asks for it by subscriber while it builds a confirmation message, inside
 * its own transaction, so it knows nothing else of sign-up.
 */
public final class ConfirmationLinks {

  private final LinkTokens tokens;
  private final SubscriberStore store = new SubscriberStore();

  public ConfirmationLinks(LinkTokens tokens) {
    this.tokens = requireNonNull(tokens, "tokens");
  }

  /** The live link's token, or empty when none is live (already confirmed, or erased). */
  public Optional<String> token(Handle handle, long subscriberId) {
    return store.confirmation(handle, subscriberId)
        .map(live -> tokens.confirmation(subscriberId, live.expiresAt(), live.nonce()));
  }
}
