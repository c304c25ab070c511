package org.thinkpress.admin;

import java.time.Instant;
import org.thinkpress.publishing.Actor;

/** A person who signs in to the admin. The password hash never leaves {@link AccountStore}. */
public record Account(long id, String email, String name, Role role, boolean disabled, Instant createdAt) {

  /** The account as the publishing workflow sees it. */
  public Actor actor() {
    return new Actor(id, name, role.isEditor());
  }
}
