package io.holdfast.server.people;

import io.holdfast.core.support.Invariants;
import io.holdfast.server.audit.AuditLog;
import io.holdfast.server.security.ApiKeys;
import io.holdfast.server.security.KeyScope;
import io.holdfast.server.support.IdGenerator;
import io.holdfast.server.web.Timestamps;
import java.security.SecureRandom;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * Platforms' API keys: made with a secret shown once, listed without secrets, revoked at once.
 * Several keys of one platform can be live together, which is how a key is rotated without
 * downtime: make the new key, move the platform to it, revoke the old one.
 */
public final class ApiKeyDirectory {
  /** Keys a deployment may hold; far above what any platform needs, so a list stays small. */
  public static final int KEYS_MAX = 1_000;
  static final Duration LIFETIME_MAX = Duration.ofDays(2 * 366);
  private static final int NAME_CHARS_MAX = 100;
  private static final int SECRET_BYTES = 32;
  private static final String COLUMNS = "key_id, name, scopes, created_at, created_by,"
      + " last_used_at, expires_at, revoked_at, revoked_by";

  private final JdbcClient jdbc;
  private final TransactionTemplate tx;
  private final ApiKeys keys;
  private final AuditLog audit;
  private final IdGenerator ids;
  private final Clock clock;
  private final SecureRandom random = new SecureRandom();
  private final JsonMapper json;

  /** What the audit log keeps of a new key: never its secret. */
  private record KeyState(String name, List<String> scopes, Instant expiresAt) {}

  public ApiKeyDirectory(JdbcClient jdbc, TransactionTemplate tx, ApiKeys keys, AuditLog audit,
      IdGenerator ids, Clock clock, JsonMapper json) {
    this.json = json;
    this.jdbc = jdbc;
    this.tx = tx;
    this.keys = keys;
    this.audit = audit;
    this.ids = ids;
    this.clock = clock;
  }

  /**
   * Why {@link #create} would refuse {@code request} now, or empty when it would make the key;
   * writes nothing. The console asks this before it asks the person to confirm.
   */
  public Optional<PeopleFailure> refusal(NewApiKey request) {
    return checkName(request.name()).or(() -> checkScopes(request.scopes()))
        .or(() -> checkExpiry(request.expiresAt(), clock.instant()));
  }

  /** Makes a key; the answer holds its secret, which Holdfast does not keep. */
  public PeopleOutcome<CreatedApiKey> create(String actor, NewApiKey request) {
    Instant now = clock.instant();
    Optional<PeopleFailure> invalid = checkName(request.name()).or(() -> checkScopes(
        request.scopes())).or(() -> checkExpiry(request.expiresAt(), now));
    if (invalid.isPresent()) {
      return PeopleOutcome.refused(invalid.get());
    }
    Instant expiresAt = request.expiresAt() == null ? null
        : Timestamps.parse("expires_at", request.expiresAt());
    List<String> scopes = request.scopes().stream().map(s -> KeyScope.parse(s).orElseThrow())
        .map(KeyScope::wire).distinct().toList();
    String keyId = ids.next("key");
    String secret = "hf_" + Base64.getUrlEncoder().withoutPadding().encodeToString(
        randomBytes());
    return tx.execute(status -> {
      long count = jdbc.sql("SELECT COUNT(*) FROM api_keys").query(Long.class).single();
      if (count >= KEYS_MAX) {
        return PeopleOutcome.refused(new PeopleFailure.Invalid("name", "this deployment"
            + " already has " + KEYS_MAX + " keys; revoke unused ones first"));
      }
      keys.create(keyId, request.name(), secret, scopes, expiresAt, actor);
      audit.record(actor, "api_key.created", "api_key", keyId, null,
          json.writeValueAsString(new KeyState(request.name(), scopes, expiresAt)), null);
      return PeopleOutcome.done(new CreatedApiKey(keyId, request.name(), scopes, secret,
          now, expiresAt));
    });
  }

  /** Every key, newest first (bounded by {@link #KEYS_MAX}). */
  public ApiKeyList list() {
    return new ApiKeyList(jdbc.sql("SELECT " + COLUMNS + " FROM api_keys"
            + " ORDER BY created_at DESC, key_id LIMIT :limit")
        .param("limit", KEYS_MAX)
        .query((rs, n) -> view(rs))
        .list());
  }

  public Optional<ApiKeyView> find(String keyId) {
    return jdbc.sql("SELECT " + COLUMNS + " FROM api_keys WHERE key_id = :id")
        .param("id", keyId)
        .query((rs, n) -> view(rs))
        .optional();
  }

