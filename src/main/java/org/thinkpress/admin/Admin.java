package org.thinkpress.admin;

import static java.util.Objects.requireNonNull;

import io.javalin.config.RoutesConfig;
import java.util.List;
import org.thinkpress.accounts.Accounts;
import org.thinkpress.content.ContentStore;

/**
 * The admin shell at {@code /admin}: the sign-in, account and settings pages, the layout every
 * admin page shares, and the route table with its gate. The features' own admin pages come in as
 * {@link AdminRoutes.Section}s, built in {@code app}; the shell knows none of them.
 */
public final class Admin {

  private final Accounts accounts;
  private final AdminRoutes.Section shell;
  private final List<AdminRoutes.Section> sections;
  private volatile List<AdminRoutes.Route> table = List.of();

  /**
   * @param content the site's stored settings (title, description), edited on the settings page
   * @param https whether the site is served over HTTPS (the session cookie is then {@code Secure})
   * @param sections the features' admin pages, registered after the shell's, in this order
   */
  public Admin(Accounts accounts, AdminPages pages, ContentStore content, boolean https,
               List<AdminRoutes.Section> sections) {
    this.accounts = requireNonNull(accounts, "accounts");
    this.shell = new AccountHandlers(accounts, requireNonNull(pages, "pages"), requireNonNull(content, "content"),
        https);
    this.sections = List.copyOf(sections);
  }

  public void register(RoutesConfig routes) {
    AdminRoutes adminRoutes = new AdminRoutes(accounts, routes);
    shell.register(adminRoutes);
    sections.forEach(section -> section.register(adminRoutes));
    table = adminRoutes.table();
  }

  /** Every admin route with the least role it needs (null: open to anyone), once registered. */
  public List<AdminRoutes.Route> routeTable() {
    return table;
  }
}
