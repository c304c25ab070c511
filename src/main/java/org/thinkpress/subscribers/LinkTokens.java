package org.thinkpress.subscribers;

import static java.util.Objects.requireNonNull;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.jdbi.v3.core.Jdbi;

/**
 * Signs and checks the tokens in links sent by email, so that a link is its own proof: no
 * account, no session. A token is {@code PAYLOAD.MAC}: the payload names its purpose and what it
 * is about, the MAC is HMAC-SHA256 (truncated to 128 bits) of the payload under a secret key made
 * on first start and kept in the database ({@code subscriber_keys}), shared by every node and
 * never logged.
 *
 * <ul>
 * <li>confirmation: {@code c.SUBSCRIBER.EXPIRES.NONCE}; expires; single-use, because the
 *     subscriber row holds the live nonce and confirming clears it.</li>
 * <li>preferences and unsubscribe: {@code p.SUBSCRIBER}; no expiry, because an unsubscribe link
 *     in an old message must still work (RFC 8058 and the law in most places say so).</li>
 * <li>view in browser: {@code v.SEND.SUBSCRIBER}.</li>
 * </ul>
 */
public final class LinkTokens {

  static final String KEY_NAME = "link-token-hmac";
  private static final int MAC_BYTES = 16;
  private static final SecureRandom RANDOM = new SecureRandom();

  private final byte[] key;
  private final Clock clock;

  LinkTokens(byte[] key, Clock clock) {
    this.key = key.clone();
    this.clock = requireNonNull(clock, "clock");
  }

  /** The tokens signed with the stored key, generating and storing one on first use. */
  public static LinkTokens loadOrCreate(Jdbi jdbi, Clock clock) {
    byte[] fresh = new byte[32];
    RANDOM.nextBytes(fresh);
    String encoded = Base64.getEncoder().encodeToString(fresh);
    String stored = jdbi.inTransaction(handle -> {
      handle.createUpdate("INSERT INTO subscriber_keys (name, value, created_at) VALUES (:name, :value, :now)"
              + " ON CONFLICT (name) DO NOTHING")
          .bind("name", KEY_NAME).bind("value", encoded).bind("now", clock.millis()).execute();
      return handle.createQuery("SELECT value FROM subscriber_keys WHERE name = :name")
          .bind("name", KEY_NAME).mapTo(String.class).one();
    });
    return new LinkTokens(Base64.getDecoder().decode(stored), clock);
  }

  /** A fresh random nonce for a confirmation link. */
  static String newNonce() {
    byte[] nonce = new byte[12];
    RANDOM.nextBytes(nonce);
    return HexFormat.of().formatHex(nonce);
  }

  String confirmation(long subscriberId, Instant expires, String nonce) {
    return sign("c." + subscriberId + "." + expires.getEpochSecond() + "." + nonce);
  }

  /** The token of a subscriber's preferences page and one-click unsubscribe link. */
  public String preferences(long subscriberId) {
    return sign("p." + subscriberId);
  }

  /** The token of a message's "view in browser" link. */
  public String view(long sendId, long subscriberId) {
    return sign("v." + sendId + "." + subscriberId);
  }

  /** A confirmation token's content once its signature and expiry are checked. */
  record Confirmation(long subscriberId, String nonce) {}

  Confirmation checkConfirmation(String token) {
    String[] parts = verify(token, 'c', 4);
    long expires = number(parts[2]);
    if (clock.instant().getEpochSecond() >= expires) {
      throw new InvalidLinkException(InvalidLinkException.Reason.EXPIRED);
    }
    return new Confirmation(number(parts[1]), parts[3]);
  }

  /** The subscriber a preferences token is for. */
  public long checkPreferences(String token) {
    return number(verify(token, 'p', 2)[1]);
  }

  /** The (send, subscriber) a view token is for. */
  public long[] checkView(String token) {
    String[] parts = verify(token, 'v', 3);
    return new long[] {number(parts[1]), number(parts[2])};
  }

  /**
   * A short, stable, unguessable tag of a value, for Message-IDs: derived, so that a message sent
   * twice after a crash carries the same Message-ID.
   */
  public String tag(String value) {
    return mac(value).substring(0, 12);
  }

  private String sign(String payload) {
    return payload + "." + mac(payload);
  }

  private String mac(String payload) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(key, "HmacSHA256"));
      byte[] full = mac.doFinal(payload.getBytes(StandardCharsets.US_ASCII));
      return Base64.getUrlEncoder().withoutPadding().encodeToString(Arrays.copyOf(full, MAC_BYTES));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 is part of every Java runtime", e);
    }
  }

  private String[] verify(String token, char purpose, int fields) {
    if (token == null || token.length() > 200) {
      throw new InvalidLinkException(InvalidLinkException.Reason.TAMPERED);
    }
    int dot = token.lastIndexOf('.');
    if (dot <= 0) {
      throw new InvalidLinkException(InvalidLinkException.Reason.TAMPERED);
    }
    String payload = token.substring(0, dot);
    byte[] given = token.substring(dot + 1).getBytes(StandardCharsets.US_ASCII);
    byte[] expected = mac(payload).getBytes(StandardCharsets.US_ASCII);
    if (!MessageDigest.isEqual(given, expected)) {
      throw new InvalidLinkException(InvalidLinkException.Reason.TAMPERED);
    }
    String[] parts = payload.split("\\.");
    if (parts.length != fields || parts[0].length() != 1 || parts[0].charAt(0) != purpose) {
      throw new InvalidLinkException(InvalidLinkException.Reason.TAMPERED);
    }
    return parts;
  }

  private static long number(String digits) {
    if (!digits.matches("[0-9]{1,18}")) {
      throw new InvalidLinkException(InvalidLinkException.Reason.TAMPERED);
    }
    return Long.parseLong(digits);
  }
}
