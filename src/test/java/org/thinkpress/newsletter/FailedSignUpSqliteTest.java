package org.thinkpress.newsletter;

import java.util.ArrayList;
import java.util.List;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.thinkpress.storage.Dialect;

/**
 * On SQLite the fault is a full database: {@code PRAGMA max_page_count} holds the file at its
 * size, and the outbox table's page is filled until not even a row like the sign-up's fits.
 */
class FailedSignUpSqliteTest extends FailedSignUpContract {

  /** The pool's size in {@link org.thinkpress.storage.TestDatabase}: the pragma is per connection. */
  static final int POOL = 4;
  static final long FAR_FUTURE = 4_102_444_800_000L;

  @Override
  Dialect dialect() {
    return Dialect.SQLITE;
  }

  @Override
  String refusal() {
    return "SQLITE_FULL";
  }

  @Override
  void refuseOutboxWrites(Jdbi jdbi) {
    long send = jdbi.withHandle(h -> h.createQuery("INSERT INTO sends (send_key, kind, subject, created_at)"
        + " VALUES ('padding', 'campaign', 'padding', 0) RETURNING id").mapTo(Long.class).one());
    List<Long> padding = new ArrayList<>();
    for (int i = 0; i < 60; i++) {
      String email = String.format("padding-%02d@x.org", i);
      padding.add(jdbi.withHandle(h -> h.createQuery("INSERT INTO subscribers (email, language, status, created_at,"
          + " changed_at) VALUES (:email, 'en', 'unsubscribed', 0, 0) RETURNING id").bind("email", email)
          .mapTo(Long.class).one()));
    }
    maxPageCount(jdbi, 1); // clamped to the file's current size
    jdbi.useHandle(h -> {
      int size = 1800;
      int next = 0;
      while (next < padding.size()) {
        try {
          h.createUpdate("INSERT INTO outbox (send_id, subscriber_id, status, items, next_attempt_at, changed_at)"
                  + " VALUES (:send, :subscriber, 'queued', :items, :later, :later)")
              .bind("send", send).bind("subscriber", padding.get(next)).bind("items", "9".repeat(size))
              .bind("later", FAR_FUTURE).execute();
          next++;
        } catch (RuntimeException full) {
          if (size == 0) {
            return; // not even an empty row fits: the next outbox row needs a page the file may not grow
          }
          size /= 2;
        }
      }
      throw new AssertionError("the outbox page never filled up");
    });
  }

  @Override
  void allowOutboxWrites(Jdbi jdbi) {
    maxPageCount(jdbi, 1_073_741_823);
    jdbi.useHandle(h -> {
      h.execute("DELETE FROM sends WHERE send_key = 'padding'"); // its outbox rows go with it
      h.execute("DELETE FROM subscribers WHERE email LIKE 'padding-%'");
    });
  }

  private static void maxPageCount(Jdbi jdbi, long pages) {
    List<Handle> handles = new ArrayList<>();
    try {
      for (int i = 0; i < POOL; i++) {
        Handle handle = jdbi.open();
        handles.add(handle);
        handle.createQuery("PRAGMA max_page_count = " + pages).mapTo(Long.class).one();
      }
    } finally {
      handles.forEach(Handle::close);
    }
  }
}
