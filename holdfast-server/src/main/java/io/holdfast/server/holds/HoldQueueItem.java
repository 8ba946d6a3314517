package io.holdfast.server.holds;

import java.time.Instant;
import java.util.List;

/** An open hold as the analysts' queue lists it: what, for whom, how long until its deadline. */
public record HoldQueueItem(String holdId, String transferId, String senderAccount,
    String recipientKey, String state, String tier, long amountMinor, String currency,
    String scamType, List<String> reasonCodes, Instant createdAt, Instant releaseAt,
    String finding) {}
