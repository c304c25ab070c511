/**
 * The HTTP server shared by the site, the admin and the API.
 *
 * <p>{@link org.thinkpress.web.HttpServer} runs Javalin on Jetty, adds the security headers to
 * every response (a Content-Security-Policy with no inline script, {@code nosniff}, a referrer
 * policy, no framing), and is the one place where failures become HTTP statuses: a
 * {@link org.thinkpress.ThinkPressException}'s kind decides the status, and the page comes from
 * {@link org.thinkpress.web.ErrorPages} in the site's design. Unexpected errors are logged with an
 * incident number; no response shows a stack trace.
 */
package org.thinkpress.web;
