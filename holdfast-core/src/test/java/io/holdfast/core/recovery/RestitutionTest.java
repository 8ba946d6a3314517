package io.holdfast.core.recovery;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;

class RestitutionTest {
  @Test
  void aPoolThatCoversEveryClaimPaysEachInFull() {
    assertThat(Restitution.proRata(1_000, new long[] {300, 200})).containsExactly(300, 200);
  }

  @Test
  void aShortPoolIsSplitProRataAndPaidOutWhole() {
    // 100 split 1:1:1 gives 33.33 each; the one unit left goes to the first (ties to earlier).
    assertThat(Restitution.proRata(100, new long[] {50, 50, 50})).containsExactly(34, 33, 33);
    assertThat(Restitution.proRata(60, new long[] {100, 200})).containsExactly(20, 40);
  }

  @Test
  void anEmptyPoolPaysNothing() {
    assertThat(Restitution.proRata(0, new long[] {10, 20})).containsExactly(0, 0);
    assertThat(Restitution.proRata(5, new long[0])).isEmpty();
  }

  @RepeatedTest(200)
  void randomSplitsConserveMoneyAndNeverOverpay() {
    SplittableRandom random = new SplittableRandom();
    int n = random.nextInt(1, 40);
    long[] owed = new long[n];
    for (int i = 0; i < n; i++) {
      owed[i] = random.nextLong(0, 1_000_000_000_000L);
    }
    long total = Arrays.stream(owed).sum();
    long pool = random.nextLong(0, Math.max(1, total * 2));
    long[] shares = Restitution.proRata(pool, owed);
    long paid = Arrays.stream(shares).sum();
    assertThat(paid).isEqualTo(Math.min(pool, total));
    for (int i = 0; i < n; i++) {
      assertThat(shares[i]).isBetween(0L, owed[i]);
      if (pool < total && total > 0) {
        // Pro rata: within one unit of the exact share.
        double exact = (double) pool * owed[i] / total;
        assertThat((double) shares[i]).isBetween(Math.floor(exact) - 1e-6, Math.floor(exact) + 1);
      }
    }
  }
}
