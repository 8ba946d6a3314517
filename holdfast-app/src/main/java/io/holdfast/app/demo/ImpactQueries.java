package io.holdfast.app.demo;

import io.holdfast.core.money.MinorSums;
import io.holdfast.core.simulation.Outcomes;
import io.holdfast.core.simulation.ScamCase;
import io.holdfast.core.simulation.ScamKind;
import io.holdfast.server.support.SqlSums;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The counts the impact report reads from Holdfast's store and the sandbox ledger; its totals
 * of money saturate, as every report's do ({@link MinorSums}).
 */
final class ImpactQueries {
  private ImpactQueries() {}

  /** Minutes each hold lasted (to its end, or to its deadline while active), by transfer. */
  static Map<String, long[]> holdMinutes(JdbcTemplate jdbc) {
    Map<String, long[]> minutes = new HashMap<>();
    jdbc.query("SELECT transfer_id, created_at, COALESCE(resolved_at, release_at) FROM holds",
        rs -> {
          Instant from = rs.getTimestamp(2).toInstant();
          Timestamp to = rs.getTimestamp(3);
          minutes.put(rs.getString(1), new long[] {to == null ? 0
              : Duration.between(from, to.toInstant()).toMinutes()});
        });
    return minutes;
  }

  /** Refunds paid to each victim, attributed to the scam kind of the victim's case. */
  static Map<ScamKind, Long> recovered(JdbcTemplate jdbc, Map<String, ScamCase> byVictimScammer) {
    Map<ScamKind, Long> out = new EnumMap<>(ScamKind.class);
    jdbc.query("SELECT c.victim_account, k.subject_key, SUM(r.amount_minor) FROM refunds r"
        + " JOIN claims c ON c.claim_id = r.claim_id JOIN cases k ON k.case_id = r.case_id"
        + " GROUP BY c.victim_account, k.subject_key", rs -> {
          ScamCase c = byVictimScammer.get(rs.getString(1) + "|" + rs.getString(2));
          if (c != null) {
            out.merge(c.kind(), SqlSums.saturated(rs, 3), MinorSums::saturatingAdd);
          }
        });
    return out;
  }

  /** What the sandbox ledger credited to victims from frozen funds. */
  static long ledgerRefunds(JdbcTemplate jdbc) {
    return MinorSums.saturated(jdbc.queryForObject("SELECT SUM(amount_minor) FROM sandbox_entries"
        + " WHERE memo = 'refund' AND amount_minor > 0", java.math.BigDecimal.class));
  }

  static void programme(JdbcTemplate jdbc, Outcomes outcomes, Map<String, Long> out) {
    out.put("warnings shown (WARN decisions)", count(jdbc,
        "SELECT COUNT(*) FROM decisions WHERE outcome = 'WARN'"));
    out.put("transfers held", count(jdbc, "SELECT COUNT(*) FROM holds"));
    out.put("ladder messages sent to held senders", count(jdbc,
        "SELECT COUNT(*) FROM hold_messages"));
    out.put("questionnaires answered", count(jdbc,
        "SELECT COUNT(DISTINCT hold_id) FROM hold_answers"));
    out.put("call tasks opened for agents", count(jdbc, "SELECT COUNT(*) FROM call_tasks"));
    out.put("victim reports filed", count(jdbc, "SELECT COUNT(*) FROM reports"));
    out.put("accounts frozen", count(jdbc, "SELECT COUNT(*) FROM freezes"));
    out.put("cases confirmed by analysts", count(jdbc,
        "SELECT COUNT(*) FROM cases WHERE state = 'CONFIRMED'"));
    out.put("refunds paid to victims", count(jdbc, "SELECT COUNT(*) FROM refunds"));
    long falseFiled = outcomes.reports().stream().filter(Outcomes.Filed::falseReport).count();
    long falseFroze = outcomes.reports().stream().filter(f -> f.falseReport() && f.froze())
        .count();
    out.put("false reports filed by adversaries", falseFiled);
    out.put("false reports that froze an account", falseFroze);
    out.put("silent victims (lost money, never reported)", silentVictims(outcomes));
    out.put("sweeps run for confirmed scammers", count(jdbc,
        "SELECT COUNT(*) FROM sweeps WHERE state = 'DONE'"));
    out.put("victims found by sweeps", count(jdbc,
        "SELECT COUNT(DISTINCT victim_account) FROM sweep_victims"));
    out.put("silent victims reached with recovery guidance", count(jdbc,
        "SELECT COUNT(*) FROM outreach_cases"));
    out.put("silent victims who confirmed their loss", count(jdbc,
        "SELECT COUNT(DISTINCT outreach_id) FROM outreach_replies WHERE intent = 'CONFIRM_LOSS'"));
    out.put("silent victims repaid in part or in full", count(jdbc,
        "SELECT COUNT(DISTINCT c.claim_id) FROM claims c JOIN refunds r ON r.claim_id = c.claim_id"
            + " WHERE c.report_id IS NULL"));
    out.put("median hours from first loss to freeze", medianHoursToFreeze(jdbc, outcomes));
  }

