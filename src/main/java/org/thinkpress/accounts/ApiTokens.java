package org.thinkpress.accounts;

import static java.util.Objects.requireNonNull;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;

/**
 * Per-account tokens for the admin API ({@code Authorization: Bearer TOKEN}). A token is shown
 * once, when made; only its SHA-256 is stored. A token acts with its account's current role, and
 * stops working when revoked or when the account is disabled.
 */
public final class ApiTokens {

  /** The prefix that makes a token recognisable in a leaked log or a secret scanner. */
  static final String PREFIX = "tp_";

  public record ApiToken(long id, String name, Instant createdAt, Instant lastUsedAt, Instant revokedAt) {
    public boolean active() {
      return revokedAt == null;
    }
  }

  public record NewApiToken(long id, String name, String token) {}

  private final Jdbi jdbi;
  private final Clock clock;

  public ApiTokens(Jdbi jdbi, Clock clock) {
    this.jdbi = requireNonNull(jdbi, "jdbi");
    this.clock = requireNonNull(clock, "clock");
  }

  public NewApiToken create(long accountId, String name) {
    String label = name == null ? "" : name.strip();
    if (label.isEmpty() || label.length() > 100) {
      throw new AccountException("give the token a name of 1 to 100 characters, such as the script that uses it");
    }
    String token = PREFIX + Tokens.random();
    long id = jdbi.withHandle(handle -> handle.createQuery("INSERT INTO api_tokens (account_id, name, token_hash,"
            + " created_at) VALUES (:account, :name, :hash, :now) RETURNING id")
        .bind("account", accountId).bind("name", label).bind("hash", Tokens.sha256(token)).bind("now", clock.millis())
        .mapTo(Long.class).one());
    return new NewApiToken(id, label, token);
  }

  public List<ApiToken> list(long accountId) {
    return jdbi.withHandle(handle -> handle.createQuery("SELECT id, name, created_at, last_used_at, revoked_at"
            + " FROM api_tokens WHERE account_id = :account ORDER BY id DESC")
        .bind("account", accountId)
        .map((rs, ctx) -> new ApiToken(rs.getLong("id"), rs.getString("name"), instant(rs.getLong("created_at"), false),
            instant(rs.getLong("last_used_at"), rs.wasNull()), revoked(rs)))
        .list());
  }

  private static Instant revoked(java.sql.ResultSet rs) throws java.sql.SQLException {
    long value = rs.getLong("revoked_at");
    return rs.wasNull() ? null : Instant.ofEpochMilli(value);
  }

  private static Instant instant(long millis, boolean wasNull) {
    return wasNull ? null : Instant.ofEpochMilli(millis);
  }

  public boolean revoke(long accountId, long tokenId) {
    return jdbi.withHandle(handle -> handle.createUpdate("UPDATE api_tokens SET revoked_at = :now"
            + " WHERE id = :id AND account_id = :account AND revoked_at IS NULL")
        .bind("now", clock.millis()).bind("id", tokenId).bind("account", accountId).execute()) == 1;
  }

  /** The account an active token belongs to; records when it was last used. */
  Optional<Long> accountOf(String token) {
    if (token == null || !token.startsWith(PREFIX) || !Tokens.looksLikeToken(token.substring(PREFIX.length()))) {
      return Optional.empty();
    }
    String hash = Tokens.sha256(token);
    return jdbi.withHandle(handle -> {
      Optional<Long> account = handle.createQuery("SELECT account_id FROM api_tokens WHERE token_hash = :hash"
              + " AND revoked_at IS NULL")
          .bind("hash", hash).mapTo(Long.class).findOne();
      account.ifPresent(id -> handle.createUpdate("UPDATE api_tokens SET last_used_at = :now WHERE token_hash = :hash")
          .bind("now", clock.millis()).bind("hash", hash).execute());
      return account;
    });
  }
}
