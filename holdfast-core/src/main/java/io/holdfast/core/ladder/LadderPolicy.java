package io.holdfast.core.ladder;

import io.holdfast.core.hold.RiskTier;
import io.holdfast.core.support.Invariants;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The cooling-off ladder (Binance's "pyramid"): timed steps from the moment a transfer is held.
 * Steps are in time order; a hold remembers the index of its next step, so running the ladder
 * again never repeats a step.
 */
public record LadderPolicy(List<LadderStep> steps) {
  public LadderPolicy {
    steps = List.copyOf(steps);
    for (int i = 1; i < steps.size(); i++) {
      Invariants.check(steps.get(i).offset().compareTo(steps.get(i - 1).offset()) >= 0,
          "ladder steps must be in time order");
    }
  }

  /** Warning and questions at once, a call after an hour when warranted, a reminder at 12 h. */
  public static LadderPolicy defaults() {
    return new LadderPolicy(List.of(
        new LadderStep(Duration.ZERO, StepKind.WARNING, false),
        new LadderStep(Duration.ZERO, StepKind.QUESTIONNAIRE, false),
        new LadderStep(Duration.ofHours(1), StepKind.CALL_TASK, true),
        new LadderStep(Duration.ofHours(12), StepKind.REMINDER, false)));
  }

  /** The steps that fell due, their indexes, and when the next one is due. */
  public record Due(List<Integer> indexes, int nextIndex, Instant nextAt) {}

  /**
   * The steps from {@code fromIndex} due at {@code now} for a hold that began at
   * {@code heldAt} and ends at {@code releaseAt}. Steps that apply only to vulnerable or
   * high-risk senders are passed over for others, and steps that would fall after the release
   * are never due.
   */
  public Due due(int fromIndex, Instant heldAt, Instant releaseAt, Instant now, RiskTier tier,
      boolean vulnerable) {
    boolean warranted = vulnerable || tier != RiskTier.ELEVATED;
    List<Integer> due = new ArrayList<>(steps.size());
    int index = fromIndex;
    while (index < steps.size()) {
      LadderStep step = steps.get(index);
      Instant at = heldAt.plus(step.offset());
      if (at.isAfter(now)) {
        break;
      }
      if (!(step.onlyVulnerableOrHighRisk() && !warranted) && at.isBefore(releaseAt)) {
        due.add(index);
      }
      index++;
    }
    Instant nextAt = index < steps.size() ? heldAt.plus(steps.get(index).offset()) : null;
    if (nextAt != null && !nextAt.isBefore(releaseAt)) {
      nextAt = null;
    }
    Invariants.check(index >= fromIndex && index <= steps.size(), "ladder index out of range");
    return new Due(due, index, nextAt);
  }
}
