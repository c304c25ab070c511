/**
 * Accounts: the people (and their scripts) who may change the site. Accounts with a role,
 * sessions, API tokens, passwords (Argon2id), the login throttle, and the secret hashing every
 * feature uses for its link tokens ({@link org.thinkpress.accounts.Tokens}).
 *
 * <p>{@link org.thinkpress.accounts.Accounts} is the service the admin's gate and the API use:
 * <pre>{@code
 * Accounts accounts = new Accounts(accountStore, new SessionStore(jdbi, clock), new LoginThrottle(jdbi, clock),
 *     new ApiTokens(jdbi, clock));
 * SessionStore.Session session = accounts.login(email, password, clientAddress);  // or LoginRefusedException
 * Optional<Accounts.Signed> signed = accounts.session(session.token());          // the cookie's value
 * Optional<Account> scripted = accounts.apiAccount(bearerToken);
 * }</pre>
 * {@link org.thinkpress.accounts.AccountStore} creates and changes accounts (the {@code user}
 * command and the accounts page).
 *
 * <h2>Traps</h2>
 * A refused login never says whether the address has an account: the message and the time taken
 * are the same ({@link org.thinkpress.accounts.LoginRefusedException#WRONG}). Tokens and session
 * ids are stored only as SHA-256; the value itself is shown once and cannot be read back. Compare
 * secrets with {@link org.thinkpress.accounts.Tokens#same}, never {@code equals} (constant time).
 * Changing a password ends the account's other sessions.
 *
 * <h2>Words</h2>
 * <dl>
 *   <dt>account</dt><dd>a person who signs in, by email (compared in lower case) and password. It
 *   has one <em>role</em>: {@code admin} (everything, accounts and settings), {@code editor}
 *   (everyone's publications, publishing, experts and taxonomies) or {@code author} (own drafts
 *   only). Subscribers' personal data is for {@code admin} only
 *   ({@link org.thinkpress.accounts.Role#seesSubscribers}). A <em>disabled</em> account cannot sign
 *   in or use its tokens.</dd>
 *   <dt>session</dt><dd>a signed-in browser: a random token in the HttpOnly, SameSite=Lax cookie
 *   {@code tp_session} (Secure on an https site), its SHA-256 in the table {@code admin_sessions}
 *   so every node knows it. Ends after 12 idle hours, after 7 days, at sign-out, or when the
 *   password changes.</dd>
 *   <dt>CSRF token</dt><dd>a random value per session, carried by every admin form; the login form,
 *   which has no session yet, pairs a cookie with a hidden field instead.</dd>
 *   <dt>throttle</dt><dd>failed logins counted per typed address and per client address, known or
 *   not; past a few, each failure doubles the wait before the next attempt is checked (up to 15
 *   minutes).</dd>
 *   <dt>API token</dt><dd>{@code tp_} and 43 random characters, made and revoked on the account
 *   page, shown once, stored as SHA-256; sent as {@code Authorization: Bearer}. It acts with its
 *   account's current role.</dd>
 * </dl>
 */
package org.thinkpress.accounts;
