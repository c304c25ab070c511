package org.thinkpress.admin;

import static java.util.Objects.requireNonNull;

import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.thinkpress.accounts.Account;
import org.thinkpress.accounts.AccountException;
import org.thinkpress.accounts.Accounts.Signed;
import org.thinkpress.accounts.Accounts;
import org.thinkpress.accounts.ApiTokens.NewApiToken;
import org.thinkpress.accounts.LoginRefusedException;
import org.thinkpress.accounts.Role;
import org.thinkpress.accounts.SessionStore.Session;
import org.thinkpress.accounts.Tokens;
import org.thinkpress.admin.AdminViews.AccountPage;
import org.thinkpress.admin.AdminViews.AccountRow;
import org.thinkpress.admin.AdminViews.AccountsPage;
import org.thinkpress.admin.AdminViews.Choice;
import org.thinkpress.admin.AdminViews.LoginPage;
import org.thinkpress.admin.AdminViews.SecretPage;
import org.thinkpress.admin.AdminViews.SettingsPage;
import org.thinkpress.kit.SiteIdentity;
import org.thinkpress.admin.AdminViews.TokenRow;
import org.thinkpress.content.ContentStore;

/** Signing in and out, one's own account and API tokens, and (admins) accounts and site settings. */
final class AccountHandlers implements AdminRoutes.Section {

  /** The login form's own CSRF defence: a random value in a cookie and in the form, compared on POST. */
  static final String LOGIN_COOKIE = "tp_login";
  /**
   * The longest address the login page sends the browser on to ({@code next}): it goes into a
   * {@code Location} header, which must fit in the response's headers; no admin page needs more.
   */
  static final int MAX_NEXT = 2_000;

  private final Accounts accounts;
  private final AdminPages pages;
  private final ContentStore content;
  private final boolean https;

  AccountHandlers(Accounts accounts, AdminPages pages, ContentStore content, boolean https) {
    this.accounts = requireNonNull(accounts, "accounts");
    this.pages = requireNonNull(pages, "pages");
    this.content = requireNonNull(content, "content");
    this.https = https;
  }

  /** The shell's own pages: signing in and out, one's account, and (admins) accounts and settings. */
  @Override
  public void register(AdminRoutes routes) {
    routes.open(HandlerType.GET, "/admin/login", this::loginForm);
    routes.open(HandlerType.POST, "/admin/login", this::login);
    routes.gated(HandlerType.POST, "/admin/logout", Role.AUTHOR, this::logout);
    routes.gated(HandlerType.GET, "/admin/account", Role.AUTHOR, this::account);
    routes.gated(HandlerType.POST, "/admin/account/password", Role.AUTHOR, this::changePassword);
    routes.gated(HandlerType.POST, "/admin/account/tokens", Role.AUTHOR, this::createToken);
    routes.gated(HandlerType.POST, "/admin/account/tokens/{token}/revoke", Role.AUTHOR, this::revokeToken);
    routes.gated(HandlerType.GET, "/admin/accounts", Role.ADMIN, this::accounts);
    routes.gated(HandlerType.POST, "/admin/accounts", Role.ADMIN, this::createAccount);
    routes.gated(HandlerType.POST, "/admin/accounts/{account}", Role.ADMIN, this::updateAccount);
    routes.gated(HandlerType.GET, "/admin/settings", Role.ADMIN, this::settings);
    routes.gated(HandlerType.POST, "/admin/settings", Role.ADMIN, this::saveSettings);
  }

  void loginForm(Context ctx) {
    if (accounts.session(ctx.cookie(AdminRoutes.SESSION_COOKIE)).isPresent()) {
      AdminPages.seeOther(ctx, safeNext(ctx.queryParam("next")));
      return;
    }
    showLogin(ctx, 200, "", ctx.queryParam("next"), null);
  }

