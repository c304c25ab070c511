package org.thinkpress.newsletter;

import static java.util.Objects.requireNonNull;

import java.util.List;
import java.util.Optional;
import org.thinkpress.subscribers.InvalidLinkException;

/**
 * A message as its recipient got it, for the "view in browser" page: rendered again from the
 * send and the recipient's outbox row, as the sender rendered it. Confirmation messages have no
 * such copy (their link is the recipient's alone and is not put on a page).
 */
final class BrowserCopies {

  private final OutboxStore outbox;
  private final SendContents contents;
  private final EmailRenderer renderer;

  BrowserCopies(OutboxStore outbox, SendContents contents, EmailRenderer renderer) {
    this.outbox = requireNonNull(outbox, "outbox");
    this.contents = requireNonNull(contents, "contents");
    this.renderer = requireNonNull(renderer, "renderer");
  }

  /**
   * The HTML of the message of send {@code sendId} to subscriber {@code subscriberId}.
   *
   * @throws InvalidLinkException {@link InvalidLinkException.Reason#GONE GONE} when the send, the
   *     recipient or their row is gone, when the send is a confirmation, or when nothing of it is
   *     left to show
   */
  String html(long sendId, long subscriberId) {
    Send send = outbox.findSend(sendId).orElseThrow(BrowserCopies::gone);
    Optional<OutboxRow> row = outbox.findRow(sendId, subscriberId);
    OutboxStore.Recipient recipient = outbox.recipients(List.of(subscriberId)).get(subscriberId);
    if (row.isEmpty() || recipient == null || send.kind() == Send.Kind.CONFIRMATION) {
      throw gone();
    }
    return renderer.render(contents.of(send), row.get(), recipient, contents.reader(), Optional.empty())
        .orElseThrow(BrowserCopies::gone).html();
  }

  private static InvalidLinkException gone() {
    return new InvalidLinkException(InvalidLinkException.Reason.GONE);
  }
}
