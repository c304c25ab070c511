package org.thinkpress.newsletter;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.interfaces.RSAPrivateKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Base64;
import org.simplejavamail.utils.mail.dkim.Canonicalization;
import org.simplejavamail.utils.mail.dkim.DkimSigner;
import org.simplejavamail.utils.mail.dkim.SigningAlgorithm;
import org.thinkpress.ThinkPressException;

/**
 * DKIM keys: RSA 2048-bit pairs as PEM, the DNS TXT record that publishes the public half, and
 * the signer ({@code rsa-sha256}, relaxed/relaxed) used for every message when a key is set.
 */
public final class DkimKeys {

  public static final int BITS = 2048;

  private DkimKeys() {}

  /** A new key pair: the private key as PKCS#8 PEM, the public key as the base64 of its DER. */
  public record Generated(String privateKeyPem, String publicKeyBase64) {

    /** The TXT record to publish at {@code SELECTOR._domainkey.DOMAIN}. */
    public String dnsRecord(String selector, String domain) {
      return selector + "._domainkey." + domain + ". IN TXT \"v=DKIM1; k=rsa; p=" + publicKeyBase64 + "\"";
    }

    /** The TXT value alone, split in strings of at most 255 characters as DNS requires. */
    public String txtValue() {
      String value = "v=DKIM1; k=rsa; p=" + publicKeyBase64;
      StringBuilder split = new StringBuilder();
      for (int i = 0; i < value.length(); i += 255) {
        split.append(split.length() == 0 ? "" : " ").append('"').append(value, i, Math.min(value.length(), i + 255)).append('"');
      }
      return split.toString();
    }
  }

  public static Generated generate() {
    try {
      KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
      generator.initialize(BITS);
      KeyPair pair = generator.generateKeyPair();
      String pem = "-----BEGIN PRIVATE KEY-----\n"
          + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(pair.getPrivate().getEncoded())
          + "\n-----END PRIVATE KEY-----\n";
      return new Generated(pem, Base64.getEncoder().encodeToString(pair.getPublic().getEncoded()));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("RSA is part of every Java runtime", e);
    }
  }

  /** Reads a PKCS#8 PEM private key. */
  public static RSAPrivateKey load(Path file) {
    try {
      String pem = Files.readString(file, StandardCharsets.US_ASCII);
      if (pem.contains("BEGIN RSA PRIVATE KEY")) {
        throw new DkimKeyException(file + " holds a PKCS#1 key; convert it with"
            + " 'openssl pkcs8 -topk8 -nocrypt -in OLD -out NEW' or make a new one with 'thinkpress mail dkim-key'");
      }
      String base64 = pem.replaceAll("-----(BEGIN|END) PRIVATE KEY-----", "").replaceAll("\\s", "");
      byte[] der = Base64.getDecoder().decode(base64);
      RSAPrivateKey key = (RSAPrivateKey) KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(der));
      if (key.getModulus().bitLength() < BITS) {
        throw new DkimKeyException(file + " holds a " + key.getModulus().bitLength() + "-bit key; DKIM needs at least " + BITS);
      }
      return key;
    } catch (IOException e) {
      throw new DkimKeyException("cannot read the DKIM key " + file + ": " + e.getMessage());
    } catch (GeneralSecurityException | IllegalArgumentException | ClassCastException e) {
      throw new DkimKeyException(file + " is not an RSA private key in PKCS#8 PEM form: " + e.getMessage());
    }
  }

  /** A signer for messages from {@code domain}, covering the RFC 8058 headers too. */
  static DkimSigner signer(String domain, String selector, RSAPrivateKey key) {
    try {
      DkimSigner signer = new DkimSigner(domain, selector, key);
      signer.setSigningAlgorithm(SigningAlgorithm.SHA256_WITH_RSA);
      signer.setHeaderCanonicalization(Canonicalization.RELAXED);
      signer.setBodyCanonicalization(Canonicalization.RELAXED);
      signer.setCheckDomainKey(false);
      signer.setLengthParam(false);
      signer.addHeaderToSign("List-Unsubscribe");
      signer.addHeaderToSign("List-Unsubscribe-Post");
      signer.addHeaderToSign("List-Id");
      return signer;
    } catch (Exception e) {
      throw new DkimKeyException("cannot sign for " + domain + ": " + e.getMessage());
    }
  }

  /** The DKIM key is missing, unreadable or too weak; the message names the file. */
  public static final class DkimKeyException extends ThinkPressException {
    DkimKeyException(String message) {
      super(Kind.BAD_INPUT, message);
    }
  }
}
