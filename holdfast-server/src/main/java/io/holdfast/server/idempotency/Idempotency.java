package io.holdfast.server.idempotency;

import io.holdfast.server.security.Actor;
import io.holdfast.server.web.ApiProblem;
import io.holdfast.server.web.ProblemType;
import io.holdfast.server.web.RequestBodies;
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
import org.springframework.web.servlet.HandlerMapping;
import tools.jackson.databind.json.JsonMapper;

/**
 * Runs a state-changing request at most once per {@code Idempotency-Key} in its {@link Scope}:
 * the caller, the account the platform acts for ({@code Holdfast-Account}) and the route. The
 * same key from another account or on another route is a request of its own, so one
 * customer's key can never replay another customer's answer. The key row, the
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
  /** The header naming the customer a platform acts for, part of every key's scope. */
  public static final String ACCOUNT_HEADER = "Holdfast-Account";
  private static final int KEY_LENGTH_MAX = 200;
  private static final int SCOPE_PART_LENGTH_MAX = 200;

  /**
   * Whose key it is: the caller ({@link Actor#current()}), the account it acts for ('' when
   * none) and the route, as method and pattern ({@code POST /v1/holds/{holdId}/cancel}).
   */
  public record Scope(String principal, String account, String route) {
    public Scope {
      if (account.length() > SCOPE_PART_LENGTH_MAX) {
        throw ApiProblem.invalidField(ACCOUNT_HEADER, ACCOUNT_HEADER + " is at most "
            + SCOPE_PART_LENGTH_MAX + " characters");
      }
      io.holdfast.core.support.Invariants.check(route.length() <= SCOPE_PART_LENGTH_MAX,
          "route patterns are short");
    }

    /** The scope of the current request, which a handler has been chosen for. */
    public static Scope of(HttpServletRequest request) {
      Object pattern = request.getAttribute(HandlerMapping.BEST_MATCHING_PATTERN_ATTRIBUTE);
      String account = request.getHeader(ACCOUNT_HEADER);
      return new Scope(Actor.current(), account == null ? "" : account,
          request.getMethod() + " " + (pattern == null ? request.getRequestURI() : pattern));
    }
  }

  /** What a request produced: the status and the object to send as JSON. */
  /**
   * What a request's work answered; {@code replayBody} is what a replay answers instead, for
   * an answer holding a secret that must not be stored (a new API key's).
   */
  public record Result(HttpStatus status, Object body, Object replayBody) {
    public Result(HttpStatus status, Object body) {
      this(status, body, body);
    }

    public static Result withReplay(HttpStatus status, Object body, Object replayBody) {
      return new Result(status, body, replayBody);
    }
  }

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
    Scope scope = Scope.of(request);
    RequestHash hash = RequestHash.ofJson(request);
    return tx.execute(status -> {
      if (!claim(scope, key, hash.value())) {
        return replay(load(scope, key).orElseThrow(), hash);
      }
      Result result = work.get();
      String body = json.writeValueAsString(result.body());
      String stored = result.replayBody() == result.body() ? body
          : json.writeValueAsString(result.replayBody());
      jdbc.sql("""
              UPDATE idempotency_keys SET response_status = :status, response_body = :body
              WHERE principal = :p AND account = :a AND route = :r AND idempotency_key = :k""")
          .param("status", result.status().value())
          .param("body", stored)
          .param("p", scope.principal())
          .param("a", scope.account())
          .param("r", scope.route())
          .param("k", key)
          .update();
      return ResponseEntity.status(result.status()).contentType(MediaType.APPLICATION_JSON)
          .body(body);
    });
  }

  private boolean claim(Scope scope, String key, String hash) {
    return jdbc.sql("""
            INSERT INTO idempotency_keys (principal, account, route, idempotency_key,
              request_hash, response_status, response_body, created_at)
            VALUES (:p, :a, :r, :k, :h, 0, '', :at)
            ON CONFLICT DO NOTHING""")
        .param("p", scope.principal())
        .param("a", scope.account())
        .param("r", scope.route())
        .param("k", key)
        .param("h", hash)
        .param("at", Timestamp.from(clock.instant()))
        .update() == 1;
  }

  private Optional<Stored> load(Scope scope, String key) {
    return jdbc.sql("""
            SELECT request_hash, response_status, response_body FROM idempotency_keys
            WHERE principal = :p AND account = :a AND route = :r AND idempotency_key = :k""")
        .param("p", scope.principal())
        .param("a", scope.account())
        .param("r", scope.route())
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
