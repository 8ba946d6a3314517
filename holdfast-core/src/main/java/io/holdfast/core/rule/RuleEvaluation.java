package io.holdfast.core.rule;

import io.holdfast.core.screening.EngineFailure;
import io.holdfast.core.screening.RuleHit;
import java.util.List;

/**
 * What a rule set found for one transfer: the rules that matched (shadow ones included, marked
 * as such, and with them the shadow rules that could not be evaluated, each with its error)
 * and the active rules that could not be evaluated.
 */
public record RuleEvaluation(List<RuleHit> hits, List<EngineFailure> failures) {
  public RuleEvaluation {
    hits = List.copyOf(hits);
    failures = List.copyOf(failures);
  }
}
