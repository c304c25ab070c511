/**
 * The HTTP server shared by the site, the admin and the API.
 *
 * <p>{@link org.thinkpress.web.HttpServer} runs Javalin on Jetty, adds the security headers to
 * every response (a Content-Security-Policy with no inline script, {@code nosniff}, a referrer
 * policy, no framing), and is the one place where failures become HTTP statuses: a
 * {@link org.thinkpress.ThinkPressException}'s kind decides the status, and the page comes from
 * {@link org.thinkpress.web.ErrorPages} in the site's design. Unexpected errors are logged with an
 * incident number; no response shows a stack trace.
 *
 * <p>A request that cannot be read as it says it is written (a character set Java does not know,
 * a multipart body Jetty cannot parse) is a 400 ({@code RequestChecks}); what Jetty refuses before
 * any route (a path that is not UTF-8, ambiguous dot segments, headers too large) gets the same
 * error page and headers ({@code SiteErrorHandler}). {@link org.thinkpress.web.HttpServer#routes()}
 * lists every route registered, for tests that must cover them all. A {@code GET} or {@code HEAD}
 * that would be a 404 first asks the {@link org.thinkpress.web.MovedAddresses} the wiring gives
 * (an imported site's old addresses) and answers {@code 301} when the address moved.
 *
 * <h2>Limits and origin checks</h2>
 *
 * <p>What cuts across features is here, and the wiring ({@code app}) says which routes it guards,
 * as a {@link org.thinkpress.web.RouteGroup} (methods and paths). A
 * {@link org.thinkpress.web.RateLimitFilter} counts each request to its group against the client's
 * budget in a {@link org.thinkpress.web.RateLimiter} (a budget per window, per client address or
 * per network, earned back evenly or when the window ends); past it, {@code 429} with
 * {@code Retry-After}. An {@link org.thinkpress.web.OriginCheck} refuses a form posted from another
 * site with {@code 403}. Both run once a route matched, after the checks every request passes. The
 * client is {@code ctx.ip()}, which {@link org.thinkpress.web.ClientAddress} reads from
 * {@code X-Forwarded-For} only when the connection comes from a trusted proxy.
 *
 * <h2>Words</h2>
 *
 * <dl>
 *   <dt>budget</dt>
 *   <dd>how many requests one key (a client address, a network) may make in a window.</dd>
 *   <dt>route group</dt>
 *   <dd>the methods and paths a filter applies to; a path ending in {@code /} covers those under it.</dd>
 * </dl>
 */
package org.thinkpress.web;
