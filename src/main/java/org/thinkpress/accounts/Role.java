package org.thinkpress.accounts;

import java.util.Locale;

/** What an account may do. Checked on the server for every route and every action. */
public enum Role {
  /** Everything: accounts, settings and subscribers (personal data) too. */
  ADMIN,
  /** Everyone's publications, publishing, experts and taxonomies; newsletter sends and campaigns. */
  EDITOR,
  /** Own drafts only: create, edit, submit for review. */
  AUTHOR;

  public String key() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** Whether the role may edit everyone's work and publish (admin, editor). */
  public boolean isEditor() {
    return this != AUTHOR;
  }

  /**
   * The one rule for personal data: whether the role sees subscribers, their pages and their
   * addresses and names wherever those would appear (a send's failures, a mail server's answer).
   * Admins only; the subscriber routes require {@link #ADMIN} for the same reason.
   */
  public boolean seesSubscribers() {
    return this == ADMIN;
  }

  /** Whether this role includes everything {@code other} may do. */
  public boolean includes(Role other) {
    return ordinal() <= other.ordinal();
  }

  public static Role ofKey(String key) {
    for (Role role : values()) {
      if (role.key().equals(key)) {
        return role;
      }
    }
    throw new AccountException("unknown role '" + key + "'; expected admin, editor or author");
  }
}
