package org.thinkpress.accounts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.thinkpress.testing.TestClock;
import org.thinkpress.storage.TestDatabase;

/** Login throttling per account and per address, with a clock the test moves. */
class LoginThrottleTest {

  static final String PASSWORD = "the right password";

  TestDatabase db;
  TestClock clock = new TestClock(Instant.parse("2026-03-01T10:00:00Z"));
  Accounts accounts;

  @BeforeEach
  void open() {
    db = TestDatabase.sqlite();
    var jdbi = db.database().jdbi();
    AccountStore store = new AccountStore(jdbi, clock);
    accounts = new Accounts(store, new SessionStore(jdbi, clock), new LoginThrottle(jdbi, clock), new ApiTokens(jdbi, clock));
    store.create("ana@think.example", "Ana", Role.EDITOR, PASSWORD);
  }

  @AfterEach
  void close() {
    db.close();
  }

  private LoginRefusedException refused(String email, String password, String address) {
    try {
      accounts.login(email, password, address);
    } catch (LoginRefusedException e) {
      return e;
    }
    throw new AssertionError("the login succeeded");
  }

  @Test
  void theMessageIsTheSameForAnUnknownAddressAndAWrongPassword() {
    assertThat(refused("nobody@think.example", PASSWORD, "10.0.0.1").getMessage())
        .isEqualTo(refused("ana@think.example", "wrong password!", "10.0.0.2").getMessage())
        .isEqualTo("The email address or the password is not right.");
  }

  @Test
  void afterFiveFailuresEachFailureDoublesTheWaitAndTheWaitBlocksEvenTheRightPassword() {
    for (int i = 0; i < LoginThrottle.FREE_PER_ACCOUNT; i++) {
      assertThat(refused("ana@think.example", "guess " + i, "10.0.0." + i).throttled()).isFalse();
    }
    assertThat(refused("ana@think.example", "guess 6", "10.0.1.1").throttled()).isFalse(); // sets a 1 s wait

    LoginRefusedException blocked = refused("ANA@think.example ", PASSWORD, "10.0.1.2");
    assertThat(blocked.throttled()).isTrue();
    assertThat(blocked.retryAfter()).isEqualTo(Duration.ofSeconds(1));
    assertThat(blocked.getMessage()).isEqualTo("Too many failed attempts. Please wait 1 second before trying again.");

    clock.advance(Duration.ofSeconds(1));
    refused("ana@think.example", "guess 7", "10.0.1.3"); // the seventh failure: 2 s
    assertThat(refused("ana@think.example", PASSWORD, "10.0.1.4").retryAfter()).isEqualTo(Duration.ofSeconds(2));
    clock.advance(Duration.ofSeconds(2));
    refused("ana@think.example", "guess 8", "10.0.1.5"); // the eighth: 4 s
    assertThat(refused("ana@think.example", PASSWORD, "10.0.1.6").retryAfter()).isEqualTo(Duration.ofSeconds(4));

    clock.advance(Duration.ofSeconds(4));
    assertThat(accounts.login("ana@think.example", PASSWORD, "10.0.1.7").accountId()).isPositive();
    // the success cleared the account's count: one more mistake is free again
    assertThat(refused("ana@think.example", "oops", "10.0.1.8").throttled()).isFalse();
    assertThat(accounts.login("ana@think.example", PASSWORD, "10.0.1.9").accountId()).isPositive();
  }

  @Test
  void anAddressTryingManyAccountsIsSlowedDownToo() {
    for (int i = 0; i <= LoginThrottle.FREE_PER_ADDRESS; i++) {
      refused("someone" + i + "@think.example", "guess", "192.0.2.7");
    }
    LoginRefusedException blocked = refused("ana@think.example", PASSWORD, "192.0.2.7");
    assertThat(blocked.throttled()).isTrue();
    // another address is not affected
    assertThat(accounts.login("ana@think.example", PASSWORD, "192.0.2.8").accountId()).isPositive();
  }

  @Test
  void unknownAddressesAreThrottledLikeKnownOnesSoTheThrottleRevealsNothing() {
    for (int i = 0; i <= LoginThrottle.FREE_PER_ACCOUNT; i++) {
      refused("nobody@think.example", "guess " + i, "10.1.0." + i);
    }
    assertThat(refused("nobody@think.example", "guess", "10.1.1.1").getMessage())
        .isEqualTo("Too many failed attempts. Please wait 1 second before trying again.");
  }

  @Test
  void delaysGrowToAtMostFifteenMinutes() {
    assertThat(LoginThrottle.delay(5, 5)).isEqualTo(Duration.ZERO);
    assertThat(LoginThrottle.delay(6, 5)).isEqualTo(Duration.ofSeconds(1));
    assertThat(LoginThrottle.delay(10, 5)).isEqualTo(Duration.ofSeconds(16));
    assertThat(LoginThrottle.delay(500, 5)).isEqualTo(Duration.ofMinutes(15));
  }

  @Test
  void failuresOlderThanADayAreForgotten() {
    for (int i = 0; i < 8; i++) {
      refused("ana@think.example", "guess", "10.2.0.1");
      clock.advance(Duration.ofMinutes(20));
    }
    clock.advance(Duration.ofHours(25));
    refused("ana@think.example", "guess", "10.2.0.2");
    assertThat(accounts.login("ana@think.example", PASSWORD, "10.2.0.3").accountId()).isPositive();
  }

  @Test
  void aDisabledAccountCannotSignInAndGetsTheSameMessage() {
    Account ana = accounts.store().findByEmail("ana@think.example").orElseThrow();
    accounts.store().create("root@think.example", "Root", Role.ADMIN, PASSWORD);
    accounts.update(ana.id(), Role.EDITOR, true);

    assertThat(refused("ana@think.example", PASSWORD, "10.3.0.1").getMessage())
        .isEqualTo(LoginRefusedException.WRONG);
  }

  @Test
  void theLastAdminCannotBeDemoted() {
    Account root = accounts.store().create("root@think.example", "Root", Role.ADMIN, PASSWORD);

    assertThatThrownBy(() -> accounts.update(root.id(), Role.EDITOR, false))
        .isInstanceOf(AccountException.class)
        .hasMessage("the last admin cannot be demoted or disabled; make another admin first");
  }
}
