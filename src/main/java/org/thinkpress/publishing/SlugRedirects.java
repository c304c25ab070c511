package org.thinkpress.publishing;

import static java.util.Objects.requireNonNull;

import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/**
 * Old slugs of renamed publications, topics, regions and experts, recorded in the transaction of
 * the rename. Chains collapse (a renamed twice answers with the latest slug in one hop), and a
 * slug taken by something new stops redirecting. The public site asks here only after a miss.
 */
public final class SlugRedirects implements MovedContent {

  private final Jdbi jdbi;

  public SlugRedirects(Jdbi jdbi) {
    this.jdbi = requireNonNull(jdbi, "jdbi");
  }

  /** Records that {@code kind} {@code oldSlug} is now {@code newSlug}; call inside the rename's transaction. */
  static void record(Handle handle, String kind, String oldSlug, String newSlug, long now) {
    handle.createUpdate("DELETE FROM slug_redirects WHERE kind = :kind AND old_slug IN (:old, :new)")
        .bind("kind", kind).bind("old", oldSlug).bind("new", newSlug).execute();
    handle.createUpdate("UPDATE slug_redirects SET new_slug = :new WHERE kind = :kind AND new_slug = :old")
        .bind("kind", kind).bind("old", oldSlug).bind("new", newSlug).execute();
    handle.createUpdate("INSERT INTO slug_redirects (kind, old_slug, new_slug, created_at) VALUES (:kind, :old, :new, :now)")
        .bind("kind", kind).bind("old", oldSlug).bind("new", newSlug).bind("now", now).execute();
  }

  /** A new piece or taxon took {@code slug}: it no longer redirects anywhere. */
  static void forget(Handle handle, String kind, String slug) {
    handle.createUpdate("DELETE FROM slug_redirects WHERE kind = :kind AND old_slug = :slug")
        .bind("kind", kind).bind("slug", slug).execute();
  }

  /**
   * The current slug for an old one; for a publication only when readers may see it now (published
   * or archived), so that an old link never reveals the new address of a withdrawn draft. Site
   * pages' redirects are recorded as a publication's; {@code kind} {@code "page"} finds those whose
   * piece is a page now, and {@code "publication"} those whose piece is not.
   */
  @Override
  public Optional<String> newSlug(String kind, String oldSlug) {
    String target = switch (kind) {
      case "publication" -> "publications t ON t.slug = r.new_slug AND t.status IN ('published', 'archived')"
          + " AND t.type <> 'page'";
      case "page" -> "publications t ON t.slug = r.new_slug AND t.status IN ('published', 'archived')"
          + " AND t.type = 'page'";
      case "topic" -> "topics t ON t.slug = r.new_slug";
      case "region" -> "regions t ON t.slug = r.new_slug";
      case "expert" -> "experts t ON t.slug = r.new_slug";
      default -> null;
    };
    if (target == null) {
      return Optional.empty();
    }
    return jdbi.withHandle(handle -> handle.createQuery("SELECT r.new_slug FROM slug_redirects r JOIN " + target
            + " WHERE r.kind = :kind AND r.old_slug = :old")
        .bind("kind", kind.equals("page") ? "publication" : kind).bind("old", oldSlug)
        .mapTo(String.class).findOne());
  }
}
