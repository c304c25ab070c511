package org.thinkpress.accounts;

import static java.util.Objects.requireNonNull;

import java.time.Duration;
import java.util.Optional;
import org.thinkpress.accounts.SessionStore.Session;

/**
 * Signing in and out, and what goes with it: the throttle, sessions, password changes, API tokens.
 * Handlers call this; it calls the stores.
 */
public final class Accounts {

  private final AccountStore accounts;
  private final SessionStore sessions;
  private final LoginThrottle throttle;
  private final ApiTokens apiTokens;

  public Accounts(AccountStore accounts, SessionStore sessions, LoginThrottle throttle, ApiTokens apiTokens) {
    this.accounts = requireNonNull(accounts, "accounts");
    this.sessions = requireNonNull(sessions, "sessions");
    this.throttle = requireNonNull(throttle, "throttle");
    this.apiTokens = requireNonNull(apiTokens, "apiTokens");
  }

  public AccountStore store() {
    return accounts;
  }

  public ApiTokens apiTokens() {
    return apiTokens;
  }

  /**
   * Signs in; the throttle is checked before the password, so a blocked guesser learns nothing
   * even when the guess is right.
   *
   * @param clientAddress the client's IP address, for the per-address throttle
   */
  public Session login(String email, String password, String clientAddress) {
    Duration wait = throttle.wait(email, clientAddress);
    if (!wait.isZero()) {
      throw LoginRefusedException.throttled(wait);
    }
    Optional<Account> account = accounts.authenticate(email, password);
    if (account.isEmpty()) {
      throttle.recordFailure(email, clientAddress);
      throw LoginRefusedException.wrong();
    }
    throttle.recordSuccess(email);
    return sessions.create(account.get().id());
  }

  /** The signed-in account of a session cookie; empty for an unknown, expired or disabled one. */
  public Optional<Signed> session(String token) {
    return sessions.find(token).flatMap(session -> accounts.find(session.accountId())
        .filter(account -> !account.disabled())
        .map(account -> new Signed(account, session)));
  }

  /** An account with the session it came in on. */
  public record Signed(Account account, Session session) {}

  public void logout(String token) {
    sessions.delete(token);
  }

  /** Changes the password after checking the current one; ends the account's other sessions. */
  public void changePassword(Signed signed, String current, String replacement, String repeated) {
    if (accounts.authenticate(signed.account().email(), current).isEmpty()) {
      throw new AccountException("the current password is not right");
    }
    if (!replacement.equals(repeated)) {
      throw new AccountException("the new password and its repetition differ");
    }
    accounts.setPassword(signed.account().id(), replacement);
    sessions.deleteAllOf(signed.account().id(), signed.session().token());
  }

  /** Changes another account's role or enablement; the last enabled admin stays an enabled admin. */
  public void update(long accountId, Role role, boolean disabled) {
    Account account = accounts.find(accountId).orElseThrow(() -> new AccountException("no account #" + accountId));
    boolean losesAdmin = account.role() == Role.ADMIN && !account.disabled() && (role != Role.ADMIN || disabled);
    if (losesAdmin && accounts.enabledAdmins() <= 1) {
      throw new AccountException("the last admin cannot be demoted or disabled; make another admin first");
    }
    accounts.update(accountId, role, disabled);
    if (disabled) {
      sessions.deleteAllOf(accountId, null);
    }
  }

  /** The enabled account an API token acts for. */
  public Optional<Account> apiAccount(String token) {
    return apiTokens.accountOf(token).flatMap(accounts::find).filter(account -> !account.disabled());
  }
}
