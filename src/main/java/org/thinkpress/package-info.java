/**
 * ThinkPress: a publishing platform for think tanks and policy institutes.
 *
 * <p>One package per feature: {@code app} (start-up and wiring), {@code content} (the model and
 * its store), {@code publishing} (the workflow), {@code site} (the public site), {@code storage}
 * (the database), {@code web} (the HTTP server), {@code cli} (the command line). This package
 * holds only {@link org.thinkpress.ThinkPressException}, the base of every failure.
 */
package org.thinkpress;
