/**
 * The wiring: where every service is built, by hand, from one validated configuration.
 *
 * <p>{@link org.thinkpress.app.ConfigLoader} reads the settings (defaults, a properties file,
 * {@code THINKPRESS_*} environment variables, command-line options) into an immutable, validated
 * {@link org.thinkpress.app.Config}; an unknown or bad setting stops the start with a message
 * naming it. {@link org.thinkpress.app.ThinkPress#open} opens the database and builds the stores
 * and services (what the commands use); {@link org.thinkpress.app.ThinkPress#serve} adds what runs
 * (search index, public pages, admin with each feature's section, HTTP server, background jobs)
 * and returns it as a {@link org.thinkpress.app.Serving}, none of it null. Closing stops all of it
 * in reverse order. {@link org.thinkpress.app.Backups} wires backup and restore;
 * {@link org.thinkpress.app.DemoContent} loads the demo institute shipped in the jar.
 * <pre>{@code
 * try (ThinkPress thinkPress = ThinkPress.open(ConfigLoader.load(file, env, options))) {
 *   Serving serving = thinkPress.serve();
 *   int port = serving.port();
 * }
 * }</pre>
 *
 * <h2>Traps</h2>
 * No feature builds another feature's services: a new service is constructed here and passed in.
 * This is the only package that imports {@code web}; {@code cli} (the entry point,
 * {@code cli.Main}) calls this package, never the other way round.
 */
package org.thinkpress.app;
