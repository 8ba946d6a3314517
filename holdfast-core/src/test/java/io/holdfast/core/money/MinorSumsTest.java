package io.holdfast.core.money;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.holdfast.core.support.Invariants;
import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

/** Sums are exact while they fit in a long and pinned at its bound once they do not. */
class MinorSumsTest {
  @Test
  void addsExactlyWhileTheSumFits() {
    assertThat(MinorSums.saturatingAdd(0, 0)).isZero();
    assertThat(MinorSums.saturatingAdd(Long.MAX_VALUE - 1, 1)).isEqualTo(Long.MAX_VALUE);
  }

  @Test
  void saturatesWhereTheSumWouldWrap() {
    assertThat(MinorSums.saturatingAdd(Long.MAX_VALUE, 1)).isEqualTo(Long.MAX_VALUE);
    assertThat(MinorSums.saturatingAdd(Long.MAX_VALUE, Long.MAX_VALUE)).isEqualTo(Long.MAX_VALUE);
    long sum = 0;
    for (int i = 0; i < 12; i++) {
      sum = MinorSums.saturatingAdd(sum, Money.MAX_MINOR);
    }
    assertThat(sum).isEqualTo(Long.MAX_VALUE);
  }

  @Test
  void aNegativeTermIsAProgramError() {
    assertThatThrownBy(() -> MinorSums.saturatingAdd(5, -1))
        .isInstanceOf(Invariants.InvariantViolation.class);
  }

  @Test
  void aDatabaseTotalIsClampedToALong() {
    assertThat(MinorSums.saturated(null)).isZero();
    assertThat(MinorSums.saturated(new BigDecimal("12000000000000000000")))
        .isEqualTo(Long.MAX_VALUE);
    assertThat(MinorSums.saturated(new BigDecimal("-12000000000000000000")))
        .isEqualTo(Long.MIN_VALUE);
    assertThat(MinorSums.saturated(BigDecimal.valueOf(Long.MAX_VALUE))).isEqualTo(Long.MAX_VALUE);
    assertThat(MinorSums.saturated(BigDecimal.valueOf(42))).isEqualTo(42);
  }
}
