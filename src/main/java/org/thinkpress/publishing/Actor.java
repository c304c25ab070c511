package org.thinkpress.publishing;

import static java.util.Objects.requireNonNull;

/**
 * Who does something in the workflow. An editor (the admin and editor roles) may act on every
 * piece and publish; anyone else acts only on the pieces they own, and only while those are
 * drafts or in review.
 *
 * @param accountId the account acting
 * @param name the account's name, kept with each revision
 * @param editor whether the account may edit everyone's work and publish
 */
public record Actor(long accountId, String name, boolean editor) {

  public Actor {
    requireNonNull(name, "name");
  }
}
