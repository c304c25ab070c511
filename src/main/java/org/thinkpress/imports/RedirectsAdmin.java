package org.thinkpress.imports;

import static java.util.Objects.requireNonNull;

import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import java.util.List;
import org.thinkpress.accounts.Accounts.Signed;
import org.thinkpress.accounts.Role;
import org.thinkpress.admin.AdminPages;
import org.thinkpress.admin.AdminRoutes;

/**
 * The old site's addresses in the admin ({@code /admin/redirects}): listed a page at a time, and
 * downloaded as CSV for a CDN's or proxy's rules. For editors.
 */
public final class RedirectsAdmin implements AdminRoutes.Section {

  static final int PAGE_SIZE = 100;

  /** The view model of {@code imports/admin/redirects.jte}. */
  public record RedirectsPage(List<OldUrls.OldUrl> rows, int total, int page, int pages) {}

  private final OldUrls oldUrls;
  private final AdminPages pages;

  public RedirectsAdmin(OldUrls oldUrls, AdminPages pages) {
    this.oldUrls = requireNonNull(oldUrls, "oldUrls");
    this.pages = requireNonNull(pages, "pages");
  }

  @Override
  public void register(AdminRoutes routes) {
    routes.gated(HandlerType.GET, "/admin/redirects", Role.EDITOR, this::list);
    routes.gated(HandlerType.GET, "/admin/redirects.csv", Role.EDITOR, this::csv);
  }

  void list(Context ctx, Signed signed) {
    int total = oldUrls.count();
    int last = Math.max(1, (total + PAGE_SIZE - 1) / PAGE_SIZE);
    int page = page(ctx.queryParam("page"), last);
    pages.render(ctx, 200, "imports/admin/redirects", pages.chrome(ctx, signed, "Old addresses", "redirects", null),
        new RedirectsPage(oldUrls.list((page - 1) * PAGE_SIZE, PAGE_SIZE), total, page, last));
  }

  void csv(Context ctx, Signed signed) {
    ctx.header("Content-Type", "text/csv; charset=utf-8");
    ctx.header("Content-Disposition", "attachment; filename=\"redirects.csv\"");
    ctx.header("Cache-Control", "no-store");
    ctx.result(oldUrls.csv());
  }

  /** The page asked for, within 1..last; anything else is the first. */
  private static int page(String value, int last) {
    if (value == null || !value.matches("[1-9][0-9]{0,5}")) {
      return 1;
    }
    return Math.min(Integer.parseInt(value), last);
  }
}
