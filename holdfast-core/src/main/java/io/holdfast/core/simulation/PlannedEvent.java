package io.holdfast.core.simulation;

import java.time.Instant;

/** An account event the world will send: a security change or a deposit. */
public record PlannedEvent(String eventId, Instant at, String accountId, String type,
    String deviceId, long amountMinor) {}
