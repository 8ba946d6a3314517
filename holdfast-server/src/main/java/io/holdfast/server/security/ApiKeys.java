package io.holdfast.server.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Platform API keys, stored as SHA-256 hashes (a key is a long random secret, so a slow hash
 * adds nothing but latency on every call). Resolved keys are cached briefly; revocation takes
 * effect within the cache lifetime.
 */
@Repository
public class ApiKeys {
  private static final long CACHE_MILLIS = 30_000;

  /** A resolved key: its id and the scopes it grants. */
  public record ApiKey(String keyId, String name, List<String> scopes) {}

  private record Cached(Optional<ApiKey> key, long loadedAtMillis) {}

  private final JdbcClient jdbc;
  private final Clock clock;
  private final ConcurrentHashMap<String, Cached> cache = new ConcurrentHashMap<>();

  public ApiKeys(JdbcClient jdbc, Clock clock) {
    this.jdbc = jdbc;
    this.clock = clock;
  }

  private static final String BEARER = "Bearer ";
  private static final int SECRET_CHARS_MAX = 200;

  /** The secret of an {@code Authorization: Bearer <key>} header; empty for any other header. */
  public static Optional<String> bearerSecret(String authorizationHeader) {
    if (authorizationHeader == null || !authorizationHeader.startsWith(BEARER)) {
      return Optional.empty();
    }
    return Optional.of(authorizationHeader.substring(BEARER.length()).trim());
  }

  /** The key a bearer secret names; empty when the secret is blank, oversized or unknown. */
  public Optional<ApiKey> resolveBearer(String secret) {
    return secret.isEmpty() || secret.length() > SECRET_CHARS_MAX ? Optional.empty()
        : resolve(secret);
  }

  public Optional<ApiKey> resolve(String secret) {
    String hash = hash(secret);
    long now = clock.millis();
    Cached cached = cache.get(hash);
    if (cached != null && now - cached.loadedAtMillis() < CACHE_MILLIS) {
      return cached.key();
    }
    Optional<ApiKey> key = jdbc.sql("""
            SELECT key_id, name, scopes FROM api_keys
            WHERE key_hash = :hash AND revoked_at IS NULL""")
        .param("hash", hash)
        .query((rs, n) -> new ApiKey(rs.getString(1), rs.getString(2),
            Arrays.asList(rs.getString(3).split(","))))
        .optional();
    if (cache.size() > 10_000) {
      cache.clear();
    }
    cache.put(hash, new Cached(key, now));
    return key;
  }

  public boolean isEmpty() {
    return jdbc.sql("SELECT COUNT(*) FROM api_keys").query(Long.class).single() == 0;
  }

  /**
   * Stores a new key. A miss for the same secret may be cached (a platform that tried the key
   * before it existed, as at a first start before the bootstrap key is written), so the cached
   * entry is dropped once the key is committed; otherwise the key would be refused for the rest
   * of the cache lifetime.
   */
  public void create(String keyId, String name, String secret, List<String> scopes) {
    String hash = hash(secret);
    if (TransactionSynchronizationManager.isSynchronizationActive()) {
      TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
        @Override
        public void afterCommit() {
          cache.remove(hash);
        }
      });
    }
    jdbc.sql("""
            INSERT INTO api_keys (key_id, name, key_hash, scopes, created_at)
            VALUES (:id, :name, :hash, :scopes, :at)""")
        .param("id", keyId)
        .param("name", name)
        .param("hash", hash)
        .param("scopes", String.join(",", scopes))
        .param("at", Timestamp.from(clock.instant()))
        .update();
    cache.remove(hash);
  }

  static String hash(String secret) {
    try {
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      return HexFormat.of().formatHex(sha.digest(secret.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every JVM", e);
    }
  }
}
