package io.holdfast.server.accounts;

import io.swagger.v3.oas.annotations.media.Schema;

/** Something that happened to an account; {@code event_id} makes a retry safe. */
public record EventBody(
    @Schema(example = "e-1", requiredMode = Schema.RequiredMode.REQUIRED) String eventId,
    @Schema(example = "password_reset", requiredMode = Schema.RequiredMode.REQUIRED,
        description = "new_device_login, password_reset, two_fa_change, contact_change, deposit")
    String type,
    @Schema(example = "2026-11-25T09:00:00Z") String occurredAt,
    String deviceId,
    String ip,
    @Schema(description = "deposits only") Long amountMinor,
    @Schema(description = "deposits only") String currency) {}
