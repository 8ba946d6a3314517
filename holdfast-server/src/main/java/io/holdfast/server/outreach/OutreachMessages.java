package io.holdfast.server.outreach;

import io.holdfast.core.money.CurrencyCatalog;
import io.holdfast.core.money.MinorSums;
import io.holdfast.core.outreach.OutreachStep;
import io.holdfast.core.outreach.OutreachTerms;
import io.holdfast.core.support.Invariants;
import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import io.holdfast.server.support.MessageTemplates;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The messages of outreach conversations: rendered from templates (rows of
 * {@code message_templates}, kind {@code OR_<STEP>}, per scam type and language, falling back to
 * GENERAL and English) and written to the outbox the platform pulls. A message's id is the
 * conversation, the version its sending produced and the step, so a retried change writes it
 * once. The rendered text is kept: it is the evidence of what the victim was told.
 */
@Repository
public class OutreachMessages {
  public static final int PAGE_MAX = 1_000;
  private static final Map<String, String> LANGUAGE_BY_COUNTRY = Map.of(
      "ES", "es", "MX", "es", "AR", "es", "CO", "es", "CL", "es", "PE", "es");

  /** What a conversation's messages say about the victim's loss and the case. */
  public record Context(String loss, Instant firstPaidAt, Instant lastPaidAt, String frozen,
      Instant decideBy) {}


  private final JdbcTemplate jdbc;
  private final MessageTemplates templates;
  private final CurrencyCatalog currencies;

  public OutreachMessages(JdbcTemplate jdbc, CurrencyCatalog currencies) {
    this.jdbc = jdbc;
    this.templates = new MessageTemplates(jdbc);
    this.currencies = currencies;
  }

  /** The language of an account's country (Spanish-speaking countries get Spanish). */
  public static String language(String country) {
    return country == null ? "en" : LANGUAGE_BY_COUNTRY.getOrDefault(country, "en");
  }

  /** "1234.5 USD and 20 USDT", from minor units per currency. */
  public String loss(Map<String, Long> minorByCurrency) {
    List<String> parts = new ArrayList<>(minorByCurrency.size());
    minorByCurrency.forEach((code, minor) -> {
      int exponent = currencies.find(code).map(c -> c.exponent()).orElse(0);
      parts.add(BigDecimal.valueOf(minor).movePointLeft(exponent).stripTrailingZeros()
          .toPlainString() + " " + code);
    });
    return String.join(" and ", parts);
  }

