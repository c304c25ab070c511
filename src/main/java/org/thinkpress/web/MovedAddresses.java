package org.thinkpress.web;

import java.util.Optional;

/**
 * Where an address that finds nothing here has gone: asked only for a {@code GET} or {@code HEAD}
 * that would be a 404, so that it costs nothing on pages that exist. The imports record the old
 * site's addresses this way.
 */
@FunctionalInterface
public interface MovedAddresses {

  /** Nothing has moved. */
  MovedAddresses NONE = (path, query) -> Optional.empty();

  /**
   * @param path the request's path, as sent (percent-encoded)
   * @param query the query string, or {@code null}
   * @return the address to answer {@code 301 Moved Permanently} with
   */
  Optional<String> target(String path, String query);
}
