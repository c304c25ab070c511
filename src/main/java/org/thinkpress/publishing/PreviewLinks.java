package org.thinkpress.publishing;

import static java.util.Objects.requireNonNull;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;
import org.thinkpress.accounts.Tokens;

/**
 * Unguessable links to a piece in any status, for reviewers without an account. The token (256
 * random bits) is shown once, when the link is made; only its SHA-256 is stored. A revoked link
 * stops working at once, on every node.
 */
public final class PreviewLinks {

  /** A link as its piece's page lists it: no token, which is not stored. */
  public record PreviewLink(long id, long publicationId, Instant createdAt, Instant revokedAt) {
    public boolean active() {
      return revokedAt == null;
    }
  }

  /** A link just made; {@code token} goes in the URL {@code /preview/TOKEN}. */
  public record NewPreviewLink(long id, String token) {}

  private final Jdbi jdbi;
  private final Clock clock;

  public PreviewLinks(Jdbi jdbi, Clock clock) {
    this.jdbi = requireNonNull(jdbi, "jdbi");
    this.clock = requireNonNull(clock, "clock");
  }

  NewPreviewLink create(long publicationId, long accountId) {
    String token = Tokens.random();
    long id = jdbi.withHandle(handle -> handle.createQuery("INSERT INTO preview_links (publication_id, token_hash,"
            + " created_by, created_at) VALUES (:publication, :hash, :account, :now) RETURNING id")
        .bind("publication", publicationId).bind("hash", Tokens.sha256(token)).bind("account", accountId)
        .bind("now", clock.millis())
        .mapTo(Long.class).one());
    return new NewPreviewLink(id, token);
  }

  /** Revokes a link of the piece; returns whether it was active. */
  boolean revoke(long publicationId, long linkId) {
    return jdbi.withHandle(handle -> handle.createUpdate("UPDATE preview_links SET revoked_at = :now"
            + " WHERE id = :id AND publication_id = :publication AND revoked_at IS NULL")
        .bind("now", clock.millis()).bind("id", linkId).bind("publication", publicationId).execute()) == 1;
  }

  List<PreviewLink> list(long publicationId) {
    return jdbi.withHandle(handle -> handle.createQuery("SELECT id, publication_id, created_at, revoked_at"
            + " FROM preview_links WHERE publication_id = :publication ORDER BY id DESC")
        .bind("publication", publicationId)
        .map((rs, ctx) -> {
          long revoked = rs.getLong("revoked_at");
          Instant revokedAt = rs.wasNull() ? null : Instant.ofEpochMilli(revoked);
          return new PreviewLink(rs.getLong("id"), rs.getLong("publication_id"),
              Instant.ofEpochMilli(rs.getLong("created_at")), revokedAt);
        })
        .list());
  }

  /** The piece an active link shows, by its token. */
  public Optional<Long> publicationFor(String token) {
    if (token == null || !Tokens.looksLikeToken(token)) {
      return Optional.empty();
    }
    return jdbi.withHandle(handle -> handle.createQuery("SELECT publication_id FROM preview_links"
            + " WHERE token_hash = :hash AND revoked_at IS NULL")
        .bind("hash", Tokens.sha256(token))
        .mapTo(Long.class).findOne());
  }
}
