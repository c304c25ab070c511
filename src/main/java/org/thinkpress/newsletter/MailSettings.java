package org.thinkpress.newsletter;

import static java.util.Objects.requireNonNull;

import java.nio.file.Path;
import java.time.Duration;

/**
 * Where mail goes, from the {@code mail.*} settings: an SMTP relay when {@code mail.smtp.host} is
 * set, else {@code .eml} files in a pickup folder. DKIM signing when a key is configured.
 *
 * @param smtpHost the relay's host name; empty for the pickup folder
 * @param security {@code starttls} (required, the default), {@code tls} (implicit, port 465) or
 *     {@code none} (a relay on this machine)
 * @param password never logged
 * @param pickupFolder where {@code .eml} files go without SMTP
 * @param dkimDomain the {@code d=} of DKIM signatures; empty: no signing
 * @param dkimSelector the {@code s=}
 * @param dkimKeyFile a PKCS#8 PEM private key, as {@code thinkpress mail dkim-key} writes
 */
public record MailSettings(String smtpHost, int smtpPort, Security security, String user, String password,
                           Duration timeout, Path pickupFolder, String dkimDomain, String dkimSelector,
                           Path dkimKeyFile) {

  /** How the SMTP connection is protected. */
  public enum Security { STARTTLS, TLS, NONE }

  public MailSettings {
    requireNonNull(smtpHost, "smtpHost");
    requireNonNull(security, "security");
    requireNonNull(user, "user");
    requireNonNull(password, "password");
    requireNonNull(timeout, "timeout");
    requireNonNull(pickupFolder, "pickupFolder");
    requireNonNull(dkimDomain, "dkimDomain");
    requireNonNull(dkimSelector, "dkimSelector");
  }

  public boolean usesSmtp() {
    return !smtpHost.isBlank();
  }

  public boolean signs() {
    return !dkimDomain.isBlank();
  }

  public static MailSettings pickup(Path folder) {
    return new MailSettings("", 587, Security.STARTTLS, "", "", Duration.ofSeconds(30), folder, "", "", null);
  }

  public static MailSettings smtp(String host, int port, Security security) {
    return new MailSettings(host, port, security, "", "", Duration.ofSeconds(10), Path.of("."), "", "", null);
  }

  public MailSettings withDkim(String domain, String selector, Path keyFile) {
    return new MailSettings(smtpHost, smtpPort, security, user, password, timeout, pickupFolder, domain, selector, keyFile);
  }

  @Override
  public String toString() {
    return "MailSettings[smtp=" + smtpHost + ":" + smtpPort + " " + security + ", user=" + user + ", password="
        + (password.isEmpty() ? "" : "***") + ", pickup=" + pickupFolder + ", dkim=" + dkimDomain + "/" + dkimSelector + "]";
  }
}
