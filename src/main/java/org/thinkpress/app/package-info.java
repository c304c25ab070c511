/**
 * Start-up and wiring.
 *
 * <p>{@link org.thinkpress.app.Main} hands the command line to {@code cli};
 * {@link org.thinkpress.app.ConfigLoader} reads the settings (defaults, a properties file,
 * {@code THINKPRESS_*} environment variables, command-line options) into an immutable, validated
 * {@link org.thinkpress.app.Config}; {@link org.thinkpress.app.ThinkPress} builds every service by
 * hand with constructors, starts the HTTP server and the background jobs, and stops them in
 * reverse order. {@link org.thinkpress.app.DemoContent} loads the demo institute shipped in the jar.
 *
 * <p>This is the only package that may import {@code web} and {@code cli}; features never do.
 */
package org.thinkpress.app;
