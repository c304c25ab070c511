package org.thinkpress.imports;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;
import org.jdbi.v3.core.Handle;

/**
 * What earlier imports of the same source brought in (table {@code import_items}): by the source's
 * own key, what each thing became and a fingerprint of what the source said, so that a second run
 * updates what changed, adds what is new and leaves the rest alone.
 */
final class ImportLedger {

  /** One thing brought in before. */
  record Entry(String target, String fingerprint) {}

  private final Handle handle;
  private final String source;
  private final long now;

  ImportLedger(Handle handle, String source, long now) {
    this.handle = handle;
    this.source = source;
    this.now = now;
  }

  Optional<Entry> find(String kind, String sourceId) {
    return handle.createQuery("SELECT target, fingerprint FROM import_items WHERE source = :source AND kind = :kind"
            + " AND source_id = :id")
        .bind("source", source).bind("kind", kind).bind("id", sourceId)
        .map((rs, ctx) -> new Entry(rs.getString(1), rs.getString(2))).findOne();
  }

  /** Records what {@code sourceId} became, with the fingerprint of what the source said. */
  void record(String kind, String sourceId, String target, String fingerprint) {
    int updated = handle.createUpdate("UPDATE import_items SET target = :target, fingerprint = :fingerprint,"
            + " changed_at = :now WHERE source = :source AND kind = :kind AND source_id = :id")
        .bind("target", target).bind("fingerprint", fingerprint).bind("now", now)
        .bind("source", source).bind("kind", kind).bind("id", sourceId).execute();
    if (updated == 0) {
      handle.createUpdate("INSERT INTO import_items (source, kind, source_id, target, fingerprint, imported_at, changed_at)"
              + " VALUES (:source, :kind, :id, :target, :fingerprint, :now, :now)")
          .bind("source", source).bind("kind", kind).bind("id", sourceId).bind("target", target)
          .bind("fingerprint", fingerprint).bind("now", now).execute();
    }
  }

  /** The SHA-256 of a value's text form, as hex: records print every component, in order. */
  static String fingerprint(Object value) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
          .digest(String.valueOf(value).getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JVM has SHA-256", e);
    }
  }
}
