package org.thinkpress.accounts;

import com.password4j.Argon2Function;
import com.password4j.Password;
import com.password4j.types.Argon2;

/**
 * Password hashing with Argon2id (password4j) at the OWASP recommended cost: 19 MiB of memory, 2
 * passes, 1 lane. The hash string carries its parameters, so hashes made with another cost still
 * verify after the cost is raised.
 */
final class Passwords {

  static final int MIN_LENGTH = 12;
  static final int MAX_LENGTH = 1000;

  private static final Argon2Function ARGON2 = Argon2Function.getInstance(19 * 1024, 2, 1, 32, Argon2.ID);

  /** A hash of a password nobody has, verified when an address is unknown so that timing tells nothing. */
  private static final String DECOY = hash("decoy password that no account has");

  private Passwords() {}

  static String hash(String password) {
    return Password.hash(password).addRandomSalt(16).with(ARGON2).getResult();
  }

  static boolean verify(String password, String hash) {
    if (password == null || hash == null || password.length() > MAX_LENGTH) {
      return false;
    }
    return Password.check(password, hash).with(Argon2Function.getInstanceFromHash(hash));
  }

  /** Spends the time of one verification, for an address that has no account. */
  static void verifyDecoy(String password) {
    verify(password == null ? "" : password, DECOY);
  }

  /** Refuses passwords too short to resist guessing, or absurdly long. */
  static String requireAcceptable(String password) {
    if (password == null || password.codePointCount(0, password.length()) < MIN_LENGTH) {
      throw new AccountException("the password must have at least " + MIN_LENGTH + " characters");
    }
    if (password.length() > MAX_LENGTH) {
      throw new AccountException("the password must have at most " + MAX_LENGTH + " characters");
    }
    return password;
  }
}
