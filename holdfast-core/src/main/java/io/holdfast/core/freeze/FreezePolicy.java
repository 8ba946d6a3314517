package io.holdfast.core.freeze;

import io.holdfast.core.support.Invariants;
import io.holdfast.core.verdict.VerdictOutcome;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * Whether a report may freeze its target automatically. A report must never become a weapon
 * against an innocent account, so each named policy may withhold the freeze and says why; the
 * freeze happens only when none does. Withheld freezes leave the case to an analyst.
 */
public final class FreezePolicy {
  /**
   * @param minProbability the verdict probability an automatic freeze needs
   * @param establishedAgeDays an account at least this old ...
   * @param establishedKycLevel ... fully verified to this level ...
   * @param establishedCounterparties ... with at least this many counterparties is established
   * @param establishedReporters the distinct paying reporters an established account needs
   */
  public record Settings(double minProbability, int establishedAgeDays, int establishedKycLevel,
      int establishedCounterparties, int establishedReporters) {
    public Settings {
      Invariants.check(minProbability > 0.5 && minProbability <= 1.0, "bad freeze probability");
      Invariants.check(establishedReporters >= 2, "an established account needs several reporters");
    }

    public static Settings defaults() {
      return new Settings(0.90, 365, 2, 25, 3);
    }
  }

  private final Settings settings;
  private final List<Function<FreezeCandidate, Optional<String>>> policies;

  public FreezePolicy(Settings settings) {
    this.settings = settings;
    this.policies = List.of(this::scamVerdict, this::confidentEnough, this::reporterPaidTarget,
        this::establishedNeedsSeveralReporters, this::notAlreadyFrozen);
  }

  public Settings settings() {
    return settings;
  }

  /** The reasons to withhold an automatic freeze; empty means freeze. */
  public List<String> withheld(FreezeCandidate candidate) {
    List<String> reasons = new ArrayList<>(policies.size());
    for (Function<FreezeCandidate, Optional<String>> policy : policies) {
      policy.apply(candidate).ifPresent(reasons::add);
    }
    return reasons;
  }

  /** True when the target counts as an established account (old, verified, well connected). */
  public boolean established(FreezeCandidate c) {
    return c.targetAgeDays() != null && c.targetAgeDays() >= settings.establishedAgeDays()
        && c.targetKycLevel() != null && c.targetKycLevel() >= settings.establishedKycLevel()
        && c.targetCounterparties() >= settings.establishedCounterparties();
  }

  private Optional<String> scamVerdict(FreezeCandidate c) {
    return c.outcome() == VerdictOutcome.SCAM ? Optional.empty()
        : Optional.of("the verdict is " + c.outcome() + ", not SCAM");
  }

  private Optional<String> confidentEnough(FreezeCandidate c) {
    return c.probability() >= settings.minProbability() ? Optional.empty()
        : Optional.of(String.format(java.util.Locale.ROOT,
            "the scam probability %.2f is below the automatic-freeze threshold %.2f",
            c.probability(), settings.minProbability()));
  }

  private Optional<String> reporterPaidTarget(FreezeCandidate c) {
    return c.reporterPaidTarget() ? Optional.empty()
        : Optional.of("the reporter never sent money to the target, so the report alone cannot"
            + " freeze it");
  }

  private Optional<String> establishedNeedsSeveralReporters(FreezeCandidate c) {
    if (!established(c) || c.payingReporters() >= settings.establishedReporters()) {
      return Optional.empty();
    }
    return Optional.of("the target is an established account (" + c.targetAgeDays()
        + " days old, verified, " + c.targetCounterparties() + " counterparties); it needs "
        + settings.establishedReporters() + " independent reporters who paid it, or an analyst,"
        + " and has " + c.payingReporters());
  }

  private Optional<String> notAlreadyFrozen(FreezeCandidate c) {
    return c.alreadyFrozen() ? Optional.of("the target is already frozen") : Optional.empty();
  }
}
