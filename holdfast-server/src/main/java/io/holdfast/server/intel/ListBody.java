package io.holdfast.server.intel;

import io.swagger.v3.oas.annotations.media.Schema;

/** An intel list as an operator creates or changes it. */
@Schema(description = "An intel list's action and description")
public record ListBody(
    @Schema(example = "BLOCK", requiredMode = Schema.RequiredMode.REQUIRED) String action,
    @Schema(example = "OFAC SDN digital currency addresses") String description) {}
