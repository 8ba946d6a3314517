package io.holdfast.server.holds;

import io.holdfast.core.hold.Hold;
import io.holdfast.core.hold.RiskTier;
import io.holdfast.core.ladder.LadderPolicy;
import io.holdfast.core.ladder.ScamType;
import io.holdfast.core.ladder.StepKind;
import io.holdfast.server.support.MessageTemplates;
import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Runs ladder steps: renders the template for the hold's suspected scam type and the sender's
 * language into a stored message (the evidence of what was said), or opens a call task for an
 * agent. Message ids are the hold id and step index, so a step runs once however often the
 * runner retries.
 */
@Repository
public class LadderMessages {
  private static final Map<String, String> LANGUAGE_BY_COUNTRY = Map.of(
      "ES", "es", "MX", "es", "AR", "es", "CO", "es", "CL", "es", "PE", "es");

  static final long EARLIER_WARNING_DAYS = 30;

  private final JdbcTemplate jdbc;
  private final LadderPolicy ladder;
  /** The template kind of a reminder sent while a hold is under investigation. */
  static final String REMINDER_UNDER_INVESTIGATION = "REMINDER_REVIEW";

  private final MessageTemplates templates;

  public LadderMessages(JdbcTemplate jdbc, LadderPolicy ladder) {
    this.jdbc = jdbc;
    this.ladder = ladder;
    this.templates = new MessageTemplates(jdbc);
  }

  /** A rendered template. */
  record Rendered(String title, String body, int version, String language) {}

  @Transactional(propagation = Propagation.MANDATORY)
  public void run(Hold hold, Instant releaseAt, List<Integer> stepIndexes, Instant now) {
    if (stepIndexes.isEmpty()) {
      return;
    }
    String language = language(hold.terms().senderAccount());
    ScamType type = ScamType.suspected(hold.terms().reasonCodes());
    for (int index : stepIndexes) {
      StepKind kind = ladder.steps().get(index).kind();
      if (kind == StepKind.CALL_TASK) {
        openCallTask(hold, type, releaseAt, now);
      } else {
        message(hold, index, kind, type, language, releaseAt, now);
      }
    }
  }

  /**
   * The template for a step. A reminder to a hold under investigation must not tell the sender
   * the payment "goes soon": whether it goes depends on what the team finds, so that reminder
   * has its own wording.
   */
  static String templateKind(Hold hold, StepKind kind) {
    return kind == StepKind.REMINDER && hold instanceof Hold.UnderInvestigation
        ? REMINDER_UNDER_INVESTIGATION : kind.name();
  }

  private void message(Hold hold, int index, StepKind kind, ScamType type, String language,
      Instant releaseAt, Instant now) {
    String templateType = kind == StepKind.WARNING ? type.name() : ScamType.GENERAL.name();
    Rendered r = render(templateKind(hold, kind), templateType, language, hold, releaseAt);
    String body = kind == StepKind.QUESTIONNAIRE ? r.body() + questions(language)
        : kind == StepKind.WARNING ? r.body() + earlierWarning(hold, now) : r.body();
    jdbc.update("INSERT INTO hold_messages (message_id, hold_id, step_index, kind, scam_type,"
            + " language, template_version, title, body, created_at)"
            + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING",
        hold.holdId() + ":" + index, hold.holdId(), index, kind.name(), type.name(),
        r.language(), r.version(), r.title(), body, Timestamp.from(now));
  }

  /**
   * The sender's latest proactive alert of the last 30 days (a risk assessment or a campaign
   * warning), recalled in the payment's warning: a reminder of a specific earlier warning
   * persuades more than a new one, and the hold's record then shows the sender was warned
   * before as well as now.
   */
  private String earlierWarning(Hold hold, Instant now) {
    List<String> found = jdbc.query("SELECT title, created_at FROM prevention_messages"
        + " WHERE account_id = ? AND created_at >= ? AND created_at <= ?"
        + " ORDER BY created_at DESC, message_id LIMIT 1",
        (rs, n) -> " On " + rs.getTimestamp(2).toInstant().toString().substring(0, 10)
            + " we also sent you a warning: \"" + rs.getString(1) + "\". Please read it again"
            + " before this payment goes ahead.", hold.terms().senderAccount(),
        Timestamp.from(now.minus(EARLIER_WARNING_DAYS, java.time.temporal.ChronoUnit.DAYS)),
        Timestamp.from(now));
    return found.isEmpty() ? "" : found.get(0);
  }

  private String questions(String language) {
    StringBuilder out = new StringBuilder();
    List<Map<String, Object>> rows = jdbc.queryForList("SELECT title, body FROM"
        + " message_templates WHERE kind = 'QUESTION' AND language = ? ORDER BY title", language);
    if (rows.isEmpty() && !language.equals("en")) {
      return questions("en");
    }
    for (Map<String, Object> row : rows) {
      out.append("\n[").append(row.get("title")).append("] ").append(row.get("body"));
    }
    return out.toString();
  }

  private void openCallTask(Hold hold, ScamType type, Instant releaseAt, Instant now) {
    Rendered script = render("CALL_SCRIPT", type.name(), "en", hold, releaseAt);
    int priority = hold.terms().tier() == RiskTier.SEVERE ? 1
        : hold.terms().senderVulnerable() ? 2 : 3;
    // kind CALL and source LADDER are the columns' defaults; the service-level deadline is
    // set by the interventions' sweeper from the priority.
    jdbc.update("INSERT INTO call_tasks (task_id, hold_id, account_id, reason, script, priority,"
            + " due_at, state, created_at, scam_type) VALUES (?, ?, ?, ?, ?, ?, ?, 'OPEN', ?, ?)"
            + " ON CONFLICT DO NOTHING",
        "call_" + hold.holdId(), hold.holdId(), hold.terms().senderAccount(),
        "held payment, suspected " + type.wire() + ": "
            + String.join(", ", hold.terms().reasonCodes()),
        script.body(), priority, Timestamp.from(now), Timestamp.from(now), type.name());
  }

  /** The template for kind, scam type and language, falling back to GENERAL and English. */
  Rendered render(String kind, String scamType, String language, Hold hold, Instant releaseAt) {
    MessageTemplates.Template t = templates.require(kind, scamType, language);
    return new Rendered(fill(t.title(), hold, releaseAt), fill(t.body(), hold, releaseAt),
        t.version(), t.language());
  }

  private static String fill(String text, Hold hold, Instant releaseAt) {
    var amount = hold.terms().amount();
    String major = BigDecimal.valueOf(amount.amountMinor())
        .movePointLeft(amount.currency().exponent()).stripTrailingZeros().toPlainString();
    return text.replace("{amount}", major)
        .replace("{currency}", amount.currency().code())
        .replace("{release_at}", releaseAt.toString());
  }

  private String language(String account) {
    List<String> countries = jdbc.queryForList(
        "SELECT country FROM accounts WHERE account_id = ?", String.class, account);
    String country = countries.isEmpty() ? null : countries.get(0);
    return country == null ? "en" : LANGUAGE_BY_COUNTRY.getOrDefault(country, "en");
  }
}
