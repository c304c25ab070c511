/**
 * The admin: the editors' web UI at {@code /admin}, the JSON API at {@code /admin/api}, and the
 * accounts, sessions and tokens behind them. The rules of the editorial workflow live in
 * {@code org.thinkpress.publishing}; this package authenticates people and scripts, checks roles
 * and CSRF, parses forms and renders pages. It also holds the newsletter's pages (subscribers,
 * sends, campaigns), built on {@code SubscriberService} and {@code NewsletterService}.
 *
 * <p>{@link org.thinkpress.admin.Admin} wires it; {@code AdminRoutes} and {@code ApiRoutes} list
 * every route with the least role it needs (the role test walks that list).
 *
 * <h2>Words</h2>
 * <dl>
 *   <dt>account</dt><dd>a person who signs in, by email (compared in lower case) and password
 *   (Argon2id). It has one <em>role</em>: {@code admin} (everything, accounts and settings),
 *   {@code editor} (everyone's publications, publishing, experts and taxonomies) or {@code author}
 *   (own drafts only). Subscribers' personal data (their list, page, import, export, suppression
 *   and erasure) is for {@code admin} only; sends and campaigns for {@code editor} and {@code admin}.
 *   A <em>disabled</em> account cannot sign in or use its tokens.</dd>
 *   <dt>session</dt><dd>a signed-in browser: a random token in the HttpOnly, SameSite=Lax cookie
 *   {@code tp_session} (Secure on an https site), its SHA-256 in the table {@code admin_sessions}
 *   so every node knows it. Ends after 12 idle hours, after 7 days, at sign-out, or when the
 *   password changes.</dd>
 *   <dt>CSRF token</dt><dd>a random value per session, in a hidden field {@code _csrf} of every
 *   form (or the header {@code X-CSRF-Token}); a POST without it is refused with 403. The login
 *   form, which has no session yet, pairs a cookie with a hidden field instead.</dd>
 *   <dt>throttle</dt><dd>failed logins counted per typed address and per client address, known or
 *   not; past a few, each failure doubles the wait before the next attempt is checked (up to 15
 *   minutes). The refusal never says whether the address has an account.</dd>
 *   <dt>API token</dt><dd>{@code tp_} and 43 random characters, made and revoked on the account
 *   page, shown once, stored as SHA-256; sent as {@code Authorization: Bearer}. It acts with its
 *   account's current role. The API ignores cookies, so it needs no CSRF token.</dd>
 *   <dt>editing form</dt><dd>a piece's page in the admin; it shows every field a piece has, so that a
 *   save writes back only what was changed in it: experts (the byline), topics and regions in their
 *   order, set with position fields and move buttons that work without JavaScript, and the
 *   publication and "updated" times in {@code site.timezone}, to the second they are stored at
 *   ({@code PublicationForm}).</dd>
 *   <dt>upload</dt><dd>an image (PNG, JPEG, GIF, WebP, decided by its bytes) kept under
 *   {@code data.dir/uploads} as {@code SHA256.ext} and served at {@code /media/NAME} for a year,
 *   with a sandboxing Content-Security-Policy. SVG and everything else is refused.</dd>
 *   <dt>request key</dt><dd>a random value in a campaign's confirmation form; the campaign is
 *   sent once per key, so a double click or a reload of the confirmation sends nothing more.</dd>
 *   <dt>dry run</dt><dd>an import that checks every line and reports what it would do, writing
 *   nothing; the import form's default.</dd>
 * </dl>
 */
package org.thinkpress.admin;
