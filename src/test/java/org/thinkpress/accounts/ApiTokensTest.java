package org.thinkpress.accounts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.BeforeEach;
import org.thinkpress.storage.EachDatabase;
import org.thinkpress.storage.TestDatabase;
import org.thinkpress.testing.TestClock;

/** API tokens are made, used, listed and revoked the same way on each database. */
final class ApiTokensTest {

  static final Instant NOW = Instant.parse("2026-03-01T10:00:00Z");

  TestClock clock = new TestClock(NOW);
  TestDatabase db;
  ApiTokens tokens;
  Account ana;
  Account boris;

  @BeforeEach
  void open(TestDatabase db) {
    this.db = db;
    tokens = new ApiTokens(db.database().jdbi(), clock);
    AccountStore accounts = new AccountStore(db.database().jdbi(), clock);
    ana = accounts.create("ana@think.example", "Ana", Role.EDITOR, "a long enough password");
    boris = accounts.create("boris@think.example", "Boris", Role.AUTHOR, "a long enough password");
  }

  @EachDatabase
  void aNewTokenIsShownOnceAndStoredOnlyAsItsHash() {
    ApiTokens.NewApiToken made = tokens.create(ana.id(), "  import script ");

    assertThat(made.name()).isEqualTo("import script");
    assertThat(made.token()).startsWith(ApiTokens.PREFIX);
    String stored = db.database().jdbi().withHandle(h -> h.createQuery("SELECT token_hash FROM api_tokens")
        .mapTo(String.class).one());
    assertThat(stored).isEqualTo(Tokens.sha256(made.token())).isNotEqualTo(made.token());
    assertThat(tokens.list(ana.id())).containsExactly(new ApiTokens.ApiToken(made.id(), "import script", NOW, null, null));
  }

  @EachDatabase
  void aTokenNamesItsAccountAndItsUseIsRecorded() {
    ApiTokens.NewApiToken made = tokens.create(ana.id(), "script");
    clock.advance(Duration.ofMinutes(5));

    assertThat(tokens.accountOf(made.token())).hasValue(ana.id());
    assertThat(tokens.accountOf(ApiTokens.PREFIX + "not-a-token")).isEmpty();
    assertThat(tokens.accountOf(null)).isEmpty();
    assertThat(tokens.list(ana.id())).singleElement().satisfies(token -> {
      assertThat(token.lastUsedAt()).isEqualTo(NOW.plus(Duration.ofMinutes(5)));
      assertThat(token.active()).isTrue();
    });
  }

  @EachDatabase
  void aRevokedTokenStopsWorkingAndOnlyItsOwnerRevokesIt() {
    ApiTokens.NewApiToken older = tokens.create(ana.id(), "older");
    ApiTokens.NewApiToken newer = tokens.create(ana.id(), "newer");
    clock.advance(Duration.ofHours(1));

    assertThat(tokens.revoke(boris.id(), older.id())).isFalse();
    assertThat(tokens.revoke(ana.id(), older.id())).isTrue();
    assertThat(tokens.revoke(ana.id(), older.id())).isFalse();

    assertThat(tokens.accountOf(older.token())).isEmpty();
    assertThat(tokens.accountOf(newer.token())).hasValue(ana.id());
    assertThat(tokens.list(ana.id())).extracting(ApiTokens.ApiToken::name, ApiTokens.ApiToken::revokedAt)
        .containsExactly(tuple("newer", null),
            tuple("older", NOW.plus(Duration.ofHours(1))));
    assertThat(tokens.list(boris.id())).isEmpty();
  }

  @EachDatabase
  void aTokenNeedsAName() {
    assertThatThrownBy(() -> tokens.create(ana.id(), "  "))
        .isInstanceOf(AccountException.class)
        .hasMessage("give the token a name of 1 to 100 characters, such as the script that uses it");
    assertThat(tokens.list(ana.id())).isEmpty();
  }
}
