package org.thinkpress.admin;

import static java.util.Objects.requireNonNull;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.Handler;
import io.javalin.http.HandlerType;
import io.javalin.http.HttpResponseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.thinkpress.accounts.Accounts.Signed;
import org.thinkpress.accounts.Accounts;
import org.thinkpress.accounts.Role;
import org.thinkpress.accounts.Tokens;

/**
 * The admin's route table and its gate. Each feature's admin pages are a {@link Section} that
 * registers its routes here; each gated route passes the same gate before its handler: no session
 * sends the browser to the login page; a POST without the session's CSRF token is refused (403); a
 * role below the route's is refused (403). What a role may do with a particular piece (an author
 * with someone else's draft: 404) is the feature's to decide.
 */
public final class AdminRoutes {

  public static final String SESSION_COOKIE = "tp_session";

  /** A route and the least role that may use it; {@code null}: anyone (the login page, previews, images). */
  public record Route(HandlerType method, String path, Role minimum) {}

  /** A handler that runs once the gate let the request through. */
  @FunctionalInterface
  public interface SignedHandler {
    void handle(Context ctx, Signed signed) throws Exception;
  }

  /**
   * A feature's admin pages. Implementations register each of their routes with {@link #gated}
   * (and the least role it needs) or, for what anyone may see, {@link #open}.
   */
  @FunctionalInterface
  public interface Section {
    void register(AdminRoutes routes);
  }

  private final Accounts accounts;
  private final RoutesConfig routes;
  private final List<Route> table = new ArrayList<>();

  AdminRoutes(Accounts accounts, RoutesConfig routes) {
    this.accounts = requireNonNull(accounts, "accounts");
    this.routes = requireNonNull(routes, "routes");
  }

  /** Every route registered, for the role test that must cover them all. */
  List<Route> table() {
    return List.copyOf(table);
  }

  /** A route anyone may use. */
  public void open(HandlerType method, String path, Handler handler) {
    table.add(new Route(method, path, null));
    routes.addHttpHandler(method, path, handler);
  }

  /** A route for signed-in accounts of at least {@code minimum}'s role; a POST must carry the CSRF token. */
  public void gated(HandlerType method, String path, Role minimum, SignedHandler handler) {
    requireNonNull(minimum, "minimum");
    table.add(new Route(method, path, minimum));
    routes.addHttpHandler(method, path, ctx -> {
      AdminPages.noStore(ctx);
      Optional<Signed> signed = accounts.session(ctx.cookie(SESSION_COOKIE));
      if (signed.isEmpty()) {
        AdminPages.seeOther(ctx, "/admin/login" + next(ctx, method));
        return;
      }
      if (method == HandlerType.POST && !csrfMatches(ctx, signed.get())) {
        throw new RequestRefusedException(RequestRefusedException.CSRF);
      }
      if (!signed.get().account().role().includes(minimum)) {
        throw new RequestRefusedException("This page is for the " + minimum.key() + " role; your account is "
            + signed.get().account().role().key() + ".");
      }
      handler.handle(ctx, signed.get());
    });
  }

  /**
   * Where the login page sends the browser back to: the page asked for. An address too long to
   * carry there is refused (414) rather than cut: no admin page needs one.
   */
  private static String next(Context ctx, HandlerType method) {
    if (method != HandlerType.GET) {
      return "";
    }
    String next = AdminPages.encode(ctx.path() + (ctx.queryString() == null ? "" : "?" + ctx.queryString()));
    if (next.length() > AccountHandlers.MAX_NEXT) {
      throw new HttpResponseException(414, "URI too long");
    }
    return "?next=" + next;
  }

  /** The form field {@code _csrf}, or the header {@code X-CSRF-Token} for the editor's script. */
  private static boolean csrfMatches(Context ctx, Signed signed) {
    String sent = ctx.header("X-CSRF-Token");
    if (sent == null) {
      sent = ctx.formParam("_csrf");
    }
    return Tokens.same(sent, signed.session().csrfToken());
  }
}
