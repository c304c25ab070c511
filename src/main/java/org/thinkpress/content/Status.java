package org.thinkpress.content;

import java.util.Locale;

/**
 * Where a publication stands in its life. Only {@link #PUBLISHED} pieces are listed on the public
 * site, in feeds, in the sitemap and in search; {@link #ARCHIVED} ones stay readable at their URL.
 */
public enum Status {
  /** Being written; visible to its authors and editors only. */
  DRAFT,
  /** Submitted by its author; waiting for an editor's review. */
  IN_REVIEW,
  /** Approved, with a publication time in the future; becomes {@link #PUBLISHED} at that time. */
  SCHEDULED,
  /** On the public site. */
  PUBLISHED,
  /**
   * Withdrawn from listings, feeds, the sitemap and search, but still readable at its URL (with
   * a notice and {@code noindex}), so that links to it from elsewhere keep working.
   */
  ARCHIVED;

  /** The lower-case word used in files, URLs and the database: {@code in-review}. */
  public String key() {
    return name().toLowerCase(Locale.ROOT).replace('_', '-');
  }

  /** The status a key names, or a {@link InvalidContentException} listing the valid keys. */
  public static Status ofKey(String key) {
    for (Status status : values()) {
      if (status.key().equals(key)) {
        return status;
      }
    }
    throw new InvalidContentException("unknown status '" + key + "'; expected one of draft, in-review, scheduled, published, archived");
  }

  /** Whether a piece in this status must carry a publication time. */
  public boolean needsPublicationTime() {
    return this == SCHEDULED || this == PUBLISHED || this == ARCHIVED;
  }
}
