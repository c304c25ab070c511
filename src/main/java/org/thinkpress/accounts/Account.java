package org.thinkpress.accounts;

import java.time.Instant;

/** A person who signs in to the admin. The password hash never leaves {@link AccountStore}. */
public record Account(long id, String email, String name, Role role, boolean disabled, Instant createdAt) {}
