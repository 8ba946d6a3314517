package io.holdfast.server.holds;

import io.holdfast.core.hold.Hold;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Reads a {@link HoldDetail}: one hold, its decision, its timeline and its recipient's holds. */
@Repository
public class HoldDetails {
  static final int OTHER_HOLDS_MAX = 20;
  private static final int TIMELINE_MAX = 500;

  private final JdbcTemplate jdbc;
  private final HoldQueries queries;
  private final HoldAnswers answers;
  private final JsonMapper json;
  private final Clock clock;

  public HoldDetails(JdbcTemplate jdbc, HoldQueries queries, HoldAnswers answers,
      JsonMapper json, Clock clock) {
    this.jdbc = jdbc;
    this.queries = queries;
    this.answers = answers;
    this.json = json;
    this.clock = clock;
  }

  public Optional<HoldDetail> find(String holdId) {
    Optional<Hold> hold = queries.find(holdId);
    if (hold.isEmpty()) {
      return Optional.empty();
    }
    Hold h = hold.get();
    String transferId = h.terms().transferId();
    JsonNode decision = decision(transferId);
    String recipient = h.terms().recipientKey();
    return Optional.of(new HoldDetail(
        HoldView.of(h, queries.reasons(transferId), clock.instant()), recipient,
        createdAt(holdId), reasons(decision), features(decision), timeline(holdId),
        otherHolds(recipient, holdId), queries.reportersAgainst(recipient)));
  }

  private JsonNode decision(String transferId) {
    List<String> responses = jdbc.queryForList(
        "SELECT response FROM decisions WHERE transfer_id = ?", String.class, transferId);
    return responses.isEmpty() ? json.createObjectNode() : json.readTree(responses.get(0));
  }

  private Instant createdAt(String holdId) {
    return jdbc.queryForObject("SELECT created_at FROM holds WHERE hold_id = ?",
        Timestamp.class, holdId).toInstant();
  }

  private static List<HoldDetail.Reason> reasons(JsonNode decision) {
    List<HoldDetail.Reason> reasons = new ArrayList<>();
    for (JsonNode r : decision.path("reasons")) {
      reasons.add(new HoldDetail.Reason(r.path("code").asString(), r.path("source").asString(),
          r.path("explanation").asString()));
    }
    return List.copyOf(reasons);
  }

  /** The features that are set (non-zero, true), in the order the decision lists them. */
  private static List<HoldDetail.FeatureValue> features(JsonNode decision) {
    List<HoldDetail.FeatureValue> features = new ArrayList<>();
    decision.path("features").properties().forEach(e -> {
      JsonNode v = e.getValue();
      boolean set = v.isBoolean() ? v.asBoolean() : v.asDouble() != 0.0;
      if (set) {
        features.add(new HoldDetail.FeatureValue(e.getKey(), v.asString()));
      }
    });
    return List.copyOf(features);
  }

  private List<HoldDetail.TimelineEntry> timeline(String holdId) {
    List<HoldDetail.TimelineEntry> entries = new ArrayList<>();
    for (Map<String, Object> m : queries.messages(holdId)) {
      entries.add(new HoldDetail.TimelineEntry(instant(m.get("created_at")), "message",
          "Sent to the sender: " + m.get("title"), "holdfast"));
      Instant shown = instant(m.get("shown_at"));
      if (shown != null) {
        entries.add(new HoldDetail.TimelineEntry(shown, "shown", "The sender saw \""
            + m.get("title") + "\" (" + m.get("shown_channel") + ")", "platform"));
      }
    }
    for (Map<String, Object> a : answers.of(holdId)) {
      entries.add(new HoldDetail.TimelineEntry(instant(a.get("answered_at")), "answer",
          "The sender answered " + a.get("question_id") + ": "
              + (Boolean.TRUE.equals(a.get("answer")) ? "yes" : "no"),
          String.valueOf(a.get("answered_by"))));
    }
    for (Map<String, Object> t : queries.trail(holdId)) {
      Object reason = t.get("reason");
      entries.add(new HoldDetail.TimelineEntry(instant(t.get("at")), "change",
          words(String.valueOf(t.get("action"))) + (reason == null ? "" : ": " + reason),
          String.valueOf(t.get("actor"))));
    }
    entries.sort(Comparator.comparing(HoldDetail.TimelineEntry::at,
        Comparator.nullsLast(Comparator.naturalOrder())));
    return List.copyOf(entries.subList(0, Math.min(entries.size(), TIMELINE_MAX)));
  }

  /** {@code hold.released_at_deadline} as "Released at deadline". */
  private static String words(String action) {
    String tail = action.contains(".") ? action.substring(action.indexOf('.') + 1) : action;
    String text = tail.replace('_', ' ');
    return text.isEmpty() ? action : text.substring(0, 1).toUpperCase(Locale.ROOT)
        + text.substring(1);
  }

  private List<HoldQueueItem> otherHolds(String recipientKey, String holdId) {
    return jdbc.query("SELECT hold_id, transfer_id, sender_account, recipient_key, state, tier,"
        + " amount_minor, currency, scam_type, reason_codes, created_at, created_at, finding"
        + " FROM holds WHERE recipient_key = ? AND hold_id <> ? ORDER BY created_at DESC"
        + " LIMIT ?", (rs, n) -> new HoldQueueItem(rs.getString(1), rs.getString(2),
            rs.getString(3), rs.getString(4), rs.getString(5).toLowerCase(Locale.ROOT),
            rs.getString(6), rs.getLong(7), rs.getString(8),
            rs.getString(9).toLowerCase(Locale.ROOT), List.of(rs.getString(10).split(",")),
            rs.getTimestamp(11).toInstant(), rs.getTimestamp(12).toInstant(),
            rs.getString(13)), recipientKey, holdId, OTHER_HOLDS_MAX);
  }

  private static Instant instant(Object value) {
    return value instanceof Timestamp t ? t.toInstant() : null;
  }
}
