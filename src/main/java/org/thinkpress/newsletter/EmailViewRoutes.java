package org.thinkpress.newsletter;

import static java.util.Objects.requireNonNull;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.nio.charset.StandardCharsets;
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

  private final BrowserCopies copies;
  private final LinkTokens tokens;

  EmailViewRoutes(BrowserCopies copies, LinkTokens tokens) {
    this.copies = requireNonNull(copies, "copies");
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
    String html = copies.html(ids[0], ids[1]);
    ctx.header("Content-Security-Policy", POLICY);
    ctx.header("Cache-Control", "private, no-store");
    ctx.header("X-Robots-Tag", "noindex");
    ctx.header("Content-Type", "text/html; charset=utf-8");
    ctx.result(html.getBytes(StandardCharsets.UTF_8));
  }
}
