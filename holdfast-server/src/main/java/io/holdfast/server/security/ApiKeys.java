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
 * screening's fast path pays one HMAC and a map lookup; a revoked key stops working within
 * the cache lifetime.
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

  private record Cached(Optional<ApiKey> key, long loadedAtMillis) {}

  private record Row(ApiKey key, String hash, String scheme) {}

  private final JdbcClient jdbc;
  private final Clock clock;
  private final KeyPepper pepper;
  private final ConcurrentHashMap<String, Cached> cache = new ConcurrentHashMap<>();

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
    if (cached != null && now - cached.loadedAtMillis() < CACHE_MILLIS) {
      return cached.key();
    }
    Optional<ApiKey> key = load(secret, hash);
    if (cache.size() > 10_000) {
      cache.clear();
    }
    cache.put(hash, new Cached(key, now));
    return key;
  }

  /** The active key with this secret, upgrading a legacy SHA-256 row to HMAC when it is one. */
  private Optional<ApiKey> load(String secret, String hmac) {
    String legacy = sha256(secret);
    List<Row> rows = jdbc.sql("""
            SELECT key_id, name, scopes, key_hash, hash_scheme FROM api_keys
            WHERE key_hash IN (:hmac, :legacy) AND revoked_at IS NULL""")
        .param("hmac", hmac)
        .param("legacy", legacy)
        .query((rs, n) -> new Row(new ApiKey(rs.getString(1), rs.getString(2),
            Arrays.asList(rs.getString(3).split(","))), rs.getString(4), rs.getString(5)))
        .list();
    for (Row row : rows) {
      if (row.scheme().equals(HMAC) && same(row.hash(), hmac)) {
        return Optional.of(row.key());
      }
      if (row.scheme().equals(LEGACY) && same(row.hash(), legacy)) {
        upgrade(row.key().keyId(), hmac);
        return Optional.of(row.key());
      }
    }
    return Optional.empty();
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
            INSERT INTO api_keys (key_id, name, key_hash, hash_scheme, scopes, created_at)
            VALUES (:id, :name, :hash, 'hmac-sha256', :scopes, :at)""")
        .param("id", keyId)
        .param("name", name)
        .param("hash", hash)
        .param("scopes", String.join(",", scopes))
        .param("at", Timestamp.from(clock.instant()))
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
