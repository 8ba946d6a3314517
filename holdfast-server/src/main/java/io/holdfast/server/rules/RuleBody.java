package io.holdfast.server.rules;

import io.swagger.v3.oas.annotations.media.Schema;

/** A rule as posted: the CEL expression and what a match means. */
public record RuleBody(
    @Schema(example = "big_first_payment", requiredMode = Schema.RequiredMode.REQUIRED)
    String name,
    @Schema(example = "transfer.amount_minor > 5000000 && features.first_transfer_to_recipient",
        description = "CEL over transfer and features; by default (holdfast.rules.*) at most"
            + " 4,000 characters, 32 levels deep and 1,000 comprehension iterations in one"
            + " evaluation, else 422 rule-too-costly",
        requiredMode = Schema.RequiredMode.REQUIRED)
    String expression,
    @Schema(description = "WARN, HOLD or BLOCK to decide directly; omit to add score only")
    String outcome,
    @Schema(example = "0.4", requiredMode = Schema.RequiredMode.REQUIRED) Double score,
    @Schema(example = "LARGE_FIRST_PAYMENT", requiredMode = Schema.RequiredMode.REQUIRED)
    String reasonCode,
    @Schema(requiredMode = Schema.RequiredMode.REQUIRED) String description,
    @Schema(description = "active, shadow or disabled", example = "active") String status) {}
