package org.thinkpress.imports;

/** Where an item stood on the old platform. */
enum SourceStatus {
  /** On the site for everyone. */
  PUBLISHED,
  /** Due to appear at its publication time. */
  SCHEDULED,
  /** Being written, or waiting for review (WordPress "pending"). */
  DRAFT,
  /** Visible only to the old site's editors (WordPress "private", Ghost members-only posts are not this). */
  PRIVATE,
  /** Behind a password on the old site. */
  PROTECTED
}
