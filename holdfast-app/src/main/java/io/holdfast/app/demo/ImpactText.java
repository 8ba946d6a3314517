package io.holdfast.app.demo;

import io.holdfast.core.simulation.ScamKind;
import io.holdfast.core.simulation.WorldParameters;
import java.util.Locale;
import java.util.Map;

/** The impact report for the terminal. */
final class ImpactText {
  private ImpactText() {}

  static String render(Impact i, WorldParameters p, double wallSeconds) {
    StringBuilder out = new StringBuilder();
    out.append(String.format(Locale.ROOT, "%nHoldfast impact report: %,d users, %d days, seed"
        + " %d (run in %.0f s)%n%n", p.users(), p.days(), p.seed(), wallSeconds));
    out.append(String.format(Locale.ROOT, "%-14s %8s %12s %12s %12s %12s %12s %12s %12s %7s%n",
        "scam type", "payments", "attempted", "warned off", "blocked", "returned", "recovered",
        "lost", "still held", "saved"));
    for (ScamKind kind : ScamKind.values()) {
      row(out, kind.label(), i.byKind.get(kind));
    }
    row(out, "all scams", i.total);
    out.append(String.format(Locale.ROOT, "%nHow the lost scam money went through (gross, before"
        + " recoveries):%n%-14s %12s %12s %12s %12s%n", "scam type", "lost", "allowed",
        "warned", "held+released"));
    for (ScamKind kind : ScamKind.values()) {
      lostRow(out, kind.label(), i.byKind.get(kind));
    }
    lostRow(out, "all scams", i.total);
    double saved = share(i.total.protectedMinor(), i.total.attempted);
    Impact.Friction h = i.honest;
    double heldShare = share(h.held, h.transfers);
    out.append(String.format(Locale.ROOT, "%nScam money blocked or recovered: %.1f%% (goal at"
        + " least 90%%)%n", 100 * saved));
    out.append(String.format(Locale.ROOT, "Honest transfers held: %,d of %,d = %.2f%% (goal at"
        + " most 0.5%%), of which %,d returned to the sender; warned %,d (%.2f%%), of which %,d"
        + " abandoned; blocked %,d; total delay %,.0f hours%n", h.held, h.transfers,
        100 * heldShare, h.returned, h.warned, 100 * share(h.warned, h.transfers), h.abandoned,
        h.blocked, h.heldMinutes / 60.0));
    Impact.Friction home = i.paymentsHome;
    out.append(String.format(Locale.ROOT, "  of which payments home to relatives abroad: held"
        + " %,d of %,d = %.2f%%, of which %,d returned; warned %,d%n", home.held, home.transfers,
        100 * share(home.held, home.transfers), home.returned, home.warned));
    out.append(String.format(Locale.ROOT, "Laundering transfers by scammers and mules: %,d,"
        + " of which %,d did not go through%n%n", i.launderingAttempts, i.launderingStopped));
    for (Map.Entry<String, Long> e : i.programme.entrySet()) {
      out.append(String.format(Locale.ROOT, "  %-46s %,10d%n", e.getKey(), e.getValue()));
    }
    out.append(String.format(Locale.ROOT, "%nPrevention (before any payment is screened):%n"));
    for (Map.Entry<String, Long> e : i.prevention.entrySet()) {
      out.append(String.format(Locale.ROOT, "  %-46s %,10d%n", e.getKey(), e.getValue()));
    }
    out.append('\n');
    for (Map.Entry<String, Double> e : i.quality.entrySet()) {
      out.append(String.format(Locale.ROOT, "  %-72s %6.3f%n", e.getKey(), e.getValue()));
    }
    out.append(String.format(Locale.ROOT, "%nRecovered money reconciles with the sandbox"
        + " ledger: refunds %s, ledger credits %s (%s)%n", usd(i.total.recovered),
        usd(i.ledgerRefundsMinor), i.total.recovered == i.ledgerRefundsMinor ? "equal"
            : "DIFFERENT"));
    return out.toString();
  }

  private static void row(StringBuilder out, String label, Impact.Money m) {
    out.append(String.format(Locale.ROOT, "%-14s %8d %12s %12s %12s %12s %12s %12s %12s %6.1f%%%n",
        label, m.payments, usd(m.attempted), usd(m.stoppedByWarning), usd(m.blocked),
        usd(m.heldAndReturned), usd(m.recovered), usd(m.lost), usd(m.stillHeld),
        100 * share(m.protectedMinor(), m.attempted)));
  }

  private static void lostRow(StringBuilder out, String label, Impact.Money m) {
    out.append(String.format(Locale.ROOT, "%-14s %12s %12s %12s %12s%n", label, usd(m.lost),
        usd(m.lostAllowed), usd(m.lostWarned), usd(m.lostReleased)));
  }

  static String usd(long cents) {
    return String.format(Locale.ROOT, "$%,d", Math.round(cents / 100.0));
  }

  static double share(long part, long whole) {
    return whole == 0 ? 0 : (double) part / whole;
  }
}
