package org.thinkpress.publishing;

import static java.util.Objects.requireNonNull;

import java.time.Clock;
import org.thinkpress.content.ContentStore;
import org.thinkpress.content.TaxonKind;

/**
 * Renaming, merging and deleting experts, topics and regions, with redirects: the old slug of a
 * renamed or merged one answers with a 301 to where its publications are now. Creating and
 * editing go straight to {@link ContentStore}.
 */
public final class TaxonomyEditor {

  private final ContentStore store;
  private final Clock clock;

  public TaxonomyEditor(ContentStore store, Clock clock) {
    this.store = requireNonNull(store, "store");
    this.clock = requireNonNull(clock, "clock");
  }

  public void rename(TaxonKind kind, String from, String to) {
    if (from.equals(to)) {
      return;
    }
    store.renameTaxon(kind, from, to, handle -> SlugRedirects.record(handle, kind.key(), from, to, clock.millis()));
  }

  /** Moves {@code from}'s publications (and a region's sub-regions) to {@code into} and deletes it. */
  public void merge(TaxonKind kind, String from, String into) {
    store.mergeTaxon(kind, from, into, handle -> SlugRedirects.record(handle, kind.key(), from, into, clock.millis()));
  }

  /** Deletes one that nothing uses; otherwise the store refuses and says to merge instead. */
  public void delete(TaxonKind kind, String slug) {
    store.deleteTaxon(kind, slug);
  }
}
