package io.holdfast.server.assessments;

import io.holdfast.core.ladder.ScamType;
import io.holdfast.core.support.Invariants;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Every counterparty the record flags as a scam, by key, with the scam type when one is known:
 * confirmed scammers, actively frozen subjects, intel-list entries, and subjects of reports
 * the verdict model called a scam (unless an analyst rejected them). Loaded once per daily run:
 * the run assesses every account against the same list, and a lookup costs no query.
 */
final class FlaggedRecipients {
  /** A bound on memory: about 200 MB of keys. */
  static final int KEYS_MAX = 2_000_000;

  private final Map<String, ScamType> byKey;

  private FlaggedRecipients(Map<String, ScamType> byKey) {
    this.byKey = byKey;
  }

  static FlaggedRecipients load(JdbcTemplate jdbc) {
    Map<String, ScamType> byKey = new HashMap<>();
    jdbc.query("SELECT subject_key, MAX(scam_type) FROM reports WHERE verdict = 'SCAM'"
        + " AND (label IS NULL OR label = 'CONFIRMED') GROUP BY subject_key",
        rs -> {
          put(byKey, rs.getString(1), type(rs.getString(2)));
        });
    jdbc.query("SELECT subject_key FROM scammers", rs -> {
      put(byKey, rs.getString(1), ScamType.GENERAL);
    });
    jdbc.query("SELECT active_subject FROM freezes WHERE state = 'ACTIVE'", rs -> {
      put(byKey, rs.getString(1), ScamType.GENERAL);
    });
    jdbc.query("SELECT entry_key FROM intel_entries", rs -> {
      put(byKey, rs.getString(1), ScamType.GENERAL);
    });
    return new FlaggedRecipients(byKey);
  }

  /** A more specific type wins over GENERAL; the first specific type stays. */
  private static void put(Map<String, ScamType> byKey, String key, ScamType type) {
    ScamType before = byKey.get(key);
    if (before == null || before == ScamType.GENERAL) {
      byKey.put(key, type);
    }
    Invariants.check(byKey.size() <= KEYS_MAX, "more than %d flagged recipients", KEYS_MAX);
  }

  private static ScamType type(String text) {
    if (text == null) {
      return ScamType.GENERAL;
    }
    try {
      return ScamType.valueOf(text.toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      return ScamType.GENERAL;
    }
  }

  /** The scam type the key is flagged for, or null when it is not flagged. */
  ScamType flaggedAs(String key) {
    return byKey.get(key);
  }

  int size() {
    return byKey.size();
  }
}
