package org.thinkpress.newsletter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.thinkpress.content.Fixtures;
import org.thinkpress.storage.Dialect;

/**
 * A DKIM-signed message checked by an independent verifier: dkimpy, the library behind Debian's
 * {@code dkimverify} (package python3-dkim, installed by {@code .ci/run}), given the public key
 * the way DNS would give it. A tampered copy must fail the same check, so the check can fail.
 */
class DkimTest {

  static final Path SYSTEM_PYTHON = Path.of("/usr/bin/python3");
  static final String VERIFY = String.join("\n",
      "import sys, dkim",
      "record = open(sys.argv[1], 'rb').read()",
      "message = open(sys.argv[2], 'rb').read()",
      "def dns(name, timeout=5):",
      "    return record if name == b'tp2026._domainkey.think.example.' else None",
      "print('signature ok' if dkim.verify(message, dnsfunc=dns, minkey=2048) else 'signature verification failed')");

  Path folder;
  NewsletterFixture fixture;
  DkimKeys.Generated key;

  @BeforeEach
  void open() throws IOException {
    folder = Files.createTempDirectory("thinkpress-dkim-");
    key = DkimKeys.generate();
    Path keyFile = folder.resolve("dkim.pem");
    Files.writeString(keyFile, key.privateKeyPem());
    Files.writeString(folder.resolve("record.txt"), "v=DKIM1; k=rsa; p=" + key.publicKeyBase64());
    Path outbox = folder.resolve("outbox");
    fixture = new NewsletterFixtureWithMail(Dialect.SQLITE, MailSettings.pickup(outbox).withDkim("think.example", "tp2026",
        keyFile)).fixture;
  }

  @AfterEach
  void close() throws IOException {
    fixture.close();
    try (var paths = Files.walk(folder)) {
      paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    }
  }

  @Test
  void aSignedMessagePassesAnIndependentVerifierAndATamperedOneFails() throws Exception {
    assumeTrue(Files.exists(Path.of("/usr/bin/dkimverify")), "python3-dkim is installed by .ci/run");
    fixture.content.savePublication(Fixtures.publication("grid").title("The grid — Ереван").build());
    fixture.subscribers("reader@x.org,news,,,form");
    fixture.newsletter.service().sendCampaign("Über the grid — news", "## Section\n\nText with ünïcode, Ереван.",
        List.of("news"), List.of(), List.of());
    fixture.sender().start();
    fixture.awaitOutboxDrained();
    Path message;
    try (var files = Files.list(folder.resolve("outbox"))) {
      message = files.filter(p -> p.toString().endsWith(".eml")).findFirst().orElseThrow();
    }
    String raw = Files.readString(message, StandardCharsets.UTF_8);
    assertThat(raw).contains("DKIM-Signature: ").contains("a=rsa-sha256").contains("d=think.example").contains("s=tp2026");
    assertThat(raw.substring(raw.indexOf("DKIM-Signature:"), raw.indexOf("b=", raw.indexOf("h=")))).contains("List-Unsubscribe");

    assertThat(verify(message)).isEqualTo("signature ok");

    Path tampered = folder.resolve("tampered.eml");
    Files.writeString(tampered, raw.replace("Section", "Sektion"), StandardCharsets.UTF_8);
    assertThat(verify(tampered)).isEqualTo("signature verification failed");
  }

  @Test
  void aWeakOrMalformedKeyIsRefusedNamingTheFile() throws IOException {
    Path bad = folder.resolve("bad.pem");
    Files.writeString(bad, "-----BEGIN PRIVATE KEY-----\nnot a key\n-----END PRIVATE KEY-----\n");
    assertThatThrownBy(() -> DkimKeys.load(bad)).hasMessageStartingWith(bad + " is not an RSA private key in PKCS#8 PEM form");
    assertThat(key.dnsRecord("tp2026", "think.example")).startsWith("tp2026._domainkey.think.example. IN TXT \"v=DKIM1; k=rsa; p=MIIB");
    assertThat(key.txtValue()).startsWith("\"v=DKIM1; k=rsa; p=MIIB").contains("\" \"");
  }

  private String verify(Path message) throws Exception {
    Process process = new ProcessBuilder(SYSTEM_PYTHON.toString(), "-c", VERIFY, folder.resolve("record.txt").toString(),
        message.toString()).redirectErrorStream(true).start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
    assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
    return output;
  }

  /** A fixture whose transport is the pickup folder of the given mail settings, signing as they say. */
  static final class NewsletterFixtureWithMail {
    final NewsletterFixture fixture;

    NewsletterFixtureWithMail(Dialect dialect, MailSettings mail) {
      this.fixture = new NewsletterFixture(dialect, null, NewsletterFixture.settings(), mail);
    }
  }
}
