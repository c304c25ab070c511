package org.thinkpress.accounts;

import static java.util.Objects.requireNonNull;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;
import org.jdbi.v3.core.Jdbi;

/** Accounts in the {@code accounts} table. Email addresses are compared in lower case. */
public final class AccountStore {

  private static final Pattern EMAIL = Pattern.compile("[^@\\s]{1,64}@[^@\\s.]+(\\.[^@\\s.]+)+");
  private static final String COLUMNS = "id, email, name, role, disabled, created_at";

  private final Jdbi jdbi;
  private final Clock clock;

  public AccountStore(Jdbi jdbi, Clock clock) {
    this.jdbi = requireNonNull(jdbi, "jdbi");
    this.clock = requireNonNull(clock, "clock");
  }

  /** The address in the form it is stored and compared: stripped, lower case. */
  static String normalise(String email) {
    return email == null ? "" : email.strip().toLowerCase(Locale.ROOT);
  }

  /** Creates an account; refuses a malformed or taken address and a weak password. */
  public Account create(String email, String name, Role role, String password) {
    String address = normalise(email);
    if (address.length() > 254 || !EMAIL.matcher(address).matches()) {
      throw new AccountException("'" + email + "' is not an email address");
    }
    String displayName = name == null || name.isBlank() ? address.substring(0, address.indexOf('@')) : name.strip();
    if (displayName.length() > 200) {
      throw new AccountException("the name must have at most 200 characters");
    }
    String hash = Passwords.hash(Passwords.requireAcceptable(password));
    long now = clock.millis();
    return jdbi.inTransaction(handle -> {
      if (handle.createQuery("SELECT COUNT(*) FROM accounts WHERE email = :email").bind("email", address)
          .mapTo(Integer.class).one() > 0) {
        throw new AccountException("an account with the address " + address + " exists already");
      }
      long id = handle.createQuery("INSERT INTO accounts (email, name, role, password_hash, created_at, changed_at)"
              + " VALUES (:email, :name, :role, :hash, :now, :now) RETURNING id")
          .bind("email", address).bind("name", displayName).bind("role", role.key()).bind("hash", hash)
          .bind("now", now).mapTo(Long.class).one();
      return new Account(id, address, displayName, role, false, Instant.ofEpochMilli(now));
    });
  }

  public Optional<Account> find(long id) {
    return jdbi.withHandle(handle -> handle.createQuery("SELECT " + COLUMNS + " FROM accounts WHERE id = :id")
        .bind("id", id).map((rs, ctx) -> account(rs)).findOne());
  }

  public Optional<Account> findByEmail(String email) {
    return jdbi.withHandle(handle -> handle.createQuery("SELECT " + COLUMNS + " FROM accounts WHERE email = :email")
        .bind("email", normalise(email)).map((rs, ctx) -> account(rs)).findOne());
  }

  public List<Account> list() {
    return jdbi.withHandle(handle -> handle.createQuery("SELECT " + COLUMNS + " FROM accounts ORDER BY email")
        .map((rs, ctx) -> account(rs)).list());
  }

  public boolean isEmpty() {
    return jdbi.withHandle(handle -> handle.createQuery("SELECT COUNT(*) FROM accounts").mapTo(Integer.class).one()) == 0;
  }

  /** The account whose password this is, if the address has an enabled account and the password matches. */
  public Optional<Account> authenticate(String email, String password) {
    record Stored(Account account, String hash) {}
    Optional<Stored> stored = jdbi.withHandle(handle -> handle.createQuery("SELECT " + COLUMNS + ", password_hash"
            + " FROM accounts WHERE email = :email")
        .bind("email", normalise(email)).map((rs, ctx) -> new Stored(account(rs), rs.getString("password_hash")))
        .findOne());
    if (stored.isEmpty()) {
      Passwords.verifyDecoy(password);
      return Optional.empty();
    }
    boolean matches = Passwords.verify(password, stored.get().hash());
    return matches && !stored.get().account().disabled() ? Optional.of(stored.get().account()) : Optional.empty();
  }

  public void setPassword(long id, String password) {
    String hash = Passwords.hash(Passwords.requireAcceptable(password));
    jdbi.useHandle(handle -> handle.createUpdate("UPDATE accounts SET password_hash = :hash, changed_at = :now"
            + " WHERE id = :id")
        .bind("hash", hash).bind("now", clock.millis()).bind("id", id).execute());
  }

  public void update(long id, Role role, boolean disabled) {
    jdbi.useHandle(handle -> handle.createUpdate("UPDATE accounts SET role = :role, disabled = :disabled,"
            + " changed_at = :now WHERE id = :id")
        .bind("role", role.key()).bind("disabled", disabled).bind("now", clock.millis()).bind("id", id).execute());
  }

  /** How many enabled admins there are; the last one may not be demoted or disabled. */
  int enabledAdmins() {
    return jdbi.withHandle(handle -> handle.createQuery("SELECT COUNT(*) FROM accounts WHERE role = 'admin'"
        + " AND disabled = FALSE").mapTo(Integer.class).one());
  }

  private static Account account(ResultSet rs) throws SQLException {
    return new Account(rs.getLong("id"), rs.getString("email"), rs.getString("name"), Role.ofKey(rs.getString("role")),
        rs.getBoolean("disabled"), Instant.ofEpochMilli(rs.getLong("created_at")));
  }
}
