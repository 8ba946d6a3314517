package io.holdfast.core.hold;

import io.holdfast.core.support.Invariants;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * How long a transfer is held, by risk tier, and what happens at the deadline when findings
 * remain. A vulnerable sender's hold is one tier longer. No hold, however extended, passes the
 * legal deadline.
 *
 * @param extendBy how much longer a hold with open findings is kept at its deadline
 * @param deescalatedHold the shortest a hold may become, counted from when it was placed, when
 *     the sender's answers de-escalate it (every question answered "no")
 * @param recheckEvery how often the investigation's checks re-run on a held hold during its
 *     window, so a finding that appears an hour in is acted on then, not at the deadline
 * @param unknownRecipient how long a hold to a recipient the platform barely knows lasts
 */
public record HoldPolicy(Map<RiskTier, Duration> lengths, BusinessDays legalLimit,
    Duration extendBy, Duration deescalatedHold, Duration recheckEvery, double highScore,
    double severeScore, UnknownRecipientHold unknownRecipient) {

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
    Invariants.check(recheckEvery != null && !recheckEvery.isNegative() && !recheckEvery.isZero(),
        "the re-check interval must be positive, or a hold would be re-checked without end");
    Invariants.check(highScore <= severeScore, "tiers out of order");
    Invariants.check(unknownRecipient != null, "the unknown-recipient hold is required");
  }

  /**
   * Binance's 24-hour safety net for every hold and 72 h for the gravest cases; answers that
   * de-escalate a hold (only an ELEVATED one) shorten it to no less than 1 h after it was
   * placed; the checks re-run every 15 minutes while a hold is held. ELEVATED holds once lasted
   * 1 h, too short for any step of the ladder after the first: a victim's cancel, the call and
   * the investigation's findings all came after the money had gone. A hold on a first payment
   * to an unknown recipient lasts 72 h ({@link UnknownRecipientHold}).
   */
  public static HoldPolicy defaults() {
    Map<RiskTier, Duration> lengths = new EnumMap<>(RiskTier.class);
    lengths.put(RiskTier.ELEVATED, Duration.ofHours(24));
    lengths.put(RiskTier.HIGH, Duration.ofHours(24));
    lengths.put(RiskTier.SEVERE, Duration.ofHours(72));
    return new HoldPolicy(lengths, BusinessDays.ukDefault(), Duration.ofHours(24),
        Duration.ofHours(1), Duration.ofMinutes(15), 0.85, 0.95,
        UnknownRecipientHold.defaults());
  }

  public RiskTier tier(double riskScore, boolean vulnerableSender) {
    RiskTier tier = riskScore >= severeScore ? RiskTier.SEVERE
        : riskScore >= highScore ? RiskTier.HIGH : RiskTier.ELEVATED;
    return vulnerableSender ? tier.raised() : tier;
  }

  /** Places a new hold on a payment to a recipient the platform knows. */
  public Hold.Held place(String holdId, String transferId, String sender, String recipientKey,
      io.holdfast.core.money.Money amount, double riskScore, boolean vulnerableSender,
      List<String> reasonCodes, Instant now) {
    return place(holdId, transferId, sender, recipientKey, amount, riskScore, vulnerableSender,
        false, reasonCodes, now);
  }

  /**
   * Places a new hold: held, ladder at its first step, deadline by tier (longer for an unknown
   * recipient) within the law.
   */
  public Hold.Held place(String holdId, String transferId, String sender, String recipientKey,
      io.holdfast.core.money.Money amount, double riskScore, boolean vulnerableSender,
      boolean unknownRecipientPayment, List<String> reasonCodes, Instant now) {
    RiskTier tier = tier(riskScore, vulnerableSender);
    Instant legal = legalLimit.deadlineAfter(now);
    Instant wanted = now.plus(unknownRecipient.lengthFor(tier, lengths.get(tier),
        unknownRecipientPayment));
    Instant releaseAt = wanted.isAfter(legal) ? legal : wanted;
    HoldTerms terms = new HoldTerms(holdId, transferId, sender, recipientKey, amount, tier,
        vulnerableSender, reasonCodes, now, legal);
    Hold.Held held = new Hold.Held(terms, releaseAt, 0, 1);
    Invariants.check(held.releaseAt().isAfter(now), "a new hold must end in the future");
    return held;
  }

  /**
   * When a hold is next re-checked, counting from {@code from}: an interval later, or never
   * (empty) when that is not before its deadline, because the deadline's sweep runs the same
   * checks then. Only a held hold is re-checked: one under investigation already has its
   * finding, and an ended hold has nothing left to decide.
   */
  public Optional<Instant> recheckAfter(Hold hold, Instant from) {
    if (!(hold instanceof Hold.Held held)) {
      return Optional.empty();
    }
    Instant next = from.plus(recheckEvery);
    return next.isBefore(held.releaseAt()) ? Optional.of(next) : Optional.empty();
  }

  /**
   * The re-check after one that fell due at {@code due} and ran at {@code now} and found
   * nothing: on the hold's cadence, an interval after {@code due}; when a run came so late that
   * this is already past (the server was down), an interval after {@code now}, so a late run
   * re-checks each hold once rather than once for every interval it missed.
   */
  public Optional<Instant> nextRecheck(Hold hold, Instant due, Instant now) {
    Invariants.check(!due.isAfter(now), "a re-check runs when it is due, not before");
    Instant onCadence = due.plus(recheckEvery);
    Optional<Instant> next = recheckAfter(hold, onCadence.isAfter(now) ? due : now);
    Invariants.check(next.map(at -> at.isAfter(now)).orElse(true),
        "the next re-check is ahead of this one");
    return next;
  }
}
