package org.thinkpress.content;

import org.jdbi.v3.core.Handle;

/**
 * Work a caller adds to a publication write, run in the same transaction: the editorial workflow
 * checks for a conflicting edit before, and keeps a revision and a slug redirect after. Throwing
 * from either method rolls the whole write back.
 */
public interface WriteHook {

  /** Before the write; {@code id} is {@code null} when a piece is being created. */
  void before(Handle handle, Long id);

  /**
   * After the write, before the commit.
   *
   * @param id the id of the piece written
   * @param previousSlug the slug the piece had before, or {@code null} when it was created
   */
  void after(Handle handle, long id, String previousSlug);
}
