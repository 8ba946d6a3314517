package io.holdfast.server.rules;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * A proposed rule, as {@code POST /v1/rules/drafts} takes it: the rule as {@code POST /v1/rules}
 * takes it, with a note for the person who will publish it. A name no rule has proposes a new
 * rule; a live rule's name proposes its next version.
 */
@Schema(description = "A proposed new rule, or a proposed new version of the live rule of the"
    + " same name; a second person publishes it")
public record RuleDraftBody(
    @Schema(example = "big_first_payment", requiredMode = Schema.RequiredMode.REQUIRED)
    String name,
    @Schema(example = "transfer.amount_minor > 5000000 && features.first_transfer_to_recipient",
        description = "CEL over transfer and features, checked as POST /v1/rules checks it:"
            + " 400 invalid-rule when it does not compile, 422 rule-too-costly over the limits",
        requiredMode = Schema.RequiredMode.REQUIRED)
    String expression,
    @Schema(description = "WARN, HOLD or BLOCK to decide directly; omit to add score only")
    String outcome,
    @Schema(example = "0.4", requiredMode = Schema.RequiredMode.REQUIRED) Double score,
    @Schema(example = "LARGE_FIRST_PAYMENT", requiredMode = Schema.RequiredMode.REQUIRED)
    String reasonCode,
    @Schema(requiredMode = Schema.RequiredMode.REQUIRED) String description,
    @Schema(description = "active, shadow or disabled", example = "shadow") String status,
    @Schema(description = "why the change, for the person who publishes it (at most 1,000"
        + " characters)")
    String note) {

  RuleBody rule() {
    return new RuleBody(name, expression, outcome, score, reasonCode, description, status);
  }
}
