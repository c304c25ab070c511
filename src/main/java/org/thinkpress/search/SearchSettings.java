package org.thinkpress.search;

import static java.util.Objects.requireNonNull;

import java.nio.file.Path;

/**
 * How search behaves, from the configuration.
 *
 * @param indexDir the folder of this node's Lucene index ({@code data.dir}/index by default)
 * @param pollMillis how often to look in the database for content written by other nodes
 * @param pageSize how many results a search page shows
 * @param requestsPerMinute how many search requests one client address may make per minute; the
 *     server counts them, before the search routes run
 */
public record SearchSettings(Path indexDir, int pollMillis, int pageSize, int requestsPerMinute) {

  public SearchSettings {
    requireNonNull(indexDir, "indexDir");
    if (pollMillis < 1 || pageSize < 1 || requestsPerMinute < 1) {
      throw new IllegalArgumentException("pollMillis, pageSize and requestsPerMinute must be positive");
    }
  }
}
