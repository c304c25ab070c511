package org.thinkpress.search.forbidden;

import org.thinkpress.site.SitePages;

/** A feature reaching into the public pages instead of the kit's frame. */
final class ImportsThePublicPages {

  private ImportsThePublicPages() {}

  static String language(SitePages pages) {
    return pages.config().language();
  }
}
