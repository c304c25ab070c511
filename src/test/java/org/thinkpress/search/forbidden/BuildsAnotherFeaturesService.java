package org.thinkpress.search.forbidden;

import org.thinkpress.publishing.TaxonomyEditor;

/** A feature building another feature's service, which only the wiring may. */
final class BuildsAnotherFeaturesService {

  private BuildsAnotherFeaturesService() {}

  static TaxonomyEditor editor() {
    return new TaxonomyEditor(null, null);
  }
}
