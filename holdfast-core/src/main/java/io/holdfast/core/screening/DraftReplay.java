package io.holdfast.core.screening;

import io.holdfast.core.feature.FeatureVector;
import io.holdfast.core.rule.Rule;
import io.holdfast.core.rule.RuleEvaluation;
import io.holdfast.core.rule.RuleLimits;
import io.holdfast.core.rule.RuleSet;
import io.holdfast.core.rule.RuleStatus;
import io.holdfast.core.support.Invariants;
import io.holdfast.core.transfer.Transfer;
import java.util.ArrayList;
import java.util.List;
import java.util.function.LongSupplier;

/**
 * Replays transfers already screened, on the features they were screened with, through the live
 * rules and through the rules as a draft would leave them, and counts what the draft would do:
 * how many transfers its rule matches, the outcome the rules would give each of those, and how
 * many transfers' outcome would change, from what to what.
 *
 * <p>Only the rules' part of a decision is replayed: the direct outcomes of active rules, their
 * combined score against the thresholds, and the fail-safe hold when an active rule cannot be
 * evaluated. Intel lists, freezes and the risk model do not change with a rule, so they are left
 * out, and an outcome here is what the rules alone would say. The draft's rule is matched on its
 * own as well, whatever its status, so a shadow or disabled draft still says what it would match.
 *
 * <p>The replay is bounded by its caller in rows and here in time: once {@code budgetNanos} have
 * passed since it was made, {@link #overBudget()} says so and the caller stops. Rules are
 * compiled without a deadline, so a count does not depend on how busy the machine is.
 */
public final class DraftReplay {
  /** How many replayed transfers got one outcome. */
  public record Count(Outcome outcome, long transfers) {}

  /** How many replayed transfers the draft would move from one outcome to another. */
  public record Change(Outcome from, Outcome to, long transfers) {}

  /**
   * What a replay found.
   *
   * @param replayed transfers replayed
   * @param hits transfers the draft's rule matches
   * @param errors transfers for which the draft's rule could not be evaluated (an active rule
   *     that fails holds the transfer, by the fail-safe)
   * @param hitOutcomes for the transfers it matches, the outcome the rules would give with the
   *     draft published, least severe first; outcomes no hit gets are left out
   * @param changes transfers whose outcome the draft would change, by old and new outcome
   */
  public record Result(long replayed, long hits, long errors, List<Count> hitOutcomes,
      List<Change> changes) {
    public Result {
      hitOutcomes = List.copyOf(hitOutcomes);
      changes = List.copyOf(changes);
    }
  }

  private static final int OUTCOMES = Outcome.values().length;

  private final RuleSet live;
  private final RuleSet proposed;
  private final RuleSet alone;
  private final ScoringPolicy scoring;
  private final LongSupplier nanoTime;
  private final long startNanos;
  private final long budgetNanos;
  private final long[] hitOutcomes = new long[OUTCOMES];
  private final long[][] changes = new long[OUTCOMES][OUTCOMES];
  private long replayed;
  private long hits;
  private long errors;

  /**
   * @param live the rules in force
   * @param draft the rule as the draft would publish it: a new rule, or a new version of a
   *     live rule of the same name
   */
  public DraftReplay(List<Rule> live, Rule draft, RuleLimits limits, ScoringPolicy scoring,
      LongSupplier nanoTime, long budgetNanos) {
    Invariants.check(live != null && draft != null, "the live rules and the draft are required");
    Invariants.check(scoring != null && nanoTime != null, "scoring and a ticker are required");
    Invariants.check(budgetNanos > 0, "the time budget must be positive, was %s", budgetNanos);
    List<Rule> withDraft = new ArrayList<>(live.size() + 1);
    boolean replaced = false;
    for (Rule rule : live) {
      boolean same = rule.name().equals(draft.name());
      withDraft.add(same ? draft : rule);
      replaced |= same;
    }
    if (!replaced) {
      withDraft.add(draft);
    }
    this.live = RuleSet.compile(1, live, limits, () -> 0L);
    this.proposed = RuleSet.compile(2, withDraft, limits, () -> 0L);
    this.alone = RuleSet.compile(1, List.of(new Rule(draft.name(), draft.expression(),
        draft.outcome(), draft.score(), draft.reasonCode(), draft.description(),
        RuleStatus.ACTIVE, draft.version())), limits, () -> 0L);
    this.scoring = scoring;
    this.nanoTime = nanoTime;
    this.budgetNanos = budgetNanos;
    this.startNanos = nanoTime.getAsLong();
  }

  /** Whether the time budget has been spent; the caller then stops replaying. */
  public boolean overBudget() {
    return nanoTime.getAsLong() - startNanos >= budgetNanos;
  }

  /** Replays one transfer with the features it was screened with. */
  public void replay(Transfer transfer, FeatureVector features) {
    Invariants.check(transfer != null && features != null, "transfer and features are required");
    Outcome before = outcome(live.evaluate(transfer, features));
    Outcome after = outcome(proposed.evaluate(transfer, features));
    RuleEvaluation own = alone.evaluate(transfer, features);
    replayed++;
    if (!own.failures().isEmpty()) {
      errors++;
    } else if (!own.hits().isEmpty()) {
      hits++;
      hitOutcomes[after.ordinal()]++;
    }
    if (before != after) {
      changes[before.ordinal()][after.ordinal()]++;
    }
  }

  public Result result() {
    List<Count> counts = new ArrayList<>(OUTCOMES);
    List<Change> moved = new ArrayList<>();
    for (Outcome o : Outcome.values()) {
      if (hitOutcomes[o.ordinal()] > 0) {
        counts.add(new Count(o, hitOutcomes[o.ordinal()]));
      }
      for (Outcome to : Outcome.values()) {
        if (changes[o.ordinal()][to.ordinal()] > 0) {
          moved.add(new Change(o, to, changes[o.ordinal()][to.ordinal()]));
        }
      }
    }
    Result result = new Result(replayed, hits, errors, counts, moved);
    Invariants.check(hits + errors <= replayed, "more hits than transfers replayed");
    return result;
  }

  /**
   * The outcome the rules alone give: the engine's own rule, score and fail-safe policies over
   * the evaluation, with no intel, freeze or model.
   */
  private Outcome outcome(RuleEvaluation evaluation) {
    ScreeningContext context = new ScreeningContext(null, null, List.of(), null,
        evaluation.hits(), evaluation.failures(), false, false, null, null);
    Outcome outcome = Outcome.ALLOW;
    for (ScreeningPolicy.Verdict v : new ScreeningPolicy.Verdict[] {
        ScreeningPolicy.ruleOutcomePolicy(context),
        ScreeningPolicy.scoreThresholdPolicy(context, scoring),
        ScreeningPolicy.failSafePolicy(context, scoring)}) {
      if (v != null) {
        outcome = outcome.atLeast(v.outcome());
      }
    }
    return outcome;
  }
}
