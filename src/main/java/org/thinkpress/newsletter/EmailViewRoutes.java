package org.thinkpress.newsletter;

import static java.util.Objects.requireNonNull;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.thinkpress.subscribers.InvalidLinkException;
import org.thinkpress.subscribers.LinkTokens;

/**
 * {@code GET /email/TOKEN}: a message as its recipient got it, for the "view in browser" link.
 * The page is the email's own HTML, with inline styles, so it gets a policy of its own that
 * allows them; it allows no script at all, and nothing in it is unescaped but sanitized Markdown.
 */
final class EmailViewRoutes {

  static final String PATH = "/email/";
  static final String POLICY = "default-src 'none'; style-src 'unsafe-inline'; img-src https: data:;"
      + " base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

  private final OutboxStore outbox;
  private final SendContents contents;
  private final EmailRenderer renderer;
  private final LinkTokens tokens;

  EmailViewRoutes(OutboxStore outbox, SendContents contents, EmailRenderer renderer, LinkTokens tokens) {
    this.outbox = requireNonNull(outbox, "outbox");
    this.contents = requireNonNull(contents, "contents");
    this.renderer = requireNonNull(renderer, "renderer");
    this.tokens = requireNonNull(tokens, "tokens");
  }

  void register(RoutesConfig routes) {
    routes.get(PATH + "{token}", this::view);
  }

  private void view(Context ctx) {
    String token = ctx.pathParam("token");
    if (token.length() > 200 || !token.matches("[A-Za-z0-9._-]+")) {
      throw new InvalidLinkException(InvalidLinkException.Reason.TAMPERED);
    }
    long[] ids = tokens.checkView(token);
    Send send = outbox.findSend(ids[0]).orElseThrow(() -> new InvalidLinkException(InvalidLinkException.Reason.GONE));
    Optional<OutboxRow> row = outbox.jdbi().withHandle(handle -> handle.createQuery("SELECT id, send_id, subscriber_id,"
            + " items, generation, attempts FROM outbox WHERE send_id = :send AND subscriber_id = :subscriber")
        .bind("send", ids[0]).bind("subscriber", ids[1])
        .map((rs, c) -> new OutboxRow(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getString(4), rs.getInt(5), rs.getInt(6)))
        .findOne());
    OutboxStore.Recipient recipient = outbox.recipients(java.util.List.of(ids[1])).get(ids[1]);
    if (row.isEmpty() || recipient == null || send.kind() == Send.Kind.CONFIRMATION) {
      throw new InvalidLinkException(InvalidLinkException.Reason.GONE);
    }
    EmailRenderer.Rendered email = renderer.render(contents.of(send), row.get(), recipient, contents.reader(), Optional.empty())
        .orElseThrow(() -> new InvalidLinkException(InvalidLinkException.Reason.GONE));
    ctx.header("Content-Security-Policy", POLICY);
    ctx.header("Cache-Control", "private, no-store");
    ctx.header("X-Robots-Tag", "noindex");
    ctx.header("Content-Type", "text/html; charset=utf-8");
    ctx.result(email.html().getBytes(StandardCharsets.UTF_8));
  }
}
