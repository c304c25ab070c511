/**
 * ThinkPress: a publishing platform for think tanks and policy institutes.
 *
 * <p>One package per feature, each with its own notes: {@code accounts}, {@code content},
 * {@code media}, {@code publishing}, {@code search}, {@code subscribers}, {@code newsletter} and
 * {@code site} (the public pages); below them {@code kit} (what the features' pages share) and
 * {@code storage} (the database); {@code admin} is the shell the features' admin pages plug into,
 * {@code web} the HTTP server, {@code app} the wiring that builds everything, and {@code cli} the
 * entry point. {@code ArchitectureTest} holds the rules between them (docs/architecture.md).
 *
 * <p>This package holds only {@link org.thinkpress.ThinkPressException}, the base of every
 * failure: its kind (not found, bad input, conflict, forbidden, internal) is what {@code web} maps
 * to an HTTP status and {@code cli} to an exit code.
 */
package org.thinkpress;
