package io.holdfast.server.assessments;

import io.holdfast.core.ladder.ScamType;
import io.holdfast.core.prevention.Assessment;
import io.holdfast.core.prevention.AssessmentPolicy;
import io.holdfast.core.prevention.AssessmentPolicy.Decision;
import io.holdfast.core.prevention.AssessmentPolicy.Suppressed;
import io.holdfast.server.prevention.Channel;
import io.holdfast.server.prevention.PreventionMessages;
import io.holdfast.server.prevention.PreventionMessages.NewMessage;
import io.holdfast.server.support.MessageTemplates;
import io.holdfast.server.support.MessageTemplates.Template;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;

/**
 * Writes what one chunk's assessments lead to, inside the chunk's transaction: the recorded
 * assessments, the risk assessment messages (after the weekly cap and opt-outs) and the
 * intervention tasks. Ids come from the day and the account, so nothing can be written twice.
 */
final class ChunkWriter {
  static final Channel CHANNEL = Channel.IN_APP;

  /**
   * An assessment worth recording, with its decision. Letters are in English for now: the
   * templates are data, and a language added to them is picked up by {@link
   * PreventionMessages#template}.
   */
  record Outcome(Assessment assessment, Decision decision, boolean vulnerable) {}

  private final JdbcTemplate jdbc;
  private final NamedParameterJdbcTemplate named;
  private final PreventionMessages messages;
  private final Map<ScamType, Template> letters = new EnumMap<>(ScamType.class);
  private final Map<ScamType, Template> scripts = new EnumMap<>(ScamType.class);

  ChunkWriter(JdbcTemplate jdbc, PreventionMessages messages) {
    this.jdbc = jdbc;
    this.named = new NamedParameterJdbcTemplate(jdbc);
    this.messages = messages;
    MessageTemplates templates = new MessageTemplates(jdbc);
    for (ScamType type : ScamType.values()) {
      letters.put(type, templates.require("ASSESSMENT", type.name(), "en"));
      scripts.put(type, templates.require("CALL_SCRIPT", type.name(), "en"));
    }
  }

  /** Accounts among {@code accounts} with an open intervention task. */
  Set<String> withOpenTask(List<String> accounts) {
    Set<String> out = new HashSet<>();
    if (!accounts.isEmpty()) {
      named.query("SELECT DISTINCT account_id FROM call_tasks WHERE state = 'OPEN'"
          + " AND account_id IN (:accounts)", new MapSqlParameterSource("accounts", accounts),
          rs -> {
            out.add(rs.getString(1));
          });
    }
    return out;
  }

  AssessmentRuns.ChunkCounts write(LocalDate date, List<Outcome> outcomes, int accountsAssessed,
      Instant now) {
    String day = date.toString();
    List<NewMessage> letters = new ArrayList<>();
    int cooling = 0;
    int optedOut = 0;
    int tasks = 0;
    for (Outcome o : outcomes) {
      cooling += o.decision().suppressed() == Suppressed.COOLING_DOWN ? 1 : 0;
      optedOut += o.decision().suppressed() == Suppressed.OPTED_OUT ? 1 : 0;
      if (o.decision().message()) {
        letters.add(letter(day, o, now));
      }
      if (o.decision().task()) {
        tasks += openTask(day, o, now);
      }
    }
    insertAssessments(date, outcomes);
    int sent = messages.insert(letters);
    return new AssessmentRuns.ChunkCounts(accountsAssessed, outcomes.size(), sent, cooling,
        optedOut, tasks);
  }

  private NewMessage letter(String day, Outcome o, Instant now) {
    Assessment a = o.assessment();
    Template t = letters.get(a.resembles());
    return new NewMessage("assessment:" + day + ":" + a.accountId(), a.accountId(),
        "ASSESSMENT", day, a.resembles().name(), CHANNEL.name(), t.language(), t.version(),
        t.title(), t.body().replace("{noticed}", a.noticed()), now);
  }

  private int openTask(String day, Outcome o, Instant now) {
    Assessment a = o.assessment();
    String reason = String.format(java.util.Locale.ROOT,
        "daily assessment %s: exposure %.2f, resembles %s: %s", day, a.score(),
        a.resembles().wire(), a.explanation());
    // The intervention sweeper sets the service-level deadline from the priority.
    return jdbc.update("INSERT INTO call_tasks (task_id, hold_id, account_id, reason, script,"
        + " priority, due_at, state, created_at, kind, source, scam_type, created_by)"
        + " VALUES (?, NULL, ?, ?, ?, ?, ?, 'OPEN', ?, 'CALL', 'ASSESSMENT', ?, ?)"
        + " ON CONFLICT DO NOTHING", "assess_" + day + "_" + a.accountId(), a.accountId(),
        clip(reason, 1000), scripts.get(a.resembles()).body(), o.vulnerable() ? 2 : 3,
        Timestamp.from(now), Timestamp.from(now), a.resembles().name(), "daily assessment");
  }

  private void insertAssessments(LocalDate date, List<Outcome> outcomes) {
    if (outcomes.isEmpty()) {
      return;
    }
    jdbc.batchUpdate("INSERT INTO assessments (account_id, run_date, score_milli, resembles,"
        + " findings, explanation, action, task_opened) VALUES (?, ?, ?, ?, ?, ?, ?, ?)"
        + " ON CONFLICT DO NOTHING", outcomes, outcomes.size(), (ps, o) -> {
          Assessment a = o.assessment();
          ps.setString(1, a.accountId());
          ps.setDate(2, Date.valueOf(date));
          ps.setInt(3, a.scoreMilli());
          ps.setString(4, a.resembles().name());
          ps.setString(5, clip(String.join(",", a.findings().stream()
              .map(io.holdfast.core.prevention.Finding::code).toList()), 200));
          ps.setString(6, clip(a.explanation(), 2000));
          ps.setString(7, action(o.decision()));
          ps.setBoolean(8, o.decision().task());
        });
  }

  static String action(Decision d) {
    return d.message() ? "MESSAGED" : switch (d.suppressed()) {
      case COOLING_DOWN -> "COOLING_DOWN";
      case OPTED_OUT -> "OPTED_OUT";
      case NONE -> "RECORDED";
    };
  }

  private static String clip(String text, int max) {
    return text.length() <= max ? text : text.substring(0, max);
  }
}
