package org.thinkpress.accounts;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.BeforeEach;
import org.thinkpress.storage.EachDatabase;
import org.thinkpress.storage.TestDatabase;
import org.thinkpress.testing.TestClock;

/** Sessions end when idle, at their longest age, at logout and when the password changes; on each database. */
class SessionStoreTest {

  TestDatabase db;
  TestClock clock = new TestClock(Instant.parse("2026-03-01T10:00:00Z"));
  SessionStore sessions;
  AccountStore accounts;
  Account ana;

  @BeforeEach
  void open(TestDatabase db) {
    this.db = db;
    sessions = new SessionStore(db.database().jdbi(), clock);
    accounts = new AccountStore(db.database().jdbi(), clock);
    ana = accounts.create("ana@think.example", "Ana", Role.AUTHOR, "a long enough password");
  }

  @EachDatabase
  void anIdleSessionEndsAfterTwelveHoursAndUseKeepsItAlive() {
    SessionStore.Session session = sessions.create(ana.id());

    clock.advance(Duration.ofHours(11));
    assertThat(sessions.find(session.token())).isPresent(); // used: another 12 hours from now
    clock.advance(Duration.ofHours(11));
    assertThat(sessions.find(session.token())).isPresent();
    clock.advance(SessionStore.IDLE);
    assertThat(sessions.find(session.token())).isEmpty();
  }

  @EachDatabase
  void noSessionOutlivesSevenDays() {
    SessionStore.Session session = sessions.create(ana.id());
    for (int elapsed = 6; elapsed < 7 * 24; elapsed += 6) {
      clock.advance(Duration.ofHours(6));
      assertThat(sessions.find(session.token())).as("after " + elapsed + " hours").isPresent();
    }
    clock.advance(Duration.ofHours(6));
    assertThat(sessions.find(session.token())).isEmpty();
  }

  @EachDatabase
  void changingThePasswordEndsTheOtherSessions() {
    SessionStore.Session laptop = sessions.create(ana.id());
    SessionStore.Session phone = sessions.create(ana.id());
    Accounts service = new Accounts(accounts, sessions, new LoginThrottle(db.database().jdbi(), clock),
        new ApiTokens(db.database().jdbi(), clock));
    Accounts.Signed signed = service.session(laptop.token()).orElseThrow();

    service.changePassword(signed, "a long enough password", "another long password", "another long password");

    assertThat(sessions.find(laptop.token())).isPresent();
    assertThat(sessions.find(phone.token())).isEmpty();
    assertThat(accounts.authenticate("ana@think.example", "another long password")).isPresent();
  }

  @EachDatabase
  void theTableHoldsOnlyAHashOfTheCookie() {
    SessionStore.Session session = sessions.create(ana.id());
    String stored = db.database().jdbi().withHandle(h -> h.createQuery("SELECT token_hash FROM admin_sessions")
        .mapTo(String.class).one());

    assertThat(stored).matches("[0-9a-f]{64}").isNotEqualTo(session.token());
    assertThat(sessions.find("not a token")).isEmpty();
  }
}
