package io.holdfast.server.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.OffsetDateTime;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The fast path agrees with OffsetDateTime.parse wherever it answers, and declines the rest. */
class IsoTimestampsTest {
  @ParameterizedTest
  @ValueSource(strings = {"2026-11-25T10:00:00Z", "2026-11-25T10:00:00.5Z",
      "2026-11-25T10:00:00.123456789Z", "2026-11-25T10:00:00+02:00",
      "2026-11-25T10:00:00-05:30", "2024-02-29T23:59:59-00:00", "0001-01-01T00:00:00+18:00"})
  void agreesWithTheJdk(String text) {
    assertThat(IsoTimestamps.parse(text)).isEqualTo(OffsetDateTime.parse(text).toInstant());
  }

  @ParameterizedTest
  @ValueSource(strings = {"2026-02-30T10:00:00Z", "2026-11-25T24:00:00Z",
      "2026-11-25T10:00:00", "2026-11-25T10:00Z", "2026-11-25t10:00:00z",
      "2026-11-25T10:00:00.1234567891Z", "2026-11-25T10:00:00+19:00", "2026-11-25 10:00:00Z",
      "yesterday at noon!!", "2026-13-01T00:00:00Z", "2026-11-25T10:00:00.Z"})
  void declinesWhatItDoesNotFullyUnderstand(String text) {
    assertThat(IsoTimestamps.parse(text)).isNull();
  }

  @Test
  void theParserFallsBackToTheJdkForOtherForms() {
    assertThat(Timestamps.parse("created_at", "2026-11-25T10:00Z"))
        .isEqualTo(Instant.parse("2026-11-25T10:00:00Z"));
    assertThat(Timestamps.parse("created_at", "2026-11-25T10:00:00.Z"))
        .isEqualTo(Instant.parse("2026-11-25T10:00:00Z"));
  }
}
