package org.thinkpress.imports;

import static java.util.Objects.requireNonNull;

import java.nio.file.Path;
import java.util.Set;

/**
 * Reads a Ghost JSON export (Ghost 4 to 6, and the older shapes its importer still takes), with or without
 * the {@code {"db": [...]}} wrapper.
 *
 * <p>It reads the file twice and never holds it whole: first the small tables (settings, staff, tags,
 * and the joins that say which post has which authors, tags and search-engine texts), then the posts one
 * at a time. The visitor hears the {@link SourceSite} ({@code ghost}; the title from the {@code title}
 * setting, the language from {@code locale} or the older {@code lang}; the address only when the export
 * has a {@code url} setting, which Ghost does not write: the importer takes it from {@code --base-url}),
 * then one {@link SourceAuthor} per staff member ({@code users}: the login is the slug; profile handles
 * become URLs), one {@link SourceTerm#TAG} per tag (internal {@code #tags} marked, not dropped), and one
 * {@link SourceItem} per post and page in the file's order.
 *
 * <p>What an item holds is {@link GhostPosts}'s to say; in short: its line is the line where the post's
 * object starts, its tags and authors follow {@code sort_order}, {@code __GHOST_URL__} in the body and
 * the feature image becomes the site's address when the export gives it and is otherwise dropped, leaving
 * site-relative paths ({@code /content/images/...}); the old paths are {@code /SLUG/}, the permalink is
 * left empty as the export cannot say it.
 *
 * <p>Errors name the file and line: not JSON (Jackson's line and column), no {@code data} object, no
 * {@code posts} array, a post without an id or title, an unknown status, a time that is not ISO-8601.
 */
final class GhostReader implements SourceReader {

  @Override
  public void read(Path file, SourceVisitor visitor) {
    requireNonNull(file, "file");
    requireNonNull(visitor, "visitor");
    GhostExport export = new GhostExport(file);
    GhostTables tables = new GhostTables();
    Set<String> arrays = export.walk(GhostTables.TABLES, tables);
    if (!arrays.contains("posts")) {
      throw ImportException.at(export.name(), 0, "not a Ghost export: \"data\" has no \"posts\" array");
    }
    SourceSite site = tables.site();
    GhostUrls urls = new GhostUrls(site.baseUrl());
    visitor.site(site);
    tables.authors(urls).forEach(visitor::author);
    tables.terms().forEach(visitor::term);
    GhostPosts posts = new GhostPosts(export.name(), tables, urls, site.language());
    export.walk(Set.of("posts"), (table, row, line) -> posts.read(row, line, visitor));
  }
}
