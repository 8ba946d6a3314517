package io.holdfast.server.register;

import io.holdfast.server.audit.AuditLog;
import io.holdfast.server.web.ApiProblem;
import io.holdfast.server.web.ProblemType;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Flags recorded by Holdfast's people (an analyst, an intervention's outcome) and the register
 * as analysts read it. A platform flag is the platform's: it is shown, but only the platform
 * clears it, by updating the profile.
 */
@Service
public class RegisterFlags {
  /** Who recorded a flag. */
  public enum Source { ANALYST, INTERVENTION }

  static final int HISTORY_MAX = 200;

  private final JdbcClient jdbc;
  private final VulnerabilityRegister register;
  private final AuditLog audit;
  private final TransactionTemplate tx;
  private final Clock clock;

  public RegisterFlags(JdbcClient jdbc, VulnerabilityRegister register, AuditLog audit,
      TransactionTemplate tx, Clock clock) {
    this.jdbc = jdbc;
    this.register = register;
    this.audit = audit;
    this.tx = tx;
    this.clock = clock;
  }

  /**
   * Records a flag (joins the caller's transaction); false when the account already had it
   * from Holdfast, in which case nothing is written. An analyst flags a known account only; an
   * intervention may flag an account the platform never described (its task came from a hold).
   */
  public boolean add(String accountId, String flag, Source source, String reason, String actor) {
    return Boolean.TRUE.equals(tx.execute(status -> {
      if (source == Source.ANALYST) {
        lockAccount(accountId);
      }
      int n = jdbc.sql("INSERT INTO vulnerability_flags (account_id, flag, source, reason,"
              + " set_by, set_at) VALUES (:a, :f, :s, :r, :by, :at) ON CONFLICT DO NOTHING")
          .param("a", accountId).param("f", flag).param("s", source.name()).param("r", reason)
          .param("by", actor).param("at", Timestamp.from(clock.instant())).update();
      if (n == 0) {
        return false;
      }
      audit.record(actor, "vulnerability.flag_added", VulnerabilityRegister.ENTITY, accountId,
          null, flag + " (" + source.name().toLowerCase(java.util.Locale.ROOT) + ")", reason);
      register.afterCommit(accountId);
      return true;
    }));
  }

  /** Clears a flag Holdfast recorded; false when there was none. */
  public boolean clear(String accountId, String flag, String reason, String actor) {
    return Boolean.TRUE.equals(tx.execute(status -> {
      lockAccount(accountId);
      int n = jdbc.sql("DELETE FROM vulnerability_flags WHERE account_id = :a AND flag = :f")
          .param("a", accountId).param("f", flag).update();
      if (n == 0) {
        if (platformFlags(accountId).contains(flag)) {
          throw new ApiProblem(ProblemType.CONFLICT, "'" + flag + "' is the platform's"
              + " consented flag; the platform clears it by updating the account's profile");
        }
        return false;
      }
      audit.record(actor, "vulnerability.flag_cleared", VulnerabilityRegister.ENTITY,
          accountId, flag, null, reason);
      register.afterCommit(accountId);
      return true;
    }));
  }

  /** The account row under lock: serialises changes to one account's register, 404 if none. */
  private void lockAccount(String accountId) {
    if (jdbc.sql("SELECT account_id FROM accounts WHERE account_id = :a FOR UPDATE")
        .param("a", accountId).query(String.class).list().isEmpty()) {
      throw ApiProblem.notFound("account " + accountId);
    }
  }

  List<String> platformFlags(String accountId) {
    List<String> rows = jdbc.sql("SELECT vulnerability_flags FROM accounts WHERE account_id = :a")
        .param("a", accountId).query(String.class).list();
    return rows.isEmpty() || rows.get(0).isEmpty() ? List.of()
        : Arrays.asList(rows.get(0).split(","));
  }

  /**
   * The register of one account: every flag with its source, the chronic marker and why, and
   * (for analysts) the history of changes, newest first. 404 when the account is unknown.
   */
  public Map<String, Object> view(String accountId, boolean forAnalyst) {
    if (jdbc.sql("SELECT COUNT(*) FROM accounts WHERE account_id = :a").param("a", accountId)
        .query(Long.class).single() == 0) {
      throw ApiProblem.notFound("account " + accountId);
    }
    List<Map<String, Object>> flags = new java.util.ArrayList<>();
    platformFlags(accountId).forEach(f -> flags.add(Map.of("flag", f, "source", "platform")));
    flags.addAll(recordedFlags(accountId, forAnalyst));
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("account_id", accountId);
    Map<String, Object> chronic = chronic(accountId);
    out.put("vulnerable", !flags.isEmpty() || chronic != null);
    out.put("flags", flags);
    out.put("chronic", chronic);
    if (forAnalyst) {
      out.put("history", history(accountId));
    }
    return out;
  }

  private List<Map<String, Object>> recordedFlags(String accountId, boolean forAnalyst) {
    return jdbc.sql("SELECT flag, source, reason, set_by, set_at FROM vulnerability_flags"
            + " WHERE account_id = :a ORDER BY flag")
        .param("a", accountId).query((rs, n) -> {
          Map<String, Object> m = new LinkedHashMap<>();
          m.put("flag", rs.getString(1));
          m.put("source", rs.getString(2).toLowerCase(java.util.Locale.ROOT));
          m.put("set_at", rs.getTimestamp(5).toInstant().toString());
          if (forAnalyst) {
            m.put("reason", rs.getString(3));
            m.put("set_by", rs.getString(4));
          }
          return m;
        }).list();
  }

  private Map<String, Object> chronic(String accountId) {
    return jdbc.sql("SELECT chronic_since, chronic_reason, checked_at FROM vulnerability_register"
            + " WHERE account_id = :a AND chronic_since IS NOT NULL")
        .param("a", accountId).query((rs, n) -> {
          Map<String, Object> m = new LinkedHashMap<>();
          m.put("since", rs.getTimestamp(1).toInstant().toString());
          m.put("reasons", List.of(rs.getString(2).split("; ")));
          m.put("checked_at", rs.getTimestamp(3).toInstant().toString());
          return m;
        }).optional().orElse(null);
  }

  private List<Map<String, Object>> history(String accountId) {
    return jdbc.sql("SELECT at, actor, action, before_state, after_state, reason FROM audit_log"
            + " WHERE entity_type = :t AND entity_id = :a ORDER BY audit_id DESC LIMIT :max")
        .param("t", VulnerabilityRegister.ENTITY).param("a", accountId)
        .param("max", HISTORY_MAX).query((rs, n) -> {
          Map<String, Object> m = new LinkedHashMap<>();
          m.put("at", rs.getTimestamp(1).toInstant().toString());
          m.put("actor", rs.getString(2));
          m.put("action", rs.getString(3));
          m.put("before", rs.getString(4));
          m.put("after", rs.getString(5));
          m.put("reason", rs.getString(6));
          return m;
        }).list();
  }
}
