package org.thinkpress.newsletter;

import static java.util.Objects.requireNonNull;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.util.Optional;
import org.thinkpress.subscribers.LinkTokens;

/** Turns a claimed outbox row into the MIME message for its recipient. */
final class MessageComposer {

  private final SendContents contents;
  private final EmailRenderer renderer;
  private final MessageBuilder builder;
  private final Newsletter.ConfirmationTokens confirmations;
  private final LinkTokens tokens;

  MessageComposer(SendContents contents, EmailRenderer renderer, MessageBuilder builder, LinkTokens tokens,
                  Newsletter.ConfirmationTokens confirmations) {
    this.contents = requireNonNull(contents, "contents");
    this.renderer = requireNonNull(renderer, "renderer");
    this.builder = requireNonNull(builder, "builder");
    this.tokens = requireNonNull(tokens, "tokens");
    this.confirmations = requireNonNull(confirmations, "confirmations");
  }

  /** The message, or empty when the row has nothing to send any more. */
  Optional<MimeMessage> compose(Send send, OutboxRow row, OutboxStore.Recipient recipient) throws MessagingException {
    Optional<String> confirmation = send.kind() == Send.Kind.CONFIRMATION
        ? contents.jdbi().withHandle(handle -> confirmations.token(handle, recipient.id()))
        : Optional.empty();
    Optional<EmailRenderer.Rendered> rendered = renderer.render(contents.of(send), row, recipient, contents.reader(),
        confirmation);
    if (rendered.isEmpty()) {
      return Optional.empty();
    }
    String token = tokens.preferences(recipient.id());
    String id = builder.messageId(row, tokens.tag(row.sendId() + "." + row.subscriberId() + "." + row.generation()));
    return Optional.of(builder.build(rendered.get(), recipient, id, renderer.unsubscribeUrl(recipient.id()), token));
  }

  /** A file name for the pickup folder: the same for every copy of the same message. */
  static String fileName(OutboxRow row) {
    return "send-" + row.sendId() + "-subscriber-" + row.subscriberId() + "-" + row.generation();
  }
}
