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
import org.thinkpress.content.TaxonKind;
import org.thinkpress.accounts.Tokens;
import org.thinkpress.accounts.Accounts;
import org.thinkpress.accounts.Role;

/**
 * Every route of the admin UI, with who may use it. Each route passes the same gate before its
 * handler: no session sends the browser to the login page; a POST without the session's CSRF
 * token is refused (403); a role below the route's is refused (403). What a role may do with a
 * particular piece (an author with someone else's draft: 404) is the workflow's to decide.
 */
final class AdminRoutes {

  static final String SESSION_COOKIE = "tp_session";

  /** A route and the least role that may use it; {@code null}: anyone (the login page, previews, images). */
  record Route(HandlerType method, String path, Role minimum) {}

  /** A handler that runs once the gate let the request through. */
  @FunctionalInterface
  interface SignedHandler {
    void handle(Context ctx, Signed signed) throws Exception;
  }

  private final Accounts accounts;
  private final List<Route> table = new ArrayList<>();
  private final AccountHandlers accountHandlers;
  private final PublicationHandlers publicationHandlers;
  private final TaxonomyHandlers taxonomyHandlers;
  private final UploadHandlers uploadHandlers;
  private final MailHandlers mail;

  /** The newsletter's handlers, built together because they come and go with the newsletter. */
  record MailHandlers(SubscriberHandlers subscribers, SendHandlers sends, CampaignHandlers campaigns) {}

  AdminRoutes(Accounts accounts, AccountHandlers accountHandlers, PublicationHandlers publicationHandlers,
              TaxonomyHandlers taxonomyHandlers, UploadHandlers uploadHandlers, MailHandlers mail) {
    this.accounts = requireNonNull(accounts, "accounts");
    this.accountHandlers = accountHandlers;
    this.publicationHandlers = publicationHandlers;
    this.taxonomyHandlers = taxonomyHandlers;
    this.uploadHandlers = uploadHandlers;
    this.mail = requireNonNull(mail, "mail");
  }

  /** Every route registered, for the role test that must cover them all. */
  List<Route> table() {
    return List.copyOf(table);
  }

  void register(RoutesConfig routes) {
    open(routes, HandlerType.GET, "/admin/login", accountHandlers::loginForm);
    open(routes, HandlerType.POST, "/admin/login", accountHandlers::login);
    open(routes, HandlerType.GET, "/preview/{token}", publicationHandlers::sharedPreview);
    open(routes, HandlerType.GET, "/media/{file}", uploadHandlers::serve);

    AccountHandlers a = accountHandlers;
    gated(routes, HandlerType.POST, "/admin/logout", Role.AUTHOR, a::logout);
    gated(routes, HandlerType.GET, "/admin/account", Role.AUTHOR, a::account);
    gated(routes, HandlerType.POST, "/admin/account/password", Role.AUTHOR, a::changePassword);
    gated(routes, HandlerType.POST, "/admin/account/tokens", Role.AUTHOR, a::createToken);
    gated(routes, HandlerType.POST, "/admin/account/tokens/{token}/revoke", Role.AUTHOR, a::revokeToken);
    gated(routes, HandlerType.GET, "/admin/accounts", Role.ADMIN, a::accounts);
    gated(routes, HandlerType.POST, "/admin/accounts", Role.ADMIN, a::createAccount);
    gated(routes, HandlerType.POST, "/admin/accounts/{account}", Role.ADMIN, a::updateAccount);
    gated(routes, HandlerType.GET, "/admin/settings", Role.ADMIN, a::settings);
    gated(routes, HandlerType.POST, "/admin/settings", Role.ADMIN, a::saveSettings);

    PublicationHandlers p = publicationHandlers;
    gated(routes, HandlerType.GET, "/admin", Role.AUTHOR, p::list);
    gated(routes, HandlerType.GET, "/admin/publications/new", Role.AUTHOR, p::newForm);
    gated(routes, HandlerType.POST, "/admin/publications", Role.AUTHOR, p::create);
    gated(routes, HandlerType.GET, "/admin/publications/{id}", Role.AUTHOR, p::edit);
    gated(routes, HandlerType.POST, "/admin/publications/{id}", Role.AUTHOR, p::save);
    gated(routes, HandlerType.GET, "/admin/publications/{id}/preview", Role.AUTHOR, p::preview);
    gated(routes, HandlerType.GET, "/admin/publications/{id}/revisions", Role.AUTHOR, p::revisions);
    gated(routes, HandlerType.GET, "/admin/publications/{id}/diff", Role.AUTHOR, p::diff);
    gated(routes, HandlerType.POST, "/admin/publications/{id}/revisions/{revision}/restore", Role.AUTHOR, p::restore);
    gated(routes, HandlerType.POST, "/admin/publications/{id}/preview-links", Role.AUTHOR, p::createPreviewLink);
    gated(routes, HandlerType.POST, "/admin/publications/{id}/preview-links/{link}/revoke", Role.AUTHOR,
        p::revokePreviewLink);
    gated(routes, HandlerType.POST, "/admin/preview", Role.AUTHOR, p::livePreview);
    gated(routes, HandlerType.GET, "/admin/uploads", Role.AUTHOR, uploadHandlers::list);
    gated(routes, HandlerType.POST, "/admin/uploads", Role.AUTHOR, uploadHandlers::upload);

    for (TaxonKind kind : TaxonKind.values()) {
      String base = "/admin/" + kind.plural();
      TaxonomyHandlers t = taxonomyHandlers;
      gated(routes, HandlerType.GET, base, Role.EDITOR, (ctx, s) -> t.list(ctx, s, kind));
      gated(routes, HandlerType.POST, base, Role.EDITOR, (ctx, s) -> t.create(ctx, s, kind));
      gated(routes, HandlerType.GET, base + "/{slug}", Role.EDITOR, (ctx, s) -> t.edit(ctx, s, kind));
      gated(routes, HandlerType.POST, base + "/{slug}", Role.EDITOR, (ctx, s) -> t.save(ctx, s, kind));
      gated(routes, HandlerType.POST, base + "/{slug}/rename", Role.EDITOR, (ctx, s) -> t.rename(ctx, s, kind));
      gated(routes, HandlerType.POST, base + "/{slug}/merge", Role.EDITOR, (ctx, s) -> t.merge(ctx, s, kind));
      gated(routes, HandlerType.POST, base + "/{slug}/delete", Role.EDITOR, (ctx, s) -> t.delete(ctx, s, kind));
    }
    registerMail(routes);
  }

