package io.holdfast.core.graph;

import io.holdfast.core.support.Invariants;
import java.time.Instant;

/**
 * An account that paid the scammer's cluster in one currency within the window: what it lost,
 * over how many transfers, when first and last, and how close to the scammer the account it
 * paid was ({@code hops} 0: the scammer itself; {@code viaKey} is that account).
 */
public record Victim(String victimAccount, String currency, long amountMinor, long amountUsdMinor,
    int transfers, Instant firstPaidAt, Instant lastPaidAt, int hops, String viaKey) {

  public Victim {
    Invariants.check(amountMinor > 0 && transfers > 0, "a victim lost something");
    Invariants.check(!lastPaidAt.isBefore(firstPaidAt), "last payment before the first");
    Invariants.check(hops >= 0 && viaKey != null, "a victim paid a cluster member");
  }

  /** This victim with another payment to the cluster added. */
  Victim plus(PayerTotal p, int otherHops, String otherVia) {
    boolean closer = otherHops < hops;
    return new Victim(victimAccount, currency, Math.addExact(amountMinor, p.amountMinor()),
        Math.addExact(amountUsdMinor, p.amountUsdMinor()), transfers + p.transfers(),
        p.firstAt().isBefore(firstPaidAt) ? p.firstAt() : firstPaidAt,
        p.lastAt().isAfter(lastPaidAt) ? p.lastAt() : lastPaidAt,
        closer ? otherHops : hops, closer ? otherVia : viaKey);
  }
}