  /** Writes the messages for {@code steps}, each rendered for the conversation. */
  @Transactional(propagation = Propagation.MANDATORY)
  void send(List<Outgoing> outgoing, Instant now) {
    if (outgoing.isEmpty()) {
      return;
    }
    Map<String, MessageTemplates.Template> cache = new HashMap<>();
    List<Object[]> rows = new ArrayList<>(outgoing.size());
    for (Outgoing o : outgoing) {
      OutreachTerms t = o.terms();
      MessageTemplates.Template template = cache.computeIfAbsent(o.step() + "/" + t.scamType() + "/"
          + t.language(), k -> template(o.step(), t.scamType(), t.language()));
      rows.add(new Object[] {t.outreachId() + ":v" + o.version() + ":" + o.step().name(),
          t.outreachId(), t.victimAccount(), o.step().name(), template.language(),
          template.version(), fill(template.title(), o.context()),
          fill(template.body(), o.context()), Timestamp.from(now)});
    }
    jdbc.batchUpdate("INSERT INTO outreach_messages (message_id, outreach_id, victim_account,"
        + " step, language, template_version, title, body, created_at)"
        + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING", rows);
  }

  /** One message to send: which conversation, at which version, which step, with what facts. */
  record Outgoing(OutreachTerms terms, int version, OutreachStep step, Context context) {}

  private MessageTemplates.Template template(OutreachStep step, String scamType,
      String language) {
    return templates.require("OR_" + step.name(), scamType, language);
  }

  private static String fill(String text, Context c) {
    return text.replace("{loss}", c.loss())
        .replace("{first_paid_at}", day(c.firstPaidAt()))
        .replace("{last_paid_at}", day(c.lastPaidAt()))
        .replace("{frozen}", c.frozen())
        .replace("{decide_by}", day(c.decideBy()));
  }

  private static String day(Instant at) {
    return at == null ? "-" : at.atOffset(ZoneOffset.UTC).toLocalDate().toString();
  }

  /** The facts a conversation's later messages need, read from the store. */
  Context context(String scammerId, OutreachTerms t) {
    Map<String, Long> lossByCurrency = new LinkedHashMap<>();
    Instant[] span = new Instant[2];
    jdbc.query("SELECT currency, amount_minor, first_paid_at, last_paid_at FROM sweep_victims"
        + " WHERE scammer_id = ? AND victim_account = ? ORDER BY currency", rs -> {
          lossByCurrency.put(rs.getString(1), rs.getLong(2));
          Instant first = rs.getTimestamp(3).toInstant();
          Instant last = rs.getTimestamp(4).toInstant();
          span[0] = span[0] == null || first.isBefore(span[0]) ? first : span[0];
          span[1] = span[1] == null || last.isAfter(span[1]) ? last : span[1];
        }, scammerId, t.victimAccount());
    List<Timestamp> decideBy = jdbc.queryForList("SELECT MIN(decide_by) FROM claims"
        + " WHERE case_id = ? AND victim_account = ?", Timestamp.class, t.caseId(),
        t.victimAccount());
    Timestamp by = decideBy.isEmpty() ? null : decideBy.get(0);
    return new Context(lossByCurrency.isEmpty() ? "money" : loss(lossByCurrency), span[0],
        span[1], frozen(t.caseId()), by == null ? null : by.toInstant());
  }

  /** What the case has frozen, in words for the victim. */
  public String frozen(String caseId) {
    Map<String, Long> byCurrency = new LinkedHashMap<>();
    int[] accounts = {0};
    jdbc.query("SELECT f.freeze_id, ff.currency, ff.amount_minor FROM freezes f"
        + " LEFT JOIN frozen_funds ff ON ff.freeze_id = f.freeze_id WHERE f.case_id = ?"
        + " AND f.state = 'ACTIVE' ORDER BY f.freeze_id, ff.currency LIMIT 1000", rs -> {
          accounts[0]++;
          if (rs.getString(2) != null) {
            // Saturating: the sum is only put in words for the victim.
            byCurrency.merge(rs.getString(2), rs.getLong(3), MinorSums::saturatingAdd);
          }
        }, caseId);
    if (accounts[0] == 0) {
      return "nothing yet; we are tracing where the money went";
    }
    return byCurrency.isEmpty() ? "the scammer's accounts are frozen"
        : loss(byCurrency) + " is frozen so far";
  }

  /** Messages numbered after {@code afterSeq}, in order, at most {@code limit}. */
  public List<Map<String, Object>> page(long afterSeq, int limit) {
    Invariants.check(limit >= 1 && limit <= PAGE_MAX, "page size out of bounds");
    return jdbc.query("SELECT seq, message_id, outreach_id, victim_account, step, language,"
        + " title, body, created_at, shown_at FROM outreach_messages WHERE seq > ?"
        + " ORDER BY seq LIMIT ?", (rs, n) -> view(rs), afterSeq, limit);
  }

  /** A conversation's messages, oldest first. */
  List<Map<String, Object>> ofOutreach(String outreachId) {
    return jdbc.query("SELECT seq, message_id, outreach_id, victim_account, step, language,"
        + " title, body, created_at, shown_at FROM outreach_messages WHERE outreach_id = ?"
        + " ORDER BY created_at, message_id LIMIT 1000", (rs, n) -> view(rs), outreachId);
  }

  /** Marks a message shown; true the first time. */
  @Transactional(propagation = Propagation.MANDATORY)
  boolean markShown(String outreachId, String messageId, String channel, Instant at) {
    return jdbc.update("UPDATE outreach_messages SET shown_at = ?, shown_channel = ?"
        + " WHERE message_id = ? AND outreach_id = ? AND shown_at IS NULL", Timestamp.from(at),
        channel, messageId, outreachId) == 1;
  }

  boolean exists(String outreachId, String messageId) {
    return !jdbc.queryForList("SELECT message_id FROM outreach_messages WHERE message_id = ?"
        + " AND outreach_id = ?", String.class, messageId, outreachId).isEmpty();
  }

  private static Map<String, Object> view(java.sql.ResultSet rs) throws java.sql.SQLException {
    Map<String, Object> m = new LinkedHashMap<>();
    long seq = rs.getLong(1);
    m.put("seq", rs.wasNull() ? null : seq);
    m.put("message_id", rs.getString(2));
    m.put("outreach_id", rs.getString(3));
    m.put("victim_account", rs.getString(4));
    m.put("step", rs.getString(5).toLowerCase(java.util.Locale.ROOT));
    m.put("language", rs.getString(6));
    m.put("title", rs.getString(7));
    m.put("body", rs.getString(8));
    m.put("created_at", rs.getTimestamp(9).toInstant().toString());
    Timestamp shown = rs.getTimestamp(10);
    m.put("shown_at", shown == null ? null : shown.toInstant().toString());
    return m;
  }
}
