package org.thinkpress.imports;

/**
 * Hears what a {@link SourceReader} finds, in the order of the file. Every method does nothing
 * unless overridden, so that a pass that wants only some kinds overrides only those.
 */
interface SourceVisitor {

  /** Once, before anything else. */
  default void site(SourceSite site) {}

  default void author(SourceAuthor author) {}

  default void term(SourceTerm term) {}

  default void attachment(SourceAttachment attachment) {}

  default void item(SourceItem item) {}

  /**
   * Something the export holds that the reader leaves out (a menu item, a comment, a custom post
   * type, a revision): said once per thing so that the report can count it.
   *
   * @param kind what it is ({@code nav_menu_item}, {@code comment}, {@code podcast}...)
   * @param id the source's id for it, or {@code ""}
   * @param reason why it is left out, for the report
   */
  default void skipped(String kind, String id, String reason) {}
}
