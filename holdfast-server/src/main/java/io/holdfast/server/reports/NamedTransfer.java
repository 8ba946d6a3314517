package io.holdfast.server.reports;

import java.time.Instant;

/**
 * A transfer from the reporter to the reported recipient, as the report needs it. {@code lost}
 * is false when the money never left (blocked, still held, or returned by a hold).
 */
record NamedTransfer(String transferId, String senderAccount, String recipientKey,
    long amountMinor, String currency, long amountUsdMinor, Instant createdAt, boolean lost) {}
