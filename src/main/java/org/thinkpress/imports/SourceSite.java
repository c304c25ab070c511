package org.thinkpress.imports;

/**
 * The site an export came from.
 *
 * @param platform {@code wordpress}, {@code ghost} or {@code substack}
 * @param baseUrl the old site's address without a trailing slash ({@code https://example.org}), or
 *     {@code ""} when the export does not say (Substack's zip)
 * @param title the site's name, or {@code ""}
 * @param language the site's main language as a BCP 47 tag, or {@code ""} when the export does not say
 */
record SourceSite(String platform, String baseUrl, String title, String language) {}
