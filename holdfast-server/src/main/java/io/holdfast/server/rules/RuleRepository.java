package io.holdfast.server.rules;

import io.holdfast.core.rule.Rule;
import io.holdfast.core.rule.RuleStatus;
import io.holdfast.core.screening.Outcome;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Rules and the ruleset version in PostgreSQL; changes lock the one ruleset row first. */
@Repository
public class RuleRepository {
  private final JdbcClient jdbc;
  private final Clock clock;

  public RuleRepository(JdbcClient jdbc, Clock clock) {
    this.jdbc = jdbc;
    this.clock = clock;
  }

  public List<Rule> all() {
    return jdbc.sql("SELECT * FROM rules ORDER BY name").query(RuleRepository::map).list();
  }

  public Optional<Rule> find(String name) {
    return jdbc.sql("SELECT * FROM rules WHERE name = :n").param("n", name)
        .query(RuleRepository::map).optional();
  }

  public int version() {
    return jdbc.sql("SELECT version FROM ruleset WHERE id = 1").query(Integer.class).single();
  }

  /** Locks the ruleset row so concurrent rule changes apply one after another. */
  public int lockVersion() {
    return jdbc.sql("SELECT version FROM ruleset WHERE id = 1 FOR UPDATE")
        .query(Integer.class).single();
  }

  public void setVersion(int version) {
    jdbc.sql("UPDATE ruleset SET version = :v WHERE id = 1").param("v", version).update();
  }

  public void insert(Rule rule, String actor) {
    jdbc.sql("""
            INSERT INTO rules (name, expression, outcome, score, reason_code, description,
              status, version, updated_at, updated_by)
            VALUES (:name, :expression, :outcome, :score, :reason, :description, :status,
              :version, :at, :by)""")
        .params(params(rule, actor)).update();
  }

  public void update(Rule rule, String actor) {
    jdbc.sql("""
            UPDATE rules SET expression = :expression, outcome = :outcome, score = :score,
              reason_code = :reason, description = :description, status = :status,
              version = :version, updated_at = :at, updated_by = :by
            WHERE name = :name""")
        .params(params(rule, actor)).update();
  }

  private java.util.Map<String, Object> params(Rule rule, String actor) {
    var map = new java.util.HashMap<String, Object>();
    map.put("name", rule.name());
    map.put("expression", rule.expression());
    map.put("outcome", rule.outcome() == null ? null : rule.outcome().name());
    map.put("score", rule.score());
    map.put("reason", rule.reasonCode());
    map.put("description", rule.description());
    map.put("status", rule.status().name());
    map.put("version", rule.version());
    map.put("at", Timestamp.from(clock.instant()));
    map.put("by", actor);
    return map;
  }

  private static Rule map(ResultSet rs, int row) throws SQLException {
    String outcome = rs.getString("outcome");
    return new Rule(rs.getString("name"), rs.getString("expression"),
        outcome == null ? null : Outcome.valueOf(outcome), rs.getDouble("score"),
        rs.getString("reason_code"), rs.getString("description"),
        RuleStatus.valueOf(rs.getString("status")), rs.getInt("version"));
  }
}
