package org.thinkpress.subscribers;

import java.net.IDN;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Checks and normalises the addresses people type. Deliberately stricter than RFC 5322: a
 * dot-atom local part and a DNS domain, nothing quoted, no comments, no display name, and no
 * control character anywhere, so an address can never smuggle a header or a second recipient
 * into a message.
 */
public final class EmailAddresses {

  /** RFC 5321's limit on a whole path. */
  public static final int MAX_LENGTH = 254;
  private static final int MAX_LOCAL = 64;
  private static final Pattern LOCAL = Pattern.compile("[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+(\\.[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+)*");
  private static final Pattern LABEL = Pattern.compile("[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?");

  private EmailAddresses() {}

  /**
   * The address lower-cased, with an internationalised domain in its ASCII form.
   *
   * @throws InvalidSubscriptionException saying what is wrong, without echoing the input
   */
  public static String normalize(String raw) {
    if (raw == null || raw.isBlank()) {
      throw new InvalidSubscriptionException("an email address is required");
    }
    if (raw.length() > MAX_LENGTH * 2) {
      throw new InvalidSubscriptionException("the email address is longer than " + MAX_LENGTH + " characters");
    }
    String address = raw.strip();
    for (int i = 0; i < address.length(); i++) {
      char c = address.charAt(i);
      if (Character.isISOControl(c) || Character.isWhitespace(c) || c == ',' || c == '<' || c == '>' || c == '"'
          || c == '(' || c == ')' || c == ';' || c == ':' || c == '\\' || c == '[' || c == ']') {
        throw new InvalidSubscriptionException("the email address contains a character that is not allowed");
      }
    }
    int at = address.lastIndexOf('@');
    if (at <= 0 || at == address.length() - 1 || address.indexOf('@') != at) {
      throw new InvalidSubscriptionException("the email address must look like name@example.org");
    }
    String local = address.substring(0, at);
    String domain;
    try {
      domain = IDN.toASCII(address.substring(at + 1), IDN.USE_STD3_ASCII_RULES).toLowerCase(Locale.ROOT);
    } catch (IllegalArgumentException e) {
      throw new InvalidSubscriptionException("the email address has an invalid domain");
    }
    if (local.length() > MAX_LOCAL || !LOCAL.matcher(local).matches()) {
      throw new InvalidSubscriptionException("the part of the email address before @ is not valid");
    }
    String[] labels = domain.split("\\.", -1);
    if (labels.length < 2) {
      throw new InvalidSubscriptionException("the email address must have a full domain such as example.org");
    }
    for (String label : labels) {
      if (!LABEL.matcher(label).matches()) {
        throw new InvalidSubscriptionException("the email address has an invalid domain");
      }
    }
    String normalized = local.toLowerCase(Locale.ROOT) + "@" + domain;
    if (normalized.length() > MAX_LENGTH) {
      throw new InvalidSubscriptionException("the email address is longer than " + MAX_LENGTH + " characters");
    }
    return normalized;
  }

  /** Whether {@link #normalize} accepts the address. */
  public static boolean isValid(String raw) {
    try {
      normalize(raw);
      return true;
    } catch (InvalidSubscriptionException e) {
      return false;
    }
  }

  /** The domain of a valid address. */
  public static String domainOf(String address) {
    return address.substring(address.lastIndexOf('@') + 1);
  }

  /** An address shortened for logs: {@code j***@example.org}. Logs never carry whole addresses. */
  public static String masked(String address) {
    int at = address.lastIndexOf('@');
    return at <= 0 ? "***" : address.charAt(0) + "***" + address.substring(at);
  }

  /** Anything in a free text that looks like an address: what a mail server's answer may quote. */
  private static final Pattern ANYWHERE = Pattern.compile("[^\\s<>()\\[\\],;:\"']+@[^\\s<>()\\[\\],;:\"']+");

  /**
   * The text with every address in it replaced by {@code [address]}, for people who may not see
   * subscribers' addresses (a mail server's error such as {@code 550 5.1.1 <ana@x.org>: unknown}).
   */
  public static String withoutAddresses(String text) {
    return text == null ? "" : ANYWHERE.matcher(text).replaceAll("[address]");
  }
}
