package io.holdfast.server.sweeps;

import io.holdfast.core.graph.ClusterMember;
import io.holdfast.core.graph.TraceResult;
import io.holdfast.core.graph.Victim;
import io.holdfast.core.ladder.ScamType;
import io.holdfast.core.recovery.ReimbursementPolicy;
import io.holdfast.server.audit.AuditLog;
import io.holdfast.server.cases.CaseRows;
import io.holdfast.server.cases.ClaimRows;
import io.holdfast.server.outreach.OutreachMessages;
import io.holdfast.server.outreach.OutreachService;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Writes what a sweep found. One chunk of victims is one transaction, under the locks of the
 * sweep (this worker must still hold its lease), the case (which report filing and case
 * decisions also take) and the scammer, so what already exists is read once and cannot change underneath: a victim who
 * reported against the cluster is linked to the report; a silent victim gets one outreach
 * conversation per case and one waiting claim per currency, never two, however often the sweep
 * runs (and the UNIQUE constraints on both would refuse a second).
 */
@Component
public class VictimWriter {
  /** This worker no longer holds the sweep: another took it over after the lease ran out. */
  static final class LeaseLost extends RuntimeException {
    LeaseLost(String sweepId) {
      super("lost the lease on sweep " + sweepId);
    }
  }

  /** What already exists for a chunk's victims. */
  private record Known(Map<String, String> victimRows, Map<String, String> reports,
      Map<String, String> claims, Map<String, String> outreach,
      Map<String, String[]> accounts) {}

  private final JdbcTemplate jdbc;
  private final SweepRows rows;
  private final CaseRows cases;
  private final ClaimRows claims;
  private final OutreachService outreach;
  private final ReimbursementPolicy reimbursement;
  private final AuditLog audit;
  private final TransactionTemplate tx;
  private final Clock clock;

  public VictimWriter(JdbcTemplate jdbc, SweepRows rows, CaseRows cases, ClaimRows claims,
      OutreachService outreach, ReimbursementPolicy reimbursement, AuditLog audit,
      TransactionTemplate tx, Clock clock) {
    this.jdbc = jdbc;
    this.rows = rows;
    this.cases = cases;
    this.claims = claims;
    this.outreach = outreach;
    this.reimbursement = reimbursement;
    this.audit = audit;
    this.tx = tx;
    this.clock = clock;
  }

  void write(SweepRows.Sweep sweep, String owner, SweepRows.Scammer scammer,
      List<Victim> chunk, Set<String> clusterKeys) {
    tx.executeWithoutResult(status -> {
      rows.lockOwned(sweep.sweepId(), owner).orElseThrow(() -> new LeaseLost(sweep.sweepId()));
      // Case before scammer, the order a case decision takes them in (it queues a sweep).
      CaseRows.CaseRow theCase = cases.lock(scammer.caseId()).orElseThrow();
      rows.lockScammer(scammer.scammerId());
      Instant now = clock.instant();
      Map<String, List<Victim>> byAccount = new LinkedHashMap<>();
      chunk.forEach(v -> byAccount.computeIfAbsent(v.victimAccount(), a -> new ArrayList<>())
          .add(v));
      List<String> accounts = new ArrayList<>(byAccount.keySet());
      Known known = known(scammer, accounts, clusterKeys);
      String scamType = theCase.scamType() == null ? ScamType.GENERAL.name()
          : theCase.scamType();
      List<OutreachService.NewVictim> toOpen = new ArrayList<>();
      List<ClaimRows.NewClaim> newClaims = new ArrayList<>();
      Map<String, Long> raised = new HashMap<>();
      int silent = 0;
      for (Map.Entry<String, List<Victim>> e : byAccount.entrySet()) {
        if (known.reports().containsKey(e.getKey())) {
          continue;
        }
        silent++;
        String[] account = known.accounts().getOrDefault(e.getKey(), new String[2]);
        if (!known.outreach().containsKey(e.getKey())) {
          toOpen.add(newVictim(e.getValue(), scamType, OutreachMessages.language(account[0])));
        }
        for (Victim v : e.getValue()) {
          String claimId = known.claims().get(key(v));
          if (claimId == null) {
            newClaims.add(claim(scammer.caseId(), v, account[1] != null
                && !account[1].isBlank(), now));
          } else {
            raised.put(claimId, v.amountMinor());
          }
        }
      }
      List<String> claimIds = claims.openAwaiting(newClaims, now);
      claims.raiseAwaiting(raised);
      List<String> outreachIds = outreach.openAll(scammer.caseId(), scammer.scammerId(), toOpen,
          "sweeper");
      link(known, newClaims, claimIds, toOpen, outreachIds);
      upsertVictims(sweep, scammer, chunk, known);
      rows.progress(sweep.sweepId(), new SweepRows.Progress(accounts.size(), silent,
          accounts.size() - silent, outreachIds.size(), claimIds.size()),
          now.plus(SweepRunner.LEASE));
      audit.record("sweeper", "sweep.victims_written", "sweep", sweep.sweepId(), null,
          accounts.size() + " accounts", silent + " silent: " + outreachIds.size()
              + " outreach and " + claimIds.size() + " claims opened");
    });
  }