  private void showLogin(Context ctx, int status, String email, String next, String error) {
    String token = Tokens.random();
    setCookie(ctx, LOGIN_COOKIE, token, "/admin/login", "Strict", -1);
    pages.render(ctx, status, "admin/login", pages.chrome(ctx, null, "Sign in", "login", error),
        new LoginPage(email == null ? "" : email, safeNext(next), token));
  }

  void login(Context ctx) {
    String email = nonNull(ctx.formParam("email"));
    String next = ctx.formParam("next");
    if (!Tokens.same(ctx.cookie(LOGIN_COOKIE), ctx.formParam("_login"))) {
      showLogin(ctx, 403, email, next, "The sign-in form expired. Please sign in again.");
      return;
    }
    try {
      Session session = accounts.login(email, nonNull(ctx.formParam("password")), ctx.ip());
      setCookie(ctx, AdminRoutes.SESSION_COOKIE, session.token(), "/admin", "Lax", -1);
      setCookie(ctx, LOGIN_COOKIE, "", "/admin/login", "Strict", 0);
      AdminPages.seeOther(ctx, safeNext(next));
    } catch (LoginRefusedException e) {
      if (e.throttled()) {
        ctx.header("Retry-After", Long.toString(Math.max(1, e.retryAfter().toSeconds())));
      }
      showLogin(ctx, e.throttled() ? 429 : 401, email, next, e.getMessage());
    }
  }

  void logout(Context ctx, Signed signed) {
    accounts.logout(signed.session().token());
    setCookie(ctx, AdminRoutes.SESSION_COOKIE, "", "/admin", "Lax", 0);
    AdminPages.seeOther(ctx, "/admin/login");
  }

  void account(Context ctx, Signed signed) {
    showAccount(ctx, signed, 200, null);
  }

  private void showAccount(Context ctx, Signed signed, int status, String error) {
    Account account = signed.account();
    List<TokenRow> tokens = accounts.apiTokens().list(account.id()).stream()
        .map(t -> new TokenRow(t.id(), t.name(), pages.date(t.createdAt()),
            t.lastUsedAt() == null ? "never" : pages.date(t.lastUsedAt()), t.active(),
            "/admin/account/tokens/" + t.id() + "/revoke"))
        .toList();
    pages.render(ctx, status, "admin/account", pages.chrome(ctx, signed, "Your account", "account", error),
        new AccountPage(account.email(), account.name(), account.role().key(), tokens));
  }

  void changePassword(Context ctx, Signed signed) {
    try {
      accounts.changePassword(signed, nonNull(ctx.formParam("current")), nonNull(ctx.formParam("password")),
          nonNull(ctx.formParam("repeat")));
      AdminPages.seeOther(ctx, "/admin/account?done=password");
    } catch (AccountException e) {
      showAccount(ctx, signed, 400, "The password was not changed: " + e.getMessage() + ".");
    }
  }

  void createToken(Context ctx, Signed signed) {
    try {
      NewApiToken token = accounts.apiTokens().create(signed.account().id(), ctx.formParam("name"));
      pages.render(ctx, 200, "admin/secret", pages.chrome(ctx, signed, "New API token", "account", null),
          new SecretPage("New API token: " + token.name(), "Send it in the header Authorization: Bearer TOKEN. It acts"
              + " with your role until you revoke it.", token.token(), "/admin/account", "Back to your account"));
    } catch (AccountException e) {
      showAccount(ctx, signed, 400, e.getMessage());
    }
  }

  void revokeToken(Context ctx, Signed signed) {
    accounts.apiTokens().revoke(signed.account().id(), Forms.id(ctx.pathParam("token")));
    AdminPages.seeOther(ctx, "/admin/account?done=token-revoked");
  }

  void accounts(Context ctx, Signed signed) {
    showAccounts(ctx, signed, 200, null);
  }

