package io.holdfast.server.security.signin;

import io.holdfast.server.audit.AuditLog;
import io.holdfast.server.security.Actor;
import io.holdfast.server.security.signin.SignInLimits.Failure;
import io.holdfast.server.security.signin.SignInLimits.Scope;
import io.holdfast.server.security.signin.SignInLimits.Throttled;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * Writes failed sign-ins to the audit log, bounded so an attack cannot flood it: a failure is
 * written as {@code auth.sign_in_failed} only while it starts no throttle (at most a scope's
 * allowance of rows), a failure that starts one as one {@code auth.throttled} row per scope it
 * starts (a throttled scope's attempts are refused before they can fail, so that is at most one
 * row per wait), and past {@link #ROWS_PER_MINUTE_MAX} rows in a minute on this instance
 * nothing more is written until the next minute, counted in
 * {@code holdfast.sign_in.audit_suppressed}: a botnet's many addresses each get their
 * allowance, and the log still must not grow without bound. The password is never written;
 * the username is, as the person typed it, because that is what an auditor looks for.
 */
@Component
class SignInAudit {
  static final int ROWS_PER_MINUTE_MAX = 120;
  static final String FAILED = "auth.sign_in_failed";
  static final String THROTTLED = "auth.throttled";
  private static final Logger LOG = LoggerFactory.getLogger(SignInAudit.class);
  /** The audit log's entity_id holds 260 characters; no username is longer than 100. */
  private static final int NAME_CHARS_MAX = 100;

  private final AuditLog audit;
  private final TransactionTemplate tx;
  private final JsonMapper json;
  private final Clock clock;
  private final Counter suppressed;
  private Instant minute = Instant.EPOCH;
  private int rowsThisMinute;

  SignInAudit(AuditLog audit, TransactionTemplate tx, JsonMapper json, Clock clock,
      MeterRegistry meters) {
    this.audit = audit;
    this.tx = tx;
    this.json = json;
    this.clock = clock;
    this.suppressed = Counter.builder("holdfast.sign_in.audit_suppressed")
        .description("failed sign-ins not audited because this instance's audit budget for"
            + " them was spent that minute")
        .register(meters);
  }

  /** Audits one failure of {@code username} from {@code address}, as described above. */
  void failed(String username, String address, Failure failure) {
    String name = username.length() > NAME_CHARS_MAX
        ? username.substring(0, NAME_CHARS_MAX) : username;
    if (failure.started().isEmpty()) {
      Map<String, Object> state = state(name, address);
      state.put("failures", failure.pairFailures());
      write(FAILED, "user", name, address, state, "wrong password or unknown user");
      return;
    }
    for (Throttled t : failure.started()) {
      Map<String, Object> state = state(name, address);
      state.put("scope", t.scope().wire());
      state.put("failures", t.failures());
      state.put("retry_after_seconds", t.retryAfterSeconds());
      boolean byAddress = t.scope() == Scope.ADDRESS;
      write(THROTTLED, byAddress ? "address" : "user", byAddress ? address : name, address,
          state, reason(t));
    }
  }

  private static Map<String, Object> state(String name, String address) {
    Map<String, Object> state = new LinkedHashMap<>();
    state.put("username", name);
    state.put("address", address);
    return state;
  }

  private static String reason(Throttled t) {
    String what = switch (t.scope()) {
      case PAIR -> "failed sign-ins of this user from this address";
      case ADDRESS -> "usernames failed to sign in from this address";
      case USERNAME -> "failed sign-ins of this user from any address";
    };
    return t.failures() + " " + what + ": each attempt waits " + t.retryAfterSeconds()
        + " s or more";
  }

  private void write(String action, String entityType, String entityId, String address,
      Map<String, Object> state, String reason) {
    if (!spend()) {
      suppressed.increment();
      return;
    }
    String after = json.writeValueAsString(state);
    try {
      tx.executeWithoutResult(s -> audit.record(Actor.forAddress(address), action, entityType,
          entityId, null, after, reason));
    } catch (RuntimeException e) {
      // The sign-in was refused either way; losing its audit row must not turn a 401 into a
      // 500, but it is logged so the gap is known.
      LOG.error("could not audit {} of '{}' from {}", action, entityId, address, e);
    }
  }

  /** Takes one row from this minute's budget; false when it is spent. */
  private synchronized boolean spend() {
    Instant now = clock.instant().truncatedTo(ChronoUnit.MINUTES);
    if (!now.equals(minute)) {
      minute = now;
      rowsThisMinute = 0;
    }
    if (rowsThisMinute >= ROWS_PER_MINUTE_MAX) {
      if (rowsThisMinute == ROWS_PER_MINUTE_MAX) {
        LOG.warn("more than {} failed sign-ins to audit in the minute from {}: the rest of"
            + " that minute's are counted in holdfast.sign_in.audit_suppressed, not written",
            ROWS_PER_MINUTE_MAX, minute);
        rowsThisMinute++;
      }
      return false;
    }
    rowsThisMinute++;
    return true;
  }
}
