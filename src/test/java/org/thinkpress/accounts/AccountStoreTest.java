package org.thinkpress.accounts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.time.Instant;
import org.junit.jupiter.api.BeforeEach;
import org.thinkpress.storage.EachDatabase;
import org.thinkpress.storage.TestDatabase;
import org.thinkpress.testing.TestClock;

/** Accounts are made, found, signed in, changed and disabled the same way on each database. */
final class AccountStoreTest {

  static final Instant NOW = Instant.parse("2026-03-01T10:00:00Z");
  static final String PASSWORD = "a long enough password";

  TestClock clock = new TestClock(NOW);
  AccountStore accounts;

  @BeforeEach
  void open(TestDatabase db) {
    accounts = new AccountStore(db.database().jdbi(), clock);
  }

  @EachDatabase
  void anAccountIsFoundByIdAndByItsAddressInAnyCase() {
    assertThat(accounts.isEmpty()).isTrue();

    Account ana = accounts.create("  Ana@Think.Example ", "Ana Avetisyan", Role.EDITOR, PASSWORD);

    assertThat(ana).isEqualTo(new Account(ana.id(), "ana@think.example", "Ana Avetisyan", Role.EDITOR, false, NOW));
    assertThat(accounts.find(ana.id())).hasValue(ana);
    assertThat(accounts.findByEmail("ANA@think.example")).hasValue(ana);
    assertThat(accounts.findByEmail("nobody@think.example")).isEmpty();
    assertThat(accounts.isEmpty()).isFalse();
  }

  @EachDatabase
  void theListIsOrderedByAddressAndANameDefaultsToTheLocalPart() {
    accounts.create("zara@think.example", "", Role.AUTHOR, PASSWORD);
    accounts.create("boris@think.example", null, Role.ADMIN, PASSWORD);

    assertThat(accounts.list()).extracting(Account::email, Account::name)
        .containsExactly(tuple("boris@think.example", "boris"),
            tuple("zara@think.example", "zara"));
  }

  @EachDatabase
  void aTakenAddressIsRefusedAndNothingIsWritten() {
    accounts.create("ana@think.example", "Ana", Role.AUTHOR, PASSWORD);

    assertThatThrownBy(() -> accounts.create("ANA@think.example", "Another", Role.ADMIN, PASSWORD))
        .isInstanceOf(AccountException.class)
        .hasMessage("an account with the address ana@think.example exists already");
    assertThat(accounts.list()).extracting(Account::name).containsExactly("Ana");
  }

  @EachDatabase
  void onlyTheRightPasswordOfAnEnabledAccountSignsIn() {
    Account ana = accounts.create("ana@think.example", "Ana", Role.AUTHOR, PASSWORD);

    assertThat(accounts.authenticate("Ana@think.example", PASSWORD)).hasValue(ana);
    assertThat(accounts.authenticate("ana@think.example", "a wrong but long password")).isEmpty();
    assertThat(accounts.authenticate("nobody@think.example", PASSWORD)).isEmpty();

    accounts.setPassword(ana.id(), "another long password");
    assertThat(accounts.authenticate("ana@think.example", PASSWORD)).isEmpty();
    assertThat(accounts.authenticate("ana@think.example", "another long password")).hasValue(ana);

    accounts.update(ana.id(), Role.AUTHOR, true);
    assertThat(accounts.authenticate("ana@think.example", "another long password")).isEmpty();
  }

  @EachDatabase
  void anUpdateChangesTheRoleAndTheEnabledAdminsAreCounted() {
    Account ana = accounts.create("ana@think.example", "Ana", Role.ADMIN, PASSWORD);
    Account boris = accounts.create("boris@think.example", "Boris", Role.AUTHOR, PASSWORD);
    assertThat(accounts.enabledAdmins()).isEqualTo(1);

    accounts.update(boris.id(), Role.ADMIN, false);
    assertThat(accounts.enabledAdmins()).isEqualTo(2);
    accounts.update(ana.id(), Role.ADMIN, true);

    assertThat(accounts.enabledAdmins()).isEqualTo(1);
    assertThat(accounts.find(ana.id()).orElseThrow().disabled()).isTrue();
    assertThat(accounts.find(boris.id()).orElseThrow().role()).isEqualTo(Role.ADMIN);
  }
}
