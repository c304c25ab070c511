package org.thinkpress.publishing;

import org.thinkpress.ThinkPressException;

/**
 * A save started from an edit version that is no longer the latest: someone else saved the piece
 * in between. Nothing is overwritten; the refused version is kept as a revision, named here.
 */
public final class EditConflictException extends ThinkPressException {

  private final long publicationId;
  private final long keptRevisionId;
  private final long currentVersion;

  EditConflictException(long publicationId, long keptRevisionId, long expectedVersion, long currentVersion) {
    super(Kind.CONFLICT, "Someone else saved this publication after you opened it (you started from version "
        + expectedVersion + ", it is now at version " + currentVersion + "). Your changes were not applied; they are"
        + " kept as revision #" + keptRevisionId + " so you can compare them with the current text and merge.");
    this.publicationId = publicationId;
    this.keptRevisionId = keptRevisionId;
    this.currentVersion = currentVersion;
  }

  public long publicationId() {
    return publicationId;
  }

  /** The revision holding the refused changes. */
  public long keptRevisionId() {
    return keptRevisionId;
  }

  public long currentVersion() {
    return currentVersion;
  }
}
