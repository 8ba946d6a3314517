package io.holdfast.server.sandbox;

/** One leg of a double-entry transaction: a signed amount on one account, in minor units. */
record Posting(String accountId, String currency, long amountMinor, String memo) {}
