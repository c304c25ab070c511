package org.thinkpress.admin;

import static java.util.Objects.requireNonNull;

import io.javalin.http.Context;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Map;
import org.thinkpress.accounts.Account;
import org.thinkpress.accounts.Accounts.Signed;
import org.thinkpress.accounts.Role;
import org.thinkpress.admin.AdminViews.Chrome;
import org.thinkpress.kit.Assets;

/**
 * What every admin handler shares: the page chrome, rendering, headers, redirects, dates in the
 * site's zone. Admin responses are never cached and never indexed.
 */
public final class AdminPages {

  /** Confirmations shown after a redirect, by the code in {@code ?done=}; fixed texts, so nothing is reflected. */
  static final Map<String, String> NOTICES = Map.ofEntries(
      Map.entry("created", "Created."), Map.entry("save", "Saved."),
      Map.entry("submit", "Submitted for review."), Map.entry("publish", "Published."),
      Map.entry("schedule", "Scheduled."), Map.entry("unpublish", "Taken off the site; it is a draft again."),
      Map.entry("archive", "Archived."), Map.entry("restored", "Revision restored."),
      Map.entry("revoked", "Link revoked."), Map.entry("password", "Password changed; your other sessions have ended."),
      Map.entry("token-revoked", "Token revoked."), Map.entry("renamed", "Renamed; the old address redirects here."),
      Map.entry("merged", "Merged."), Map.entry("deleted", "Deleted."), Map.entry("account", "Account saved."),
      Map.entry("settings", "Settings saved."), Map.entry("uploaded", "Image uploaded."),
      Map.entry("suppressed", "The address is suppressed: it will receive nothing more."),
      Map.entry("erased", "The subscriber and everything about them are erased."),
      Map.entry("retried", "The failed messages are queued again."),
      Map.entry("campaign", "The campaign is queued."));

  private final AdminTemplates templates = new AdminTemplates();
  private final AdminAssets assets;
  private final ZoneId zone;
  private final DateTimeFormatter display;

  public AdminPages(Assets assets, ZoneId zone) {
    this.assets = new AdminAssets(requireNonNull(assets, "assets"));
    this.zone = requireNonNull(zone, "zone");
    this.display = DateTimeFormatter.ofPattern("d MMM yyyy, HH:mm", Locale.ENGLISH).withZone(zone);
  }

  public ZoneId zone() {
    return zone;
  }

  public String date(Instant instant) {
    return instant == null ? "" : display.format(instant);
  }

  public Chrome chrome(Context ctx, Signed signed, String title, String section, String error) {
    String done = ctx.queryParam("done");
    String notice = done == null ? null : NOTICES.get(done);
    if (signed == null) {
      return new Chrome(title, null, null, "", section, notice, error, assets.siteCss(), assets.adminCss(),
          assets.adminJs(), false, false);
    }
    Account account = signed.account();
    return new Chrome(title, account.name(), account.role().key(), signed.session().csrfToken(), section, notice, error,
        assets.siteCss(), assets.adminCss(), assets.adminJs(), account.role().isEditor(), account.role() == Role.ADMIN);
  }

  /** Renders {@code template} (its path under {@code src/main/jte} without {@code .jte}, as {@code publishing/admin/edit}). */
  public void render(Context ctx, int status, String template, Chrome chrome, Object page) {
    noStore(ctx);
    ctx.status(status);
    ctx.header("Content-Type", "text/html; charset=utf-8");
    ctx.result(templates.render(template, chrome, page));
  }

  /** 303 See Other: after a form, the browser asks for the page with GET. */
  public static void seeOther(Context ctx, String location) {
    noStore(ctx);
    ctx.status(303);
    ctx.header("Location", location);
  }

  public static void noStore(Context ctx) {
    ctx.header("Cache-Control", "no-store");
    ctx.header("X-Robots-Tag", "noindex, nofollow");
  }

  public static String encode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }
}
