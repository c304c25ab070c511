/**
 * The command line ({@code java -jar thinkpress.jar --help}), built with picocli.
 *
 * <p>Commands open the same services as the web application through
 * {@link org.thinkpress.app.ThinkPress} and call them; they print failures as one message naming
 * the file, line or setting at fault, and exit with status 1. Long work shows a progress bar on
 * standard error.
 */
package org.thinkpress.cli;