  /**
   * Revokes a key: from the commit on it is refused on this instance, and within a second on
   * every other. Revoking a revoked key changes nothing and answers it as it is.
   */
  public PeopleOutcome<ApiKeyView> revoke(String actor, String keyId) {
    return tx.execute(status -> {
      Optional<ApiKeyView> locked = jdbc.sql("SELECT " + COLUMNS + " FROM api_keys"
              + " WHERE key_id = :id FOR UPDATE")
          .param("id", keyId)
          .query((rs, n) -> view(rs))
          .optional();
      if (locked.isEmpty()) {
        return PeopleOutcome.refused(new PeopleFailure.NotFound("API key " + keyId
            + " was not found"));
      }
      if (locked.get().revokedAt() != null) {
        return PeopleOutcome.done(locked.get());
      }
      int updated = jdbc.sql("""
              UPDATE api_keys SET revoked_at = :at, revoked_by = :by
              WHERE key_id = :id AND revoked_at IS NULL""")
          .param("at", Timestamp.from(clock.instant()))
          .param("by", actor)
          .param("id", keyId)
          .update();
      Invariants.check(updated == 1, "the locked key %s was revoked once", keyId);
      audit.record(actor, "api_key.revoked", "api_key", keyId, "{\"state\":\""
          + locked.get().state() + "\"}", "{\"state\":\"revoked\"}", null);
      keys.forget(keyId);
      return PeopleOutcome.done(find(keyId).orElseThrow());
    });
  }

  private static Optional<PeopleFailure> checkName(String name) {
    if (name == null || name.isBlank() || name.length() > NAME_CHARS_MAX
        || name.chars().anyMatch(Character::isISOControl)) {
      return Optional.of(new PeopleFailure.Invalid("name", "a key's name is 1 to "
          + NAME_CHARS_MAX + " characters without control characters, such as the platform"
          + " and the month it was made"));
    }
    return Optional.empty();
  }

  private static Optional<PeopleFailure> checkScopes(List<String> scopes) {
    if (scopes == null || scopes.isEmpty()) {
      return Optional.of(new PeopleFailure.Invalid("scopes", "give at least one scope: "
          + String.join(", ", KeyScope.all())));
    }
    for (String scope : scopes) {
      if (KeyScope.parse(scope).isEmpty()) {
        return Optional.of(new PeopleFailure.Invalid("scopes", "'" + scope + "' is not a"
            + " scope; the scopes are " + String.join(", ", KeyScope.all())));
      }
    }
    return Optional.empty();
  }

  /** An expiry is a time in the future, at most {@link #LIFETIME_MAX} after {@code now}. */
  private static Optional<PeopleFailure> checkExpiry(String text, Instant now) {
    if (text == null) {
      return Optional.empty();
    }
    Instant expiresAt;
    try {
      expiresAt = Timestamps.parse("expires_at", text);
    } catch (RuntimeException e) {
      return Optional.of(new PeopleFailure.Invalid("expires_at", e.getMessage()));
    }
    if (!expiresAt.isAfter(now) || expiresAt.isAfter(now.plus(LIFETIME_MAX))) {
      return Optional.of(new PeopleFailure.Invalid("expires_at", "expires_at must be in the"
          + " future and at most two years away"));
    }
    return Optional.empty();
  }

  private byte[] randomBytes() {
    byte[] bytes = new byte[SECRET_BYTES];
    random.nextBytes(bytes);
    return bytes;
  }

  private ApiKeyView view(ResultSet rs) throws SQLException {
    Instant expires = instant(rs.getTimestamp("expires_at"));
    Instant revoked = instant(rs.getTimestamp("revoked_at"));
    String state = revoked != null ? ApiKeyView.REVOKED
        : expires != null && !expires.isAfter(clock.instant()) ? ApiKeyView.EXPIRED
        : ApiKeyView.ACTIVE;
    List<String> scopes = new ArrayList<>(List.of(rs.getString("scopes").split(",")));
    return new ApiKeyView(rs.getString("key_id"), rs.getString("name"), List.copyOf(scopes),
        state, instant(rs.getTimestamp("created_at")), rs.getString("created_by"),
        instant(rs.getTimestamp("last_used_at")), expires, revoked, rs.getString("revoked_by"));
  }

  private static Instant instant(Timestamp t) {
    return t == null ? null : t.toInstant();
  }

}