  private static String key(Victim v) {
    return v.victimAccount() + "\n" + v.currency();
  }

  private OutreachService.NewVictim newVictim(List<Victim> currencies, String scamType,
      String language) {
    Map<String, Long> loss = new LinkedHashMap<>();
    Instant first = null;
    Instant last = null;
    for (Victim v : currencies) {
      loss.put(v.currency(), v.amountMinor());
      first = first == null || v.firstPaidAt().isBefore(first) ? v.firstPaidAt() : first;
      last = last == null || v.lastPaidAt().isAfter(last) ? v.lastPaidAt() : last;
    }
    return new OutreachService.NewVictim(currencies.get(0).victimAccount(), scamType, language,
        loss, first, last);
  }

  private ClaimRows.NewClaim claim(String caseId, Victim v, boolean vulnerable, Instant now) {
    return new ClaimRows.NewClaim(caseId, null, v.victimAccount(), v.currency(),
        v.amountMinor(), vulnerable, reimbursement.reimbursableMinor(v.amountMinor(),
            v.amountUsdMinor(), vulnerable), reimbursement.decideBy(now));
  }

  private static void link(Known known, List<ClaimRows.NewClaim> newClaims,
      List<String> claimIds, List<OutreachService.NewVictim> opened, List<String> outreachIds) {
    for (int i = 0; i < newClaims.size(); i++) {
      known.claims().put(newClaims.get(i).victimAccount() + "\n" + newClaims.get(i).currency(),
          claimIds.get(i));
    }
    for (int i = 0; i < opened.size(); i++) {
      known.outreach().put(opened.get(i).victimAccount(), outreachIds.get(i));
    }
  }

  private Known known(SweepRows.Scammer scammer, List<String> accounts,
      Set<String> clusterKeys) {
    String in = placeholders(accounts.size());
    Map<String, String> victimRows = new HashMap<>();
    jdbc.query("SELECT victim_account, currency FROM sweep_victims WHERE scammer_id = ?"
        + " AND victim_account IN (" + in + ")", rs -> {
          victimRows.put(rs.getString(1) + "\n" + rs.getString(2), rs.getString(1));
        }, args(List.of(scammer.scammerId()), accounts));
    // Reported: a report from the victim against any account of the cluster, or in the case.
    List<String> subjects = new ArrayList<>(clusterKeys);
    Map<String, String> reports = new HashMap<>();
    jdbc.query("SELECT reporter_account, MIN(report_id) FROM reports WHERE reporter_account IN ("
        + in + ") AND (case_id = ? OR subject_key IN (" + placeholders(subjects.size()) + "))"
        + " GROUP BY reporter_account", rs -> {
          reports.put(rs.getString(1), rs.getString(2));
        }, args(accounts, List.of(scammer.caseId()), subjects));
    Map<String, String> claimIds = new HashMap<>();
    jdbc.query("SELECT victim_account, currency, claim_id FROM claims WHERE case_id = ?"
        + " AND victim_account IN (" + in + ")", rs -> {
          claimIds.put(rs.getString(1) + "\n" + rs.getString(2), rs.getString(3));
        }, args(List.of(scammer.caseId()), accounts));
    Map<String, String[]> facts = new HashMap<>();
    jdbc.query("SELECT account_id, country, vulnerability_flags FROM accounts WHERE account_id"
        + " IN (" + in + ")", rs -> {
          facts.put(rs.getString(1), new String[] {rs.getString(2), rs.getString(3)});
        }, accounts.toArray());
    return new Known(victimRows, reports, claimIds,
        new HashMap<>(outreach(scammer.caseId(), accounts)), facts);
  }

