package org.thinkpress.accounts;

import static java.util.Objects.requireNonNull;

import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;

/**
 * Admin sessions, stored in the database so that every node knows them. The browser holds a random
 * token in a cookie; the table holds its SHA-256 and the session's CSRF token. A session ends
 * after {@link #IDLE} without a request, after {@link #LONGEST} in any case, at logout, and when
 * its account's password changes.
 */
public final class SessionStore {

  static final Duration IDLE = Duration.ofHours(12);
  static final Duration LONGEST = Duration.ofDays(7);
  /** Requests within this time of the last recorded one do not write, so reading pages costs no write. */
  static final Duration TOUCH_EVERY = Duration.ofMinutes(1);

  /** A live session. {@code token} is the cookie's value, known only right after {@link #create}. */
  public record Session(String token, long accountId, String csrfToken) {}

  private final Jdbi jdbi;
  private final Clock clock;

  public SessionStore(Jdbi jdbi, Clock clock) {
    this.jdbi = requireNonNull(jdbi, "jdbi");
    this.clock = requireNonNull(clock, "clock");
  }

  public Session create(long accountId) {
    String token = Tokens.random();
    String csrf = Tokens.random();
    long now = clock.millis();
    jdbi.useHandle(handle -> {
      handle.createUpdate("DELETE FROM admin_sessions WHERE expires_at < :now").bind("now", now).execute();
      handle.createUpdate("INSERT INTO admin_sessions (token_hash, account_id, csrf_token, created_at, last_seen_at,"
              + " expires_at) VALUES (:hash, :account, :csrf, :now, :now, :expires)")
          .bind("hash", Tokens.sha256(token)).bind("account", accountId).bind("csrf", csrf).bind("now", now)
          .bind("expires", now + IDLE.toMillis()).execute();
    });
    return new Session(token, accountId, csrf);
  }

  /** The live session of a cookie's token; extends its idle time. */
  Optional<Session> find(String token) {
    if (token == null || !Tokens.looksLikeToken(token)) {
      return Optional.empty();
    }
    long now = clock.millis();
    String hash = Tokens.sha256(token);
    record Row(long accountId, String csrf, long createdAt, long lastSeenAt, long expiresAt) {}
    Optional<Row> row = jdbi.withHandle(handle -> handle.createQuery("SELECT account_id, csrf_token, created_at,"
            + " last_seen_at, expires_at FROM admin_sessions WHERE token_hash = :hash")
        .bind("hash", hash)
        .map((rs, ctx) -> new Row(rs.getLong(1), rs.getString(2), rs.getLong(3), rs.getLong(4), rs.getLong(5)))
        .findOne());
    if (row.isEmpty() || row.get().expiresAt() <= now || row.get().createdAt() + LONGEST.toMillis() <= now) {
      return Optional.empty();
    }
    if (now - row.get().lastSeenAt() >= TOUCH_EVERY.toMillis()) {
      long expires = Math.min(now + IDLE.toMillis(), row.get().createdAt() + LONGEST.toMillis());
      jdbi.useHandle(handle -> handle.createUpdate("UPDATE admin_sessions SET last_seen_at = :now, expires_at = :expires"
              + " WHERE token_hash = :hash")
          .bind("now", now).bind("expires", expires).bind("hash", hash).execute());
    }
    return Optional.of(new Session(token, row.get().accountId(), row.get().csrf()));
  }

  void delete(String token) {
    if (token != null) {
      jdbi.useHandle(handle -> handle.createUpdate("DELETE FROM admin_sessions WHERE token_hash = :hash")
          .bind("hash", Tokens.sha256(token)).execute());
    }
  }

  /** Ends every session of the account except {@code keepToken} (may be null: all of them). */
  void deleteAllOf(long accountId, String keepToken) {
    jdbi.useHandle(handle -> handle.createUpdate("DELETE FROM admin_sessions WHERE account_id = :account"
            + " AND token_hash <> :keep")
        .bind("account", accountId).bind("keep", keepToken == null ? "" : Tokens.sha256(keepToken)).execute());
  }
}