  /**
   * Subscribers are personal data: admins only, reading included (an editor composing a campaign
   * sees only the number of recipients). Sends and campaigns: editors and admins.
   */
  private void registerMail(RoutesConfig routes) {
    SubscriberHandlers s = mail.subscribers();
    gated(routes, HandlerType.GET, "/admin/subscribers", Role.ADMIN, s::list);
    gated(routes, HandlerType.GET, "/admin/subscribers/import", Role.ADMIN, s::importForm);
    gated(routes, HandlerType.POST, "/admin/subscribers/import", Role.ADMIN, s::importCsv);
    gated(routes, HandlerType.GET, "/admin/subscribers/export.csv", Role.ADMIN, s::export);
    gated(routes, HandlerType.GET, "/admin/subscribers/{id}", Role.ADMIN, s::show);
    gated(routes, HandlerType.POST, "/admin/subscribers/{id}/suppress", Role.ADMIN, s::suppress);
    gated(routes, HandlerType.GET, "/admin/subscribers/{id}/erase", Role.ADMIN, s::confirmErase);
    gated(routes, HandlerType.POST, "/admin/subscribers/{id}/erase", Role.ADMIN, s::erase);

    SendHandlers d = mail.sends();
    gated(routes, HandlerType.GET, "/admin/sends", Role.EDITOR, d::list);
    gated(routes, HandlerType.GET, "/admin/sends/{id}", Role.EDITOR, d::show);
    gated(routes, HandlerType.GET, "/admin/sends/{id}/progress", Role.EDITOR, d::progress);
    gated(routes, HandlerType.POST, "/admin/sends/{id}/retry", Role.EDITOR, d::retry);

    CampaignHandlers c = mail.campaigns();
    gated(routes, HandlerType.GET, "/admin/campaigns/new", Role.EDITOR, c::newForm);
    gated(routes, HandlerType.POST, "/admin/campaigns/confirm", Role.EDITOR, c::confirm);
    gated(routes, HandlerType.POST, "/admin/campaigns/edit", Role.EDITOR, c::edit);
    gated(routes, HandlerType.POST, "/admin/campaigns", Role.EDITOR, c::send);
  }

  private void open(RoutesConfig routes, HandlerType method, String path, Handler handler) {
    table.add(new Route(method, path, null));
    routes.addHttpHandler(method, path, handler);
  }

  private void gated(RoutesConfig routes, HandlerType method, String path, Role minimum, SignedHandler handler) {
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
