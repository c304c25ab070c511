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
 * lists every route registered, for tests that must cover them all.
 */
package org.thinkpress.web;
