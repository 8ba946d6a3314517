package io.holdfast.server.idempotency;

import io.holdfast.server.security.Actor;
import io.holdfast.server.web.ApiProblem;
import io.holdfast.server.web.ProblemType;
import jakarta.servlet.http.HttpServletRequest;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.Optional;
import java.util.function.Supplier;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * Runs a state-changing request at most once per {@code Idempotency-Key}. The key row, the
 * change and the stored response share one transaction (Brandur: "map the request to one
 * transaction"): a second request with the same key waits on the first's row lock, then replays
 * its response with {@code Idempotency-Hit: true}; the same key with a different body is 422.
 * Bodies are compared as parsed JSON ({@link RequestHash}): whitespace and key order do not
 * make a retry different, any changed value does.
 * A request whose work fails rolls back its key too, so a retry runs again and, the inputs
 * being the same, fails the same way.
 */
@Component
public class Idempotency {
  public static final String HEADER = "Idempotency-Key";
  public static final String HIT_HEADER = "Idempotency-Hit";
  private static final int KEY_LENGTH_MAX = 200;

  /** What a request produced: the status and the object to send as JSON. */
  public record Result(HttpStatus status, Object body) {}

  private record Stored(String requestHash, int status, String body) {}

  private final JdbcClient jdbc;
  private final TransactionTemplate tx;
  private final JsonMapper json;
  private final Clock clock;

  public Idempotency(JdbcClient jdbc, TransactionTemplate tx, JsonMapper json, Clock clock) {
    this.jdbc = jdbc;
    this.tx = tx;
    this.json = json;
    this.clock = clock;
  }

  public ResponseEntity<String> execute(HttpServletRequest request, Supplier<Result> work) {
    String key = request.getHeader(HEADER);
    if (key == null) {
      return tx.execute(status -> respond(work.get(), false));
    }
    if (key.isBlank() || key.length() > KEY_LENGTH_MAX) {
      throw ApiProblem.invalidField(HEADER, "Idempotency-Key must be 1 to 200 characters");
    }
    String principal = Actor.current();
    RequestHash hash = RequestHash.ofJson(request);
    return tx.execute(status -> {
      if (!claim(principal, key, hash.value())) {
        return replay(load(principal, key).orElseThrow(), hash);
      }
      Result result = work.get();
      String body = json.writeValueAsString(result.body());
      jdbc.sql("""
              UPDATE idempotency_keys SET response_status = :status, response_body = :body
              WHERE principal = :p AND idempotency_key = :k""")
          .param("status", result.status().value())
          .param("body", body)
          .param("p", principal)
          .param("k", key)
          .update();
      return ResponseEntity.status(result.status()).contentType(MediaType.APPLICATION_JSON)
          .body(body);
    });
  }

  private boolean claim(String principal, String key, String hash) {
    return jdbc.sql("""
            INSERT INTO idempotency_keys
              (principal, idempotency_key, request_hash, response_status, response_body, created_at)
            VALUES (:p, :k, :h, 0, '', :at)
            ON CONFLICT DO NOTHING""")
        .param("p", principal)
        .param("k", key)
        .param("h", hash)
        .param("at", Timestamp.from(clock.instant()))
        .update() == 1;
  }

  private Optional<Stored> load(String principal, String key) {
    return jdbc.sql("""
            SELECT request_hash, response_status, response_body FROM idempotency_keys
            WHERE principal = :p AND idempotency_key = :k""")
        .param("p", principal)
        .param("k", key)
        .query((rs, n) -> new Stored(rs.getString(1), rs.getInt(2), rs.getString(3)))
        .optional();
  }

  private ResponseEntity<String> replay(Stored stored, RequestHash hash) {
    if (!hash.matches(stored.requestHash())) {
      throw new ApiProblem(ProblemType.IDEMPOTENCY_KEY_REUSED,
          "this Idempotency-Key was used for a different request; use a new key for new work");
    }
    if (stored.status() == 0) {
      throw new ApiProblem(ProblemType.CONFLICT,
          "a request with this Idempotency-Key is still running; retry shortly");
    }
    return ResponseEntity.status(stored.status()).contentType(MediaType.APPLICATION_JSON)
        .header(HIT_HEADER, "true").body(stored.body());
  }

  private ResponseEntity<String> respond(Result result, boolean hit) {
    var builder = ResponseEntity.status(result.status()).contentType(MediaType.APPLICATION_JSON);
    if (hit) {
      builder.header(HIT_HEADER, "true");
    }
    return builder.body(json.writeValueAsString(result.body()));
  }
}
