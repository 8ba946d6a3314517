package io.holdfast.server.prevention;

import io.holdfast.core.support.Invariants;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * The outbox of prevention messages (personal risk assessments and campaign warnings) that the
 * platform pulls and shows its customers. Writers insert in their own transaction; a message's
 * id comes from its cause, so writing it twice inserts it once.
 */
@Repository
public class PreventionMessages {
  public static final int PAGE_MAX = 1_000;
  static final int ACCOUNTS_PER_QUERY_MAX = 10_000;

  /** A message to write. {@code source} is ASSESSMENT or CAMPAIGN. */
  public record NewMessage(String messageId, String accountId, String source, String sourceRef,
      String scamType, String channel, String language, int templateVersion, String title,
      String body, Instant createdAt) {}

  private final JdbcTemplate jdbc;
  private final NamedParameterJdbcTemplate named;

  public PreventionMessages(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
    this.named = new NamedParameterJdbcTemplate(jdbc);
  }

  /** Writes the messages not written before, in the caller's transaction; returns how many. */
  public int insert(List<NewMessage> messages) {
    Invariants.check(messages.size() <= ACCOUNTS_PER_QUERY_MAX, "too many messages at once");
    if (messages.isEmpty()) {
      return 0;
    }
    int[][] counts = jdbc.batchUpdate("INSERT INTO prevention_messages (message_id, account_id,"
        + " source, source_ref, scam_type, channel, language, template_version, title, body,"
        + " created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING",
        messages, messages.size(), (ps, m) -> {
          ps.setString(1, m.messageId());
          ps.setString(2, m.accountId());
          ps.setString(3, m.source());
          ps.setString(4, m.sourceRef());
          ps.setString(5, m.scamType());
          ps.setString(6, m.channel());
          ps.setString(7, m.language());
          ps.setInt(8, m.templateVersion());
          ps.setString(9, m.title());
          ps.setString(10, m.body());
          ps.setTimestamp(11, Timestamp.from(m.createdAt()));
        });
    int inserted = 0;
    for (int[] batch : counts) {
      for (int count : batch) {
        inserted += count > 0 ? 1 : 0;
      }
    }
    return inserted;
  }

  /** When each of {@code accounts} last got a message from {@code source}, if ever. */
  public Map<String, Instant> lastSent(List<String> accounts, String source) {
    Invariants.check(accounts.size() <= ACCOUNTS_PER_QUERY_MAX, "too many accounts at once");
    Map<String, Instant> out = new HashMap<>();
    if (accounts.isEmpty()) {
      return out;
    }
    named.query("SELECT account_id, MAX(created_at) FROM prevention_messages"
        + " WHERE account_id IN (:accounts) AND source = :source GROUP BY account_id",
        new MapSqlParameterSource("accounts", accounts).addValue("source", source),
        rs -> {
          out.put(rs.getString(1), rs.getTimestamp(2).toInstant());
        });
    return out;
  }

  /** Messages numbered after {@code afterSeq}, in order, at most {@code limit}. */
  public List<Map<String, Object>> page(long afterSeq, int limit) {
    Invariants.check(limit >= 1 && limit <= PAGE_MAX, "page size out of bounds");
    return jdbc.query("SELECT seq, message_id, account_id, source, source_ref, scam_type,"
        + " channel, language, title, body, created_at, shown_at FROM prevention_messages"
        + " WHERE seq > ? ORDER BY seq LIMIT ?", (rs, n) -> view(rs), afterSeq, limit);
  }

  /** An account's messages, newest first, at most {@code limit}. */
  public List<Map<String, Object>> ofAccount(String accountId, int limit) {
    Invariants.check(limit >= 1 && limit <= PAGE_MAX, "page size out of bounds");
    return jdbc.query("SELECT seq, message_id, account_id, source, source_ref, scam_type,"
        + " channel, language, title, body, created_at, shown_at FROM prevention_messages"
        + " WHERE account_id = ? ORDER BY created_at DESC, message_id LIMIT ?",
        (rs, n) -> view(rs), accountId, limit);
  }

  /** The account a message was written for, if the message exists. */
  public Optional<String> accountOf(String messageId) {
    return jdbc.queryForList("SELECT account_id FROM prevention_messages WHERE message_id = ?",
        String.class, messageId).stream().findFirst();
  }

  /** Marks a message shown; true the first time. */
  public boolean markShown(String messageId, Instant at) {
    return jdbc.update("UPDATE prevention_messages SET shown_at = ? WHERE message_id = ?"
        + " AND shown_at IS NULL", Timestamp.from(at), messageId) == 1;
  }

  private static Map<String, Object> view(ResultSet rs) throws SQLException {
    Map<String, Object> m = new LinkedHashMap<>();
    long seq = rs.getLong(1);
    m.put("seq", rs.wasNull() ? null : seq);
    m.put("message_id", rs.getString(2));
    m.put("account_id", rs.getString(3));
    m.put("source", rs.getString(4).toLowerCase(Locale.ROOT));
    m.put("source_ref", rs.getString(5));
    m.put("scam_type", rs.getString(6).toLowerCase(Locale.ROOT));
    m.put("channel", rs.getString(7).toLowerCase(Locale.ROOT));
    m.put("language", rs.getString(8));
    m.put("title", rs.getString(9));
    m.put("body", rs.getString(10));
    m.put("created_at", rs.getTimestamp(11).toInstant().toString());
    Timestamp shown = rs.getTimestamp(12);
    m.put("shown_at", shown == null ? null : shown.toInstant().toString());
    return m;
  }
}