  /**
   * Prevention: the daily assessments and their alerts and calls, read from the store, and the
   * scams they stopped before the victim paid more, from the world's ground truth (the money a
   * stopped victim had still planned to send is known only in a simulation).
   */
  static void prevention(JdbcTemplate jdbc, Outcomes outcomes, Set<String> victims,
      Map<String, Long> out) {
    out.put("daily risk assessments run", count(jdbc,
        "SELECT COUNT(*) FROM assessment_runs WHERE state = 'DONE'"));
    out.put("account assessments (all days)", count(jdbc,
        "SELECT COALESCE(SUM(accounts_assessed), 0) FROM assessment_runs"));
    out.put("exposures found and explained", count(jdbc, "SELECT COUNT(*) FROM assessments"));
    out.put("personal risk assessments sent", count(jdbc,
        "SELECT COUNT(*) FROM prevention_messages WHERE source = 'ASSESSMENT'"));
    long[] messaged = {0, 0};
    jdbc.query("SELECT DISTINCT account_id FROM prevention_messages WHERE source = 'ASSESSMENT'",
        rs -> {
          messaged[0]++;
          messaged[1] += victims.contains(rs.getString(1)) ? 1 : 0;
        });
    out.put("users sent a risk assessment", messaged[0]);
    out.put("  of whom scam victims (any time)", messaged[1]);
    out.put("alerts held back (weekly cap, opt-out)", count(jdbc, "SELECT COUNT(*) FROM"
        + " assessments WHERE action IN ('COOLING_DOWN', 'OPTED_OUT')"));
    out.put("alerts opened by users", count(jdbc,
        "SELECT COUNT(*) FROM prevention_messages WHERE shown_at IS NOT NULL"));
    campaigns(jdbc, victims, out);
    out.put("intervention calls opened by assessments", count(jdbc,
        "SELECT COUNT(*) FROM call_tasks WHERE hold_id IS NULL"));
    jdbc.query("SELECT outcome, COUNT(*) FROM call_tasks WHERE outcome IS NOT NULL"
        + " GROUP BY outcome ORDER BY outcome", rs -> {
          out.put("agents' calls ended " + rs.getString(1).replace('_', ' '), rs.getLong(2));
        });
    out.put("scam victims stopped by an alert or call", (long) outcomes.preventedMinorByCase()
        .size());
    out.put("scam money they had yet to send (USD)", outcomes.preventedMinorByCase().values()
        .stream().mapToLong(Long::longValue).reduce(0, MinorSums::saturatingAdd) / 100);
  }

  /**
   * Warning campaigns: how many ran, how many the surge detector proposed, the warnings sent and
   * the control group kept back, and how many of each group were scam victims in the world's
   * ground truth, which is what a holdout is for.
   */
  private static void campaigns(JdbcTemplate jdbc, Set<String> victims, Map<String, Long> out) {
    out.put("warning campaigns run", count(jdbc, "SELECT COUNT(*) FROM campaigns"
        + " WHERE state IN ('ACTIVE', 'PAUSED', 'ENDED')"));
    out.put("of which proposed by the surge detector", count(jdbc, "SELECT COUNT(*) FROM"
        + " campaigns WHERE surge_key IS NOT NULL AND state IN ('ACTIVE', 'PAUSED', 'ENDED')"));
    out.put("campaign warnings sent", count(jdbc,
        "SELECT COUNT(*) FROM prevention_messages WHERE source = 'CAMPAIGN'"));
    long[] warned = accounts(jdbc, "SELECT DISTINCT account_id FROM prevention_messages"
        + " WHERE source = 'CAMPAIGN'", victims);
    long[] holdout = accounts(jdbc, "SELECT DISTINCT account_id FROM campaign_holdouts",
        victims);
    out.put("users warned by a campaign", warned[0]);
    out.put("  warned users who were scam victims (any time)", warned[1]);
    out.put("users kept back unwarned as a control group", holdout[0]);
    out.put("  control users who were scam victims (any time)", holdout[1]);
  }

