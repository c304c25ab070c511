package org.thinkpress.publishing;

import static java.util.Objects.requireNonNull;

import org.thinkpress.accounts.Account;

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

  /** The signed-in account as the workflow sees it. */
  public static Actor of(Account account) {
    return new Actor(account.id(), account.name(), account.role().isEditor());
  }
}
