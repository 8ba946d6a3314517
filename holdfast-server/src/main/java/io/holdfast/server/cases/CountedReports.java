package io.holdfast.server.cases;

import java.util.function.BiConsumer;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The one definition of a report that counts against its recipient: the reporter paid the
 * recipient (the freeze policy's own test) and no analyst rejected the report. Screening's
 * count ({@code FeatureStore.reportCount}, fed when a report is filed and rebuilt from this
 * query at start), the holds' investigation (which reads that count) and the supervisor a
 * release needs ({@code HoldsController}) all read reports through it. Reports from people who
 * never paid are what an adversary files against an honest shop; they open a case for an
 * analyst and count nowhere else.
 */
public final class CountedReports {
  /** The condition, over a row of {@code reports}. */
  static final String CONDITION = "reporter_paid AND (label IS NULL OR label <> 'REJECTED')";

  private CountedReports() {}

  /** The same condition, for a report in hand (a report just filed has no label yet). */
  public static boolean counts(boolean reporterPaid, String label) {
    return reporterPaid && !"REJECTED".equals(label);
  }

  /** Distinct reporters whose reports count against {@code subjectKey}. */
  public static int reportersAgainst(JdbcTemplate jdbc, String subjectKey) {
    Integer n = jdbc.queryForObject("SELECT COUNT(DISTINCT reporter_account) FROM reports"
        + " WHERE subject_key = ? AND " + CONDITION, Integer.class, subjectKey);
    return n == null ? 0 : n;
  }

  /** Every report that counts, oldest first, as (subject key, reporter account). */
  public static void forEach(JdbcTemplate jdbc, BiConsumer<String, String> report) {
    jdbc.query("SELECT subject_key, reporter_account FROM reports WHERE " + CONDITION
        + " ORDER BY created_at", rs -> {
          report.accept(rs.getString(1), rs.getString(2));
        });
  }
}
