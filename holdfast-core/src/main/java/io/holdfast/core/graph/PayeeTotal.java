package io.holdfast.core.graph;

import java.time.Instant;

/**
 * A platform account that another account paid within a window: the sum in US cents (to rank
 * payees across currencies), how many transfers, and the first of them.
 */
public record PayeeTotal(String accountId, long amountUsdMinor, int transfers, Instant firstAt) {}
