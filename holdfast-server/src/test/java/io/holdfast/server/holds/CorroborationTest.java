package io.holdfast.server.holds;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class CorroborationTest {
  static final Instant HELD = Instant.parse("2026-11-23T10:00:00Z");

  static Timestamp before(Duration age) {
    return Timestamp.from(HELD.minus(age));
  }

  @Test
  void anAccountThirtyDaysOldOrUndescribedCorroborates() {
    assertThat(Corroboration.established(before(Duration.ofDays(30)), Timestamp.from(HELD)))
        .isTrue();
    assertThat(Corroboration.established(null, Timestamp.from(HELD))).isTrue();
  }

  @Test
  void aYoungerAccountDoesNot() {
    assertThat(Corroboration.established(before(Duration.ofDays(30).minusSeconds(1)),
        Timestamp.from(HELD))).isFalse();
  }
}
