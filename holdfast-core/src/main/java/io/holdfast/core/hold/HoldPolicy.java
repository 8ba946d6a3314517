package io.holdfast.core.hold;

import io.holdfast.core.support.Invariants;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * How long a transfer is held, by risk tier, and what happens at the deadline when findings
 * remain. A vulnerable sender's hold is one tier longer. No hold, however extended, passes the
 * legal deadline.
 *
 * @param extendBy how much longer a hold with open findings is kept at its deadline
 * @param deescalatedHold the shortest a hold may become, counted from when it was placed, when
 *     the sender's answers de-escalate it (every question answered "no")
 */
public record HoldPolicy(Map<RiskTier, Duration> lengths, BusinessDays legalLimit,
    Duration extendBy, Duration deescalatedHold, double highScore, double severeScore) {

  public HoldPolicy {
    lengths = Map.copyOf(lengths);
    for (RiskTier tier : RiskTier.values()) {
      Invariants.check(lengths.containsKey(tier), "no hold length for %s", tier);
      Invariants.check(!lengths.get(tier).isNegative() && !lengths.get(tier).isZero(),
          "hold length for %s must be positive", tier);
    }
    Invariants.check(!extendBy.isNegative(), "extension must not be negative");
    Invariants.check(deescalatedHold != null && !deescalatedHold.isNegative()
        && !deescalatedHold.isZero(),
        "a de-escalated hold still lasts a while: its length must be positive");
    Invariants.check(highScore <= severeScore, "tiers out of order");
  }

  /**
   * Binance's 24-hour safety net, with 1 h for milder and 72 h for the gravest cases; answers
   * that de-escalate a hold shorten it to no less than 1 h after it was placed.
   */
  public static HoldPolicy defaults() {
    Map<RiskTier, Duration> lengths = new EnumMap<>(RiskTier.class);
    lengths.put(RiskTier.ELEVATED, Duration.ofHours(1));
    lengths.put(RiskTier.HIGH, Duration.ofHours(24));
    lengths.put(RiskTier.SEVERE, Duration.ofHours(72));
    return new HoldPolicy(lengths, BusinessDays.ukDefault(), Duration.ofHours(24),
        Duration.ofHours(1), 0.85, 0.95);
  }

  public RiskTier tier(double riskScore, boolean vulnerableSender) {
    RiskTier tier = riskScore >= severeScore ? RiskTier.SEVERE
        : riskScore >= highScore ? RiskTier.HIGH : RiskTier.ELEVATED;
    return vulnerableSender ? tier.raised() : tier;
  }

  /** Places a new hold: held, ladder at its first step, deadline by tier within the law. */
  public Hold.Held place(String holdId, String transferId, String sender, String recipientKey,
      io.holdfast.core.money.Money amount, double riskScore, boolean vulnerableSender,
      List<String> reasonCodes, Instant now) {
    RiskTier tier = tier(riskScore, vulnerableSender);
    Instant legal = legalLimit.deadlineAfter(now);
    Instant wanted = now.plus(lengths.get(tier));
    Instant releaseAt = wanted.isAfter(legal) ? legal : wanted;
    HoldTerms terms = new HoldTerms(holdId, transferId, sender, recipientKey, amount, tier,
        vulnerableSender, reasonCodes, now, legal);
    Hold.Held held = new Hold.Held(terms, releaseAt, 0, 1);
    Invariants.check(held.releaseAt().isAfter(now), "a new hold must end in the future");
    return held;
  }
}