  /** The accounts a query names, and how many of them are in {@code victims}. */
  private static long[] accounts(JdbcTemplate jdbc, String sql, Set<String> victims) {
    long[] counts = {0, 0};
    jdbc.query(sql, rs -> {
      counts[0]++;
      counts[1] += victims.contains(rs.getString(1)) ? 1 : 0;
    });
    return counts;
  }

  private static long silentVictims(Outcomes outcomes) {
    Set<String> lost = new HashSet<>();
    for (Outcomes.Attempt a : outcomes.attempts()) {
      if (a.transfer.scam() != null && a.moved()) {
        lost.add(a.transfer.caseId());
      }
    }
    for (Outcomes.Filed f : outcomes.reports()) {
      lost.remove(f.caseId());
    }
    return lost.size();
  }

  /** From each frozen scammer's first received scam payment to its freeze, in virtual time. */
  private static long medianHoursToFreeze(JdbcTemplate jdbc, Outcomes outcomes) {
    Map<String, Instant> firstLoss = new HashMap<>();
    for (Outcomes.Attempt a : outcomes.attempts()) {
      if (a.transfer.scam() != null && a.moved()) {
        firstLoss.merge(a.transfer.recipientKey(), a.transfer.at(),
            (x, y) -> x.isBefore(y) ? x : y);
      }
    }
    List<Long> hours = new ArrayList<>();
    jdbc.query("SELECT subject_key, MIN(created_at) FROM freezes GROUP BY subject_key", rs -> {
      Instant loss = firstLoss.get(rs.getString(1));
      if (loss != null) {
        hours.add(Duration.between(loss, rs.getTimestamp(2).toInstant()).toHours());
      }
    });
    if (hours.isEmpty()) {
      return -1;
    }
    Collections.sort(hours);
    return hours.get(hours.size() / 2);
  }

  /** Precision and recall of holds against ground truth, and of verdicts against reports. */
  static void quality(JdbcTemplate jdbc, Outcomes outcomes, Map<String, Double> out) {
    int held = 0;
    int heldBad = 0;
    int scam = 0;
    int scamStopped = 0;
    for (Outcomes.Attempt a : outcomes.attempts()) {
      boolean bad = !a.transfer.honest();
      boolean holdOrBlock = a.outcome.equals("HOLD") || a.outcome.equals("BLOCK");
      held += holdOrBlock ? 1 : 0;
      heldBad += holdOrBlock && bad ? 1 : 0;
      if (a.transfer.scam() != null) {
        scam++;
        scamStopped += holdOrBlock ? 1 : 0;
      }
    }
    out.put("hold precision (held or blocked transfers that were scam or laundering)",
        ratio(heldBad, held));
    out.put("hold recall (scam payments held or blocked)", ratio(scamStopped, scam));
    Map<String, Boolean> truthByReporter = new HashMap<>();
    outcomes.reports().forEach(f -> truthByReporter.put(f.reporter(), !f.falseReport()));
    int[] confusion = new int[4];
    jdbc.query("SELECT reporter_account, verdict FROM reports", rs -> {
      Boolean truth = truthByReporter.get(rs.getString(1));
      if (truth != null) {
        boolean saidScam = rs.getString(2).equals("SCAM");
        confusion[(truth ? 0 : 2) + (saidScam ? 0 : 1)]++;
      }
    });
    out.put("verdict precision (SCAM verdicts on real scams)",
        ratio(confusion[0], confusion[0] + confusion[2]));
    out.put("verdict recall (real scam reports judged SCAM)",
        ratio(confusion[0], confusion[0] + confusion[1]));
  }

  private static double ratio(long a, long b) {
    return b == 0 ? Double.NaN : (double) a / b;
  }

  private static long count(JdbcTemplate jdbc, String sql) {
    Long n = jdbc.queryForObject(sql, Long.class);
    return n == null ? 0 : n;
  }
}
