package io.holdfast.core.prevention;

import static org.assertj.core.api.Assertions.assertThat;

import io.holdfast.core.ladder.ScamType;
import io.holdfast.core.prevention.AssessmentPolicy.Suppressed;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Thresholds, the weekly cap, opt-outs and open tasks decide what an assessment leads to. */
class AssessmentPolicyTest {
  static final Instant NOW = Instant.parse("2026-11-25T02:00:00Z");
  private final AssessmentPolicy policy = AssessmentPolicy.defaults();

  static Assessment scored(double score) {
    Finding f = new Finding("x", score, false, ScamType.GENERAL, "c", "a");
    return new Assessment("u", score, ScamType.GENERAL, List.of(f));
  }

  @Test
  void thresholdsRecordMessageAndCall() {
    assertThat(policy.decide(scored(0.19), NOW, null, false, false).record()).isFalse();
    assertThat(policy.decide(scored(0.20), NOW, null, false, false))
        .isEqualTo(new AssessmentPolicy.Decision(true, false, Suppressed.NONE, false));
    assertThat(policy.decide(scored(0.50), NOW, null, false, false))
        .isEqualTo(new AssessmentPolicy.Decision(true, true, Suppressed.NONE, false));
    assertThat(policy.decide(scored(0.80), NOW, null, false, false))
        .isEqualTo(new AssessmentPolicy.Decision(true, true, Suppressed.NONE, true));
  }

  @Test
  void oneMessageAWeekAndNoneAfterAnOptOutButTheCallStays() {
    Instant sixDaysAgo = NOW.minus(Duration.ofDays(6));
    Instant eightDaysAgo = NOW.minus(Duration.ofDays(8));
    assertThat(policy.decide(scored(0.9), NOW, sixDaysAgo, false, false))
        .isEqualTo(new AssessmentPolicy.Decision(true, false, Suppressed.COOLING_DOWN, true));
    assertThat(policy.decide(scored(0.9), NOW, eightDaysAgo, false, false).message()).isTrue();
    assertThat(policy.decide(scored(0.9), NOW, null, true, false))
        .isEqualTo(new AssessmentPolicy.Decision(true, false, Suppressed.OPTED_OUT, true));
    assertThat(policy.decide(scored(0.9), NOW, null, false, true).task())
        .as("a second task while one is open").isFalse();
  }
}
