package io.holdfast.server.people;

import java.time.Instant;
import java.util.List;

/**
 * A key just made, with its secret: shown this once and stored only as a keyed hash. A replay
 * of the request that made it answers without the secret ({@code secret} absent).
 */
public record CreatedApiKey(String id, String name, List<String> scopes, String secret,
    Instant createdAt, Instant expiresAt) {
  CreatedApiKey withoutSecret() {
    return new CreatedApiKey(id, name, scopes, null, createdAt, expiresAt);
  }
}
