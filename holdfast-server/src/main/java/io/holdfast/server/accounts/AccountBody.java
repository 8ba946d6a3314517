package io.holdfast.server.accounts;

import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;

/** What the platform knows about one of its accounts. */
public record AccountBody(
    @Schema(example = "2025-01-31T09:00:00Z", requiredMode = Schema.RequiredMode.REQUIRED)
    String createdAt,
    @Schema(example = "GB", description = "ISO 3166-1 alpha-2") String country,
    @Schema(example = "1950-04-01") String dateOfBirth,
    @Schema(example = "65+", description = "under-18, 18-24, 25-34, 35-44, 45-54, 55-64, 65+")
    String ageBand,
    @Schema(example = "2") Integer kycLevel,
    @Schema(description = "consented flags: age, bereavement, cognitive, financial_difficulty,"
        + " health, other") List<String> vulnerabilityFlags,
    @Schema(example = "active", description = "active, restricted or closed") String status) {}
