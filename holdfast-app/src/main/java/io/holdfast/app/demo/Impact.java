package io.holdfast.app.demo;

import io.holdfast.core.simulation.Outcomes;
import io.holdfast.core.simulation.ScamCase;
import io.holdfast.core.simulation.ScamKind;
import io.holdfast.core.simulation.Simulation;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The programme's impact, counted from the run: the world's ground truth beside what Holdfast
 * and the platform's ledger recorded. Nothing here is estimated; every number is a sum or a
 * count over transfers, holds, reports, freezes and refunds.
 */
final class Impact {
  /** Scam money by fate, in US cents, for one scam kind or all. */
  static final class Money {
    long attempted;
    long stoppedByWarning;
    long blocked;
    long heldAndReturned;
    long stillHeld;
    long lost;
    long recovered;
    /** Of {@code lost}: paid with no warning and no hold. */
    long lostAllowed;
    /** Of {@code lost}: paid after a warning the victim did not heed. */
    long lostWarned;
    /** Of {@code lost}: held, then released (at the deadline or by an analyst). */
    long lostReleased;
    int payments;

    long protectedMinor() {
      return stoppedByWarning + blocked + heldAndReturned + recovered;
    }

    void add(Money o) {
      attempted += o.attempted;
      stoppedByWarning += o.stoppedByWarning;
      blocked += o.blocked;
      heldAndReturned += o.heldAndReturned;
      stillHeld += o.stillHeld;
      lost += o.lost;
      recovered += o.recovered;
      lostAllowed += o.lostAllowed;
      lostWarned += o.lostWarned;
      lostReleased += o.lostReleased;
      payments += o.payments;
    }
  }

  /** What honest users paid for the protection. */
  static final class Friction {
    int transfers;
    int warned;
    int abandoned;
    int held;
    int returned;
    int blocked;
    long heldMinutes;
  }

  final Map<ScamKind, Money> byKind = new EnumMap<>(ScamKind.class);
  final Money total = new Money();
  final Friction honest = new Friction();
  /** The part of {@link #honest} that is users' payments home to relatives abroad. */
  final Friction paymentsHome = new Friction();
  final Map<String, Long> programme = new LinkedHashMap<>();
  final Map<String, Long> prevention = new LinkedHashMap<>();
  final Map<String, Double> quality = new LinkedHashMap<>();
  long ledgerRefundsMinor;
  int launderingAttempts;
  int launderingStopped;

  static Impact of(Simulation.Result run, JdbcTemplate jdbc) {
    Impact impact = new Impact();
    Map<String, ScamKind> kindOfCase = new HashMap<>();
    Map<String, ScamCase> caseOfVictimAndScammer = new HashMap<>();
    for (ScamCase c : run.cases()) {
      kindOfCase.put(c.caseId(), c.kind());
      caseOfVictimAndScammer.put(c.victim().accountId() + "|" + c.scammer().key(), c);
    }
    for (ScamKind kind : ScamKind.values()) {
      impact.byKind.put(kind, new Money());
    }
    Map<String, long[]> holdTimes = ImpactQueries.holdMinutes(jdbc);
    for (Outcomes.Attempt a : run.outcomes().attempts()) {
      impact.count(a, holdTimes);
    }
    ImpactQueries.recovered(jdbc, caseOfVictimAndScammer).forEach((kind, minor) -> {
      impact.byKind.get(kind).recovered += minor;
    });
    impact.byKind.values().forEach(impact.total::add);
    impact.ledgerRefundsMinor = ImpactQueries.ledgerRefunds(jdbc);
    ImpactQueries.programme(jdbc, run.outcomes(), impact.programme);
    java.util.Set<String> victims = new java.util.HashSet<>();
    run.cases().forEach(c -> victims.add(c.victim().accountId()));
    ImpactQueries.prevention(jdbc, run.outcomes(), victims, impact.prevention);
    ImpactQueries.quality(jdbc, run.outcomes(), impact.quality);
    return impact;
  }

  private void count(Outcomes.Attempt a, Map<String, long[]> holdTimes) {
    if (a.transfer.laundering()) {
      launderingAttempts++;
      launderingStopped += a.moved() ? 0 : 1;
      return;
    }
    if (a.transfer.honest()) {
      countHonest(a, holdTimes);
      return;
    }
    Money m = byKind.get(a.transfer.scam());
    long amount = a.transfer.amountMinor();
    m.payments++;
    m.attempted += amount;
    if (a.heeded) {
      m.stoppedByWarning += amount;
    } else if (a.outcome.equals("BLOCK")) {
      m.blocked += amount;
    } else if (a.moved()) {
      m.lost += amount;
      switch (a.outcome) {
        case "WARN" -> m.lostWarned += amount;
        case "HOLD" -> m.lostReleased += amount;
        default -> m.lostAllowed += amount;
      }
    } else if (a.fate == io.holdfast.core.simulation.Platform.HoldFate.RETURNED) {
      m.heldAndReturned += amount;
    } else {
      m.stillHeld += amount;
    }
  }

  private void countHonest(Outcomes.Attempt a, Map<String, long[]> holdTimes) {
    count(honest, a, holdTimes);
    if (a.transfer.paymentHome()) {
      count(paymentsHome, a, holdTimes);
    }
  }

  private static void count(Friction f, Outcomes.Attempt a, Map<String, long[]> holdTimes) {
    f.transfers++;
    switch (a.outcome) {
      case "WARN" -> {
        f.warned++;
        f.abandoned += a.heeded ? 1 : 0;
      }
      case "HOLD" -> {
        f.held++;
        f.returned += a.fate == io.holdfast.core.simulation.Platform.HoldFate.RETURNED ? 1 : 0;
        long[] t = holdTimes.get(a.transfer.transferId());
        f.heldMinutes += t == null ? 0 : t[0];
      }
      case "BLOCK" -> f.blocked++;
      default -> { }
    }
  }
}
