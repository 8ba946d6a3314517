package io.holdfast.server.webhooks;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Signatures verify with the right secret, body and time, and with nothing else. */
class WebhookSignatureTest {
  private static final String SECRET = "whsec_test";
  private static final String BODY = "{\"instruction_id\":\"hold_1:release\",\"amount_minor\":5}";
  private static final long T = 1_700_000_000L;

  @Test
  void aSignatureHasTheStripeShapeAndAKnownValue() {
    String header = WebhookSignature.sign(SECRET, T, BODY);
    assertThat(header).matches("t=1700000000,v1=[0-9a-f]{64}");
    assertThat(WebhookSignature.sign(SECRET, T, BODY)).isEqualTo(header);
    assertThat(WebhookSignature.sign(SECRET, T + 1, BODY)).isNotEqualTo(header);
  }

  @Test
  void verifiesOnlyTheExactBodySecretAndRecentTime() {
    String header = WebhookSignature.sign(SECRET, T, BODY);
    assertThat(WebhookSignature.verify(SECRET, header, BODY, T + 10, 300)).isTrue();
    assertThat(WebhookSignature.verify("other", header, BODY, T, 300)).isFalse();
    assertThat(WebhookSignature.verify(SECRET, header, BODY.replace("5", "6"), T, 300))
        .isFalse();
    assertThat(WebhookSignature.verify(SECRET, header, BODY, T + 301, 300)).as("too old")
        .isFalse();
    assertThat(WebhookSignature.verify(SECRET, header, BODY, T - 301, 300)).as("from the future")
        .isFalse();
  }

  @Test
  void refusesMalformedHeaders() {
    String header = WebhookSignature.sign(SECRET, T, BODY);
    String forgedTime = header.replace("t=" + T, "t=" + (T + 5));
    assertThat(WebhookSignature.verify(SECRET, forgedTime, BODY, T, 300)).isFalse();
    assertThat(WebhookSignature.verify(SECRET, null, BODY, T, 300)).isFalse();
    assertThat(WebhookSignature.verify(SECRET, "", BODY, T, 300)).isFalse();
    assertThat(WebhookSignature.verify(SECRET, "t=abc,v1=00", BODY, T, 300)).isFalse();
    assertThat(WebhookSignature.verify(SECRET, "t=" + T + ",v1=zz", BODY, T, 300)).isFalse();
    assertThat(WebhookSignature.verify(SECRET, "t=" + T, BODY, T, 300)).isFalse();
    assertThat(WebhookSignature.verify(SECRET, header.substring(0, header.length() - 2), BODY,
        T, 300)).as("truncated").isFalse();
  }

  @Test
  void backoffDoublesFromTheBaseUpToTheCapWithBoundedDeterministicJitter() {
    WebhookSettings s = new WebhookSettings("http://x", SECRET, 12, Duration.ofSeconds(1),
        Duration.ofHours(1), Duration.ofMinutes(2), Duration.ofSeconds(10), 50);
    long previous = 0;
    for (int attempt = 1; attempt <= 12; attempt++) {
      long base = Math.min(1_000L << (attempt - 1), 3_600_000L);
      long ms = s.backoff(attempt, "hold_1:release").toMillis();
      assertThat(ms).as("attempt " + attempt).isBetween(base, base + base / 10);
      assertThat(ms).isGreaterThanOrEqualTo(previous);
      assertThat(s.backoff(attempt, "hold_1:release").toMillis()).isEqualTo(ms);
      previous = ms;
    }
    assertThat(s.backoff(100, "x").toMillis()).isLessThanOrEqualTo(3_960_000L);
  }
}
