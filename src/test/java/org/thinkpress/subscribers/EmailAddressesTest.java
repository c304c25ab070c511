package org.thinkpress.subscribers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;
import org.thinkpress.testing.TestClock;

class EmailAddressesTest {

  @Test
  void normalisesCaseSpaceAndInternationalDomains() {
    assertThat(EmailAddresses.normalize("  Ann.Lee+news@Example.ORG ")).isEqualTo("ann.lee+news@example.org");
    assertThat(EmailAddresses.normalize("ann@bücher.example")).isEqualTo("ann@xn--bcher-kva.example");
    assertThat(EmailAddresses.masked("ann@example.org")).isEqualTo("a***@example.org");
  }

  @ParameterizedTest
  @ValueSource(strings = {"a@b.org\r\nBcc: c@d.org", "a@b.org\nTo: c@d.org", "a@b.org\rX", "a@b.org, c@d.org",
      "A <a@b.org>", "\"a\"@b.org", "a(comment)@b.org", "a@b.org\u0000", "a\t@b.org", "a..b@c.org", ".a@b.org",
      "a@-b.org", "a@b", "a@@b.org", "a@b.org@c.org", "a@[127.0.0.1]", "a b@c.org", ""})
  void refusesAnythingThatCouldCarryAHeaderOrASecondRecipient(String address) {
    assertThatThrownBy(() -> EmailAddresses.normalize(address)).isInstanceOf(InvalidSubscriptionException.class);
  }

  @Test
  void refusesOverlongAddresses() {
    assertThatThrownBy(() -> EmailAddresses.normalize("a".repeat(65) + "@b.org"))
        .hasMessage("the part of the email address before @ is not valid");
    assertThatThrownBy(() -> EmailAddresses.normalize("a@" + "b".repeat(63) + "." + "c".repeat(63) + "." + "d".repeat(63)
        + "." + "e".repeat(63) + ".org")).hasMessage("the email address is longer than 254 characters");
  }

  @Test
  void anAddressGetsItsSignUpsInAWindowAndAFreshWindowWhenItEnds() {
    TestClock clock = new TestClock(Instant.parse("2026-03-01T10:00:00Z"));
    PerAddressLimit limiter = new PerAddressLimit(2, Duration.ofMinutes(10), clock);
    assertThat(limiter.tryAcquire("n")).isTrue();
    assertThat(limiter.tryAcquire("n")).isTrue();
    assertThat(limiter.tryAcquire("n")).isFalse();
    assertThat(limiter.tryAcquire("m")).isTrue();

    clock.advance(Duration.ofMinutes(10).minusNanos(1));
    assertThat(limiter.tryAcquire("n")).isFalse();
    clock.advance(Duration.ofNanos(1));
    assertThat(limiter.tryAcquire("n")).isTrue();
  }
}