  private Map<String, String> outreach(String caseId, List<String> accounts) {
    Map<String, String> out = new HashMap<>();
    jdbc.query("SELECT victim_account, outreach_id FROM outreach_cases WHERE case_id = ?"
        + " AND victim_account IN (" + placeholders(accounts.size()) + ")", rs -> {
          out.put(rs.getString(1), rs.getString(2));
        }, args(List.of(caseId), accounts));
    return out;
  }

  private void upsertVictims(SweepRows.Sweep sweep, SweepRows.Scammer scammer,
      List<Victim> chunk, Known known) {
    List<Object[]> updates = new ArrayList<>();
    List<Object[]> inserts = new ArrayList<>();
    for (Victim v : chunk) {
      String report = known.reports().get(v.victimAccount());
      String outreachId = report == null ? known.outreach().get(v.victimAccount()) : null;
      String claimId = known.claims().get(key(v));
      Object[] common = {v.amountMinor(), v.amountUsdMinor(), v.transfers(),
          Timestamp.from(v.firstPaidAt()), Timestamp.from(v.lastPaidAt()), v.hops(), v.viaKey(),
          report, outreachId, claimId, sweep.sweepId()};
      if (known.victimRows().containsKey(key(v))) {
        updates.add(concat(common, scammer.scammerId(), v.victimAccount(), v.currency()));
      } else {
        inserts.add(concat(common, sweep.sweepId(), scammer.scammerId(), v.victimAccount(),
            v.currency()));
      }
    }
    jdbc.batchUpdate("UPDATE sweep_victims SET amount_minor = ?, amount_usd_minor = ?,"
        + " transfers = ?, first_paid_at = ?, last_paid_at = ?, hops = ?, via_key = ?,"
        + " report_id = ?, outreach_id = ?, claim_id = ?, last_sweep_id = ? WHERE scammer_id = ?"
        + " AND victim_account = ? AND currency = ?", updates);
    jdbc.batchUpdate("INSERT INTO sweep_victims (amount_minor, amount_usd_minor, transfers,"
        + " first_paid_at, last_paid_at, hops, via_key, report_id, outreach_id, claim_id,"
        + " last_sweep_id, first_sweep_id, scammer_id, victim_account, currency)"
        + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", inserts);
  }

  /** Replaces the scammer's cluster with what this sweep found. */
  void replaceCluster(SweepRows.Sweep sweep, List<ClusterMember> cluster) {
    jdbc.update("DELETE FROM sweep_cluster WHERE scammer_id = ?", sweep.scammerId());
    List<Object[]> batch = new ArrayList<>(cluster.size());
    for (ClusterMember m : cluster) {
      batch.add(new Object[] {sweep.scammerId(), m.key(), m.relation().name(), m.hops(),
          m.viaKey(), SweepRows.clip(m.evidence(), 500), sweep.sweepId()});
    }
    jdbc.batchUpdate("INSERT INTO sweep_cluster (scammer_id, member_key, relation, hops, via_key,"
        + " evidence, sweep_id) VALUES (?, ?, ?, ?, ?, ?, ?)", batch);
  }

  /** Replaces the scammer's traced holdings (freeze candidates) with this sweep's trace. */
  void replaceHoldings(SweepRows.Sweep sweep, TraceResult trace) {
    jdbc.update("DELETE FROM trace_holdings WHERE scammer_id = ?", sweep.scammerId());
    List<Object[]> batch = new ArrayList<>();
    for (TraceResult.Amount a : trace.holdings()) {
      batch.add(new Object[] {sweep.scammerId(), a.key(), a.currency(), a.tracedMinor(),
          a.hops(), sweep.sweepId()});
    }
    jdbc.batchUpdate("INSERT INTO trace_holdings (scammer_id, holder_key, currency,"
        + " traced_minor, hops, sweep_id) VALUES (?, ?, ?, ?, ?, ?)", batch);
  }

  static String placeholders(int n) {
    return String.join(", ", Collections.nCopies(Math.max(1, n), "?"));
  }

  @SafeVarargs
  private static Object[] args(List<String>... lists) {
    List<Object> out = new ArrayList<>();
    for (List<String> l : lists) {
      out.addAll(l.isEmpty() ? List.of("") : l);
    }
    return out.toArray();
  }

  private static Object[] concat(Object[] head, Object... tail) {
    Object[] out = java.util.Arrays.copyOf(head, head.length + tail.length);
    System.arraycopy(tail, 0, out, head.length, tail.length);
    return out;
  }
}
