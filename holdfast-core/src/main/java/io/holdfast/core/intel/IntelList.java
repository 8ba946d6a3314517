package io.holdfast.core.intel;

import io.holdfast.core.screening.Outcome;
import io.holdfast.core.support.Invariants;

/**
 * A named list of known-bad counterparties, such as a sanctions list, and what a match does.
 *
 * @param name unique name, e.g. "ofac-sdn"
 * @param action HOLD or BLOCK: a list that only warned would not be intel worth screening for
 * @param description where the list comes from, for the operator
 */
public record IntelList(String name, Outcome action, String description) {
  public IntelList {
    Invariants.check(name != null && !name.isBlank(), "an intel list needs a name");
    Invariants.check(action == Outcome.HOLD || action == Outcome.BLOCK,
        "intel list %s must HOLD or BLOCK, not %s", name, action);
    description = description == null ? "" : description;
  }
}
