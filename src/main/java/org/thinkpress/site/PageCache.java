package org.thinkpress.site;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.util.function.Supplier;
import org.thinkpress.content.ContentVersion;
import org.thinkpress.kit.RenderedPage;

/**
 * Rendered pages kept in memory, bounded by bytes, keyed by path (and page number). A page is
 * served from here only while the {@link ContentVersion} it was rendered at is still current: any
 * content change, on this node or (after the next poll) on another, makes every entry stale at
 * once, without a list of which pages a change touches.
 */
public final class PageCache {

  private final Cache<String, RenderedPage> pages;
  private final ContentVersion version;
  private final long maxBytes;

  public PageCache(long maxBytes, ContentVersion version) {
    this.version = version;
    this.maxBytes = maxBytes;
    this.pages = Caffeine.newBuilder()
        .maximumWeight(maxBytes)
        .weigher((String key, RenderedPage page) -> page.weight() + key.length() * 2)
        .recordStats()
        .build();
  }

  /**
   * Another cache of the same content version, with {@code 1/divisor} of this one's memory: for
   * pages whose addresses are many (filter combinations), which then evict only one another.
   */
  public PageCache sibling(int divisor) {
    return new PageCache(maxBytes / divisor, version);
  }

  /**
   * The cached page for {@code key}, or a fresh one from {@code render}, which is then kept.
   * Exceptions from {@code render} pass through and nothing is kept.
   */
  public RenderedPage get(String key, Supplier<RenderedPage> render) {
    RenderedPage cached = pages.getIfPresent(key);
    long current = version.current();
    if (cached != null && cached.version() == current) {
      return cached;
    }
    RenderedPage fresh = render.get();
    if (fresh.version() == version.current()) { // not rendered across a change
      pages.put(key, fresh);
    }
    return fresh;
  }

  /** The cached page for {@code key} if there is a current one; {@code null} otherwise. */
  public RenderedPage peek(String key) {
    RenderedPage cached = pages.getIfPresent(key);
    return cached != null && cached.version() == version.current() ? cached : null;
  }

  /** Drops everything, for tests and benchmarks that measure uncached rendering. */
  public void clear() {
    pages.invalidateAll();
  }

  public long size() {
    return pages.estimatedSize();
  }

  public double hitRate() {
    return pages.stats().hitRate();
  }
}
