package io.holdfast.core.recovery;

import io.holdfast.core.support.Invariants;
import java.math.BigInteger;
import java.util.Arrays;
import java.util.Comparator;
import java.util.stream.IntStream;

/**
 * Splits recovered money between victims pro rata to what each is still owed, in whole minor
 * units. When the pool covers every claim, each is paid in full; otherwise each gets the floor
 * of its exact share and the units left over go one each to the largest remainders (ties to
 * the earlier claim), so the whole pool is paid out and nobody gets more than they are owed.
 */
public final class Restitution {
  /** A bound on one split, so a case can never make the allocation unbounded work. */
  public static final int MAX_CLAIMS = 100_000;

  private Restitution() {}

  /** Shares of {@code availableMinor} for claims still owed {@code owedMinor[i]}. */
  public static long[] proRata(long availableMinor, long[] owedMinor) {
    Invariants.check(availableMinor >= 0, "the pool cannot be negative");
    Invariants.check(owedMinor.length <= MAX_CLAIMS, "too many claims in one split");
    long totalOwed = 0;
    for (long owed : owedMinor) {
      Invariants.check(owed >= 0, "a claim cannot be owed a negative amount");
      totalOwed = Math.addExact(totalOwed, owed);
    }
    long[] shares = totalOwed <= availableMinor ? owedMinor.clone()
        : largestRemainder(availableMinor, owedMinor, totalOwed);
    check(availableMinor, owedMinor, shares);
    return shares;
  }

  private static long[] largestRemainder(long available, long[] owed, long totalOwed) {
    int n = owed.length;
    long[] shares = new long[n];
    BigInteger[] remainders = new BigInteger[n];
    BigInteger pool = BigInteger.valueOf(available);
    BigInteger total = BigInteger.valueOf(totalOwed);
    long given = 0;
    for (int i = 0; i < n; i++) {
      BigInteger[] qr = pool.multiply(BigInteger.valueOf(owed[i])).divideAndRemainder(total);
      shares[i] = qr[0].longValueExact();
      remainders[i] = qr[1];
      given = Math.addExact(given, shares[i]);
    }
    long left = available - given;
    Invariants.check(left >= 0 && left < Math.max(1, n), "largest remainder leaves < n units");
    Integer[] order = IntStream.range(0, n).boxed().toArray(Integer[]::new);
    Arrays.sort(order, Comparator.<Integer, BigInteger>comparing(i -> remainders[i]).reversed()
        .thenComparing(i -> i));
    for (int k = 0; k < left; k++) {
      shares[order[k]]++;
    }
    return shares;
  }

  private static void check(long available, long[] owed, long[] shares) {
    long paid = 0;
    for (int i = 0; i < owed.length; i++) {
      Invariants.check(shares[i] >= 0 && shares[i] <= owed[i], "a share exceeds what is owed");
      paid = Math.addExact(paid, shares[i]);
    }
    Invariants.check(paid <= available, "paid out more than the pool holds");
  }
}
