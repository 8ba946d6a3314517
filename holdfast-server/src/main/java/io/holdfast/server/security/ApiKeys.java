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
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Platform API keys, stored as HMAC-SHA256 under the server's {@link KeyPepper}, which is not
 * in the database: a copy of {@code api_keys} alone does not let anyone test guesses offline.
 * A key is a long secret, so a slow hash would add nothing but latency on every call. Rows
 * written before the pepper ({@code hash_scheme = 'sha256'}, unsalted SHA-256) still verify,
 * and are rewritten as HMAC on their first successful use, so they go away as keys are used.
 *
 * <p>A key is looked up by its hash (an index lookup, no comparison of secrets in Java), and
 * the row found is checked again with {@link MessageDigest#isEqual}, which takes the same time
 * wherever the hashes differ. Resolved keys (and misses) are cached by hash for 30 seconds, so
 * screening's fast path pays one HMAC and a map lookup. No cache keeps a revoked or expired key
 * alive: an entry remembers the key's expiry and is checked against it on every hit; a
 * revocation on this instance drops the key's entries when it commits; and every instance polls
 * the newest revocation each second ({@link #refreshRevocations()}), dropping its cache when it
 * moves, so a key revoked elsewhere stops working here within that second.
 *
 * <p>When a key was last used is remembered in memory on each use and written at most once a
 * minute ({@link #flushLastUsed()}), so screening never waits for that write.
 */
@Repository
public class ApiKeys {
  private static final long CACHE_MILLIS = 30_000;
  static final String HMAC = "hmac-sha256";
  static final String LEGACY = "sha256";
  private static final String PEPPER_CHECK = "api_keys";
  private static final Logger LOG = LoggerFactory.getLogger(ApiKeys.class);

  /** A resolved key: its id and the scopes it grants. */
  public record ApiKey(String keyId, String name, List<String> scopes) {}

  private record Cached(Optional<ApiKey> key, long loadedAtMillis, long expiresAtMillis) {}

  private record Row(ApiKey key, String hash, String scheme, Timestamp expiresAt) {}

  private final JdbcClient jdbc;
  private final Clock clock;
  private final KeyPepper pepper;
  private final ConcurrentHashMap<String, Cached> cache = new ConcurrentHashMap<>();
  private final ConcurrentHashMap<String, Long> usedAtMillis = new ConcurrentHashMap<>();
  private volatile Timestamp newestRevocation;

  public ApiKeys(JdbcClient jdbc, Clock clock, KeyPepper pepper) {
    this.jdbc = jdbc;
    this.clock = clock;
    this.pepper = pepper;
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

  /**
   * The key a bearer secret names; empty when the secret is blank, oversized, unknown or a
   * JSON Web Token ({@link BearerTokens}: no key has that shape, so a token is not looked up).
   */
  public Optional<ApiKey> resolveBearer(String secret) {
    return secret.isEmpty() || secret.length() > SECRET_CHARS_MAX || BearerTokens.isJwt(secret)
        ? Optional.empty() : resolve(secret);
  }

  public Optional<ApiKey> resolve(String secret) {
    String hash = pepper.hmac(secret);
    long now = clock.millis();
    Cached cached = cache.get(hash);
    if (cached != null && now - cached.loadedAtMillis() < CACHE_MILLIS
        && now < cached.expiresAtMillis()) {
      cached.key().ifPresent(k -> usedAtMillis.put(k.keyId(), now));
      return cached.key();
    }
    Optional<Row> row = load(secret, hash, now);
    if (cache.size() > 10_000) {
      cache.clear();
    }
    Optional<ApiKey> key = row.map(Row::key);
    long expires = row.map(Row::expiresAt).map(Timestamp::getTime).orElse(Long.MAX_VALUE);
    cache.put(hash, new Cached(key, now, expires));
    key.ifPresent(k -> usedAtMillis.put(k.keyId(), now));
    return key;
  }

  /**
   * The active, unexpired key with this secret, upgrading a legacy SHA-256 row to HMAC when it
   * is one.
   */
  private Optional<Row> load(String secret, String hmac, long nowMillis) {
    String legacy = sha256(secret);
    List<Row> rows = jdbc.sql("""
            SELECT key_id, name, scopes, key_hash, hash_scheme, expires_at FROM api_keys
            WHERE key_hash IN (:hmac, :legacy) AND revoked_at IS NULL
              AND (expires_at IS NULL OR expires_at > :now)""")
        .param("hmac", hmac)
        .param("legacy", legacy)
        .param("now", new Timestamp(nowMillis))
        .query((rs, n) -> new Row(new ApiKey(rs.getString(1), rs.getString(2),
            Arrays.asList(rs.getString(3).split(","))), rs.getString(4), rs.getString(5),
            rs.getTimestamp(6)))
        .list();
    for (Row row : rows) {
      if (row.scheme().equals(HMAC) && same(row.hash(), hmac)) {
        return Optional.of(row);
      }
      if (row.scheme().equals(LEGACY) && same(row.hash(), legacy)) {
        upgrade(row.key().keyId(), hmac);
        return Optional.of(row);
      }
    }
    return Optional.empty();
  }

  /**
   * Drops every cached entry of {@code keyId} once the current transaction commits (at once
   * outside one): a revocation takes effect on this instance from its commit on.
   */
  public void forget(String keyId) {
    Runnable drop = () -> cache.entrySet().removeIf(e -> e.getValue().key()
        .map(k -> k.keyId().equals(keyId)).orElse(false));
    if (TransactionSynchronizationManager.isSynchronizationActive()) {
      TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
        @Override
        public void afterCommit() {
          drop.run();
        }
      });
    } else {
      drop.run();
    }
  }

  /**
   * Drops the cache when a key was revoked since the last look, by this instance or another:
   * one indexed query a second per instance.
   */
  @Scheduled(fixedDelayString = "${holdfast.api-keys.revocation-poll-millis:1000}")
  public void refreshRevocations() {
    Timestamp newest = jdbc.sql("SELECT MAX(revoked_at) FROM api_keys WHERE revoked_at IS NOT"
        + " NULL").query(Timestamp.class).optional().orElse(null);
    if (newest != null && !newest.equals(newestRevocation)) {
      cache.clear();
    }
    newestRevocation = newest;
  }

  /** Writes when each key was last used, for the keys used since the last flush. */
  @Scheduled(fixedDelayString = "${holdfast.api-keys.last-used-flush-millis:60000}")
  public void flushLastUsed() {
    List<String> used = List.copyOf(usedAtMillis.keySet());
    for (String keyId : used.subList(0, Math.min(used.size(), 10_000))) {
      Long at = usedAtMillis.remove(keyId);
      if (at != null) {
        jdbc.sql("""
                UPDATE api_keys SET last_used_at = :at
                WHERE key_id = :id AND (last_used_at IS NULL OR last_used_at < :at)""")
            .param("at", new Timestamp(at))
            .param("id", keyId)
            .update();
      }
    }
  }

  private void upgrade(String keyId, String hmac) {
    int n = jdbc.sql("""
            UPDATE api_keys SET key_hash = :hmac, hash_scheme = 'hmac-sha256'
            WHERE key_id = :id AND hash_scheme = 'sha256'""")
        .param("hmac", hmac)
        .param("id", keyId)
        .update();
    if (n == 1) {
      LOG.info("API key '{}' rehashed from unsalted SHA-256 to HMAC-SHA256 on first use",
          keyId);
    }
  }

  private static boolean same(String a, String b) {
    return MessageDigest.isEqual(a.getBytes(StandardCharsets.US_ASCII),
        b.getBytes(StandardCharsets.US_ASCII));
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
    create(keyId, name, secret, scopes, null, Actor.SYSTEM);
  }

  /** Stores a new key that expires at {@code expiresAt} (null: never), made by {@code actor}. */
  public void create(String keyId, String name, String secret, List<String> scopes,
      java.time.Instant expiresAt, String actor) {
    if (BearerTokens.isJwt(secret)) {
      throw new IllegalArgumentException("an API key must not have the shape of a JSON Web"
          + " Token (three dot-separated parts starting with 'eyJ'): it would be taken for a"
          + " single sign-on token");
    }
    String hash = pepper.hmac(secret);
    if (TransactionSynchronizationManager.isSynchronizationActive()) {
      TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
        @Override
        public void afterCommit() {
          cache.remove(hash);
        }
      });
    }
    jdbc.sql("""
            INSERT INTO api_keys (key_id, name, key_hash, hash_scheme, scopes, created_at,
              created_by, expires_at)
            VALUES (:id, :name, :hash, 'hmac-sha256', :scopes, :at, :by, :expires)""")
        .param("id", keyId)
        .param("name", name)
        .param("hash", hash)
        .param("scopes", String.join(",", scopes))
        .param("at", Timestamp.from(clock.instant()))
        .param("by", actor)
        .param("expires", expiresAt == null ? null : Timestamp.from(expiresAt))
        .update();
    cache.remove(hash);
  }

  /**
   * Checks that the pepper is the one this store's keys were hashed with, remembering its
   * fingerprint (an HMAC of a fixed text, which says nothing of the pepper) on first use. A
   * different pepper would refuse every key; the start fails instead, naming the fix.
   */
  public void checkPepper() {
    String fingerprint = pepper.hmac("holdfast key pepper fingerprint");
    jdbc.sql("""
            INSERT INTO secret_fingerprints (name, fingerprint) VALUES (:n, :f)
            ON CONFLICT DO NOTHING""")
        .param("n", PEPPER_CHECK)
        .param("f", fingerprint)
        .update();
    String stored = jdbc.sql("SELECT fingerprint FROM secret_fingerprints WHERE name = :n")
        .param("n", PEPPER_CHECK).query(String.class).single();
    if (!same(stored, fingerprint)) {
      throw new IllegalStateException("the API-key pepper from " + pepper.source() + " is not"
          + " the one this store's keys were hashed with: set " + KeyPepper.VARIABLE
          + " to the pepper of the other instances, or restore the data directory's"
          + " key-pepper file");
    }
  }

  static String sha256(String secret) {
    try {
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      return HexFormat.of().formatHex(sha.digest(secret.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every JVM", e);
    }
  }
}
