/**
 * The admin shell at {@code /admin}: the layout and navigation every admin page shares, the
 * sign-in, account, accounts and settings pages, and the route table with its gate. It knows no
 * feature: each feature owns its admin pages and templates ({@code src/main/jte/FEATURE/admin/})
 * and hands them to the shell as an {@link org.thinkpress.admin.AdminRoutes.Section}, built in
 * {@code app}.
 *
 * <p>A feature's section, in short:
 * <pre>{@code
 * public final class ThingAdmin implements AdminRoutes.Section {
 *   public void register(AdminRoutes routes) {
 *     routes.gated(HandlerType.GET, "/admin/things", Role.EDITOR, handlers::list);   // signed in, editor or admin
 *     routes.open(HandlerType.GET, "/things/{token}", handlers::shared);              // anyone
 *   }
 * }
 * // a handler renders with the shell's chrome:
 * pages.render(ctx, 200, "thing/admin/list", pages.chrome(ctx, signed, "Things", "things", null), page);
 * }</pre>
 *
 * <h2>Traps</h2>
 * A gated POST needs the session's CSRF token (the {@code _csrf} field every admin form carries, or
 * the {@code X-CSRF-Token} header); the gate refuses it before the handler runs. The role on the
 * route is the least one; what a role may do with a particular piece is the feature's to decide
 * (an author with someone else's draft gets 404, not 403). The confirmations shown after a
 * redirect are fixed texts looked up by the {@code ?done=} code in
 * {@link org.thinkpress.admin.AdminPages}: a new one is added there, so nothing from the address is
 * reflected. Every route must appear in the role test's table, which fails on a route it does not
 * list.
 *
 * <h2>Words</h2>
 * <dl>
 *   <dt>section</dt><dd>a feature's admin pages, registered on the shell after its own.</dd>
 *   <dt>gate</dt><dd>what every gated route passes: no session sends the browser to the login page
 *   (with {@code ?next=}); a POST without the CSRF token, or a role below the route's, gets 403.</dd>
 *   <dt>chrome</dt><dd>what every admin page shares: title, navigation for the account's role,
 *   notice, error, the CSRF token.</dd>
 *   <dt>dry run</dt><dd>an import that checks every line and reports what it would do, writing
 *   nothing; the import forms' default.</dd>
 * </dl>
 */
package org.thinkpress.admin;
