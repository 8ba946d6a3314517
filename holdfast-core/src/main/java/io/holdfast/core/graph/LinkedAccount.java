package io.holdfast.core.graph;

/**
 * An account that shares a device or an IP address with another, from the platform's account
 * events: {@code shared} is the device id or the IP they have in common.
 */
public record LinkedAccount(String accountId, Relation relation, String shared) {}
