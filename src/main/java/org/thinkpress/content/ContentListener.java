package org.thinkpress.content;

/**
 * Told after each committed content write, on the writing thread. Page caches, the search index
 * and newsletter alerts listen. A listener must be quick and must not throw: a slow listener slows
 * every save.
 */
@FunctionalInterface
public interface ContentListener {

  void contentChanged(ContentChange change);
}