  private void showAccounts(Context ctx, Signed signed, int status, String error) {
    List<AccountRow> rows = accounts.store().list().stream()
        .map(a -> new AccountRow(a.id(), a.email(), a.name(), roles(a.role()), a.disabled(), "/admin/accounts/" + a.id()))
        .toList();
    pages.render(ctx, status, "admin/accounts", pages.chrome(ctx, signed, "Accounts", "accounts", error),
        new AccountsPage(rows, roles(Role.AUTHOR)));
  }

  void createAccount(Context ctx, Signed signed) {
    try {
      accounts.store().create(ctx.formParam("email"), ctx.formParam("name"), Role.ofKey(nonNull(ctx.formParam("role"))),
          ctx.formParam("password"));
      AdminPages.seeOther(ctx, "/admin/accounts?done=account");
    } catch (AccountException e) {
      showAccounts(ctx, signed, 400, "The account was not added: " + e.getMessage() + ".");
    }
  }

  void updateAccount(Context ctx, Signed signed) {
    try {
      accounts.update(Forms.id(ctx.pathParam("account")), Role.ofKey(nonNull(ctx.formParam("role"))),
          "yes".equals(ctx.formParam("disabled")));
      AdminPages.seeOther(ctx, "/admin/accounts?done=account");
    } catch (AccountException e) {
      showAccounts(ctx, signed, 400, "The account was not changed: " + e.getMessage() + ".");
    }
  }

  void settings(Context ctx, Signed signed) {
    Map<String, String> settings = content.settings();
    pages.render(ctx, 200, "admin/settings", pages.chrome(ctx, signed, "Site settings", "settings", null),
        new SettingsPage(settings.getOrDefault("site.title", ""), settings.getOrDefault("site.description", ""),
            settings.getOrDefault(SiteIdentity.ADDRESS, "")));
  }

  void saveSettings(Context ctx, Signed signed) {
    String title = nonNull(ctx.formParam("site_title")).strip();
    String description = nonNull(ctx.formParam("site_description")).strip().replaceAll("\\s+", " ");
    String address = String.join("\n", SiteIdentity.addressLines(nonNull(ctx.formParam("postal_address"))));
    String problem = title.isEmpty() || title.length() > 200 || description.length() > 500
        ? "The name is needed (at most 200 characters); the sentence may have at most 500."
        : address.length() > SiteIdentity.ADDRESS_MAX
        ? "The postal address may have at most " + SiteIdentity.ADDRESS_MAX + " characters; it has " + address.length() + "."
        : null;
    if (problem != null) {
      pages.render(ctx, 400, "admin/settings", pages.chrome(ctx, signed, "Site settings", "settings", problem),
          new SettingsPage(title, description, address));
      return;
    }
    Map<String, String> values = new LinkedHashMap<>();
    values.put("site.title", title);
    values.put("site.description", description);
    values.put(SiteIdentity.ADDRESS, address);
    content.saveSettings(values);
    AdminPages.seeOther(ctx, "/admin/settings?done=settings");
  }

  private static List<Choice> roles(Role selected) {
    return Arrays.stream(Role.values()).map(r -> new Choice(r.key(), r.key(), r == selected)).toList();
  }

  /** Only a path inside the admin: never another site, never {@code //host}. */
  static String safeNext(String next) {
    if (next == null || next.length() > MAX_NEXT || !next.startsWith("/admin") || next.startsWith("//")
        || next.contains("\\") || next.chars().anyMatch(c -> c < 0x20)) {
      return "/admin";
    }
    return next;
  }

  private void setCookie(Context ctx, String name, String value, String path, String sameSite, int maxAge) {
    StringBuilder cookie = new StringBuilder(name).append('=').append(value).append("; Path=").append(path)
        .append("; HttpOnly; SameSite=").append(sameSite);
    if (maxAge >= 0) {
      cookie.append("; Max-Age=").append(maxAge);
    }
    if (https) {
      cookie.append("; Secure");
    }
    ctx.res().addHeader("Set-Cookie", cookie.toString());
  }

  private static String nonNull(String value) {
    return value == null ? "" : value;
  }
}
