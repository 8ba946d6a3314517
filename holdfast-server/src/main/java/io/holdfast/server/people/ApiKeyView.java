package io.holdfast.server.people;

import java.time.Instant;
import java.util.List;

/** A platform's API key as administrators see it: never its secret or the secret's hash. */
public record ApiKeyView(String id, String name, List<String> scopes, String state,
    Instant createdAt, String createdBy, Instant lastUsedAt, Instant expiresAt,
    Instant revokedAt, String revokedBy) {
  public static final String ACTIVE = "active";
  public static final String EXPIRED = "expired";
  public static final String REVOKED = "revoked";
}
