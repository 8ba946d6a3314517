package io.holdfast.core.screening;

import io.holdfast.core.feature.FeatureVector;
import io.holdfast.core.risk.RiskModel;
import io.holdfast.core.transfer.Transfer;
import java.util.List;

/** What the screening policies see about one transfer. */
record ScreeningContext(
    Transfer transfer,
    FeatureVector features,
    List<String> intelLists,
    Outcome intelAction,
    List<RuleHit> hits,
    List<EngineFailure> failures,
    boolean recipientFrozen,
    boolean senderFrozen,
    RiskModel riskModel,
    RiskAssessment risk) {

  /** The noisy-OR of active rule scores; 1 when the recipient is on a blocking intel list. */
  double riskScore() {
    double clean = 1.0;
    for (RuleHit hit : hits) {
      if (!hit.shadow()) {
        clean *= 1.0 - hit.scoreContribution();
      }
    }
    double score = 1.0 - clean;
    if (recipientFrozen) {
      score = 1.0;
    }
    if (!intelLists.isEmpty()) {
      score = Math.max(score, intelAction == Outcome.BLOCK ? 1.0 : 0.9);
    }
    return Math.min(1.0, Math.max(0.0, score));
  }
}
