package org.thinkpress.site;

import org.thinkpress.kit.Views.Layout;

/**
 * A page ready to render: which template, with what.
 *
 * @param status the HTTP status the page is served with
 * @param template the jte template, such as {@code site/publication.jte}
 * @param layout the shared head and navigation
 * @param page the template's own view model
 */
public record View(int status, String template, Layout layout, Object page) {}
