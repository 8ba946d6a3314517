package io.holdfast.app.demo;

import io.holdfast.core.simulation.ScamKind;
import io.holdfast.core.simulation.WorldParameters;
import java.util.Locale;
import java.util.Map;

/**
 * The impact report as one self-contained HTML page with SVG charts: no scripts and no
 * network, so it opens from the file system anywhere.
 */
final class ImpactHtml {
  private static final String[] COLOURS = {"#2e7d32", "#1565c0", "#6a1b9a", "#00838f",
      "#c62828", "#9e9e9e"};
  private static final String[] PARTS = {"warned off", "blocked", "held and returned",
      "recovered", "lost", "still held"};

  private ImpactHtml() {}

  static String render(Impact i, WorldParameters p, double wallSeconds) {
    StringBuilder h = new StringBuilder();
    h.append("<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\">"
        + "<title>Holdfast impact report</title><style>body{font:15px system-ui,sans-serif;"
        + "max-width:980px;margin:2em auto;color:#222}table{border-collapse:collapse}"
        + "td,th{padding:4px 10px;border-bottom:1px solid #ddd;text-align:right}"
        + "td:first-child,th:first-child{text-align:left}.big{font-size:28px;font-weight:600}"
        + "</style></head><body>");
    h.append(String.format(Locale.ROOT, "<h1>Holdfast impact report</h1><p>A simulated"
        + " platform of %,d users over %d days (seed %d), run through the real Holdfast server"
        + " and API in %.0f s. Every number is counted from the run; the world's ground truth"
        + " says which payments were scams.</p>", p.users(), p.days(), p.seed(), wallSeconds));
    double saved = ImpactText.share(i.total.protectedMinor(), i.total.attempted);
    double held = ImpactText.share(i.honest.held, i.honest.transfers);
    h.append(String.format(Locale.ROOT, "<p><span class=\"big\">%.1f%%</span> of scam money"
        + " blocked or recovered (goal 90%%) &nbsp; <span class=\"big\">%.2f%%</span> of honest"
        + " transfers held (goal at most 0.5%%)</p>", 100 * saved, 100 * held));
    h.append("<h2>Scam money by type and fate</h2>").append(chart(i));
    h.append(table(i));
    h.append("<h2>How the lost scam money went through</h2><p>Gross, before recoveries: paid"
        + " with no warning and no hold, paid after a warning, or held and then released.</p>");
    h.append(lostTable(i));
    h.append("<h2>The programme's numbers</h2><table>");
    for (Map.Entry<String, Long> e : i.programme.entrySet()) {
      h.append(String.format(Locale.ROOT, "<tr><td>%s</td><td>%,d</td></tr>", e.getKey(),
          e.getValue()));
    }
    h.append("<tr><th colspan=\"2\">Prevention, before any payment is screened</th></tr>");
    for (Map.Entry<String, Long> e : i.prevention.entrySet()) {
      h.append(String.format(Locale.ROOT, "<tr><td>%s</td><td>%,d</td></tr>", e.getKey(),
          e.getValue()));
    }
    for (Map.Entry<String, Double> e : i.quality.entrySet()) {
      h.append(String.format(Locale.ROOT, "<tr><td>%s</td><td>%.3f</td></tr>", e.getKey(),
          e.getValue()));
    }
    h.append(String.format(Locale.ROOT, "<tr><td>honest transfers warned / abandoned /"
        + " blocked</td><td>%,d / %,d / %,d</td></tr><tr><td>honest held payments returned to"
        + " the sender</td><td>%,d</td></tr><tr><td>hours honest users waited on"
        + " holds</td><td>%,.0f</td></tr><tr><td>payments home to relatives abroad held (of"
        + " all payments home)</td><td>%,d of %,d</td></tr></table>", i.honest.warned,
        i.honest.abandoned, i.honest.blocked, i.honest.returned, i.honest.heldMinutes / 60.0,
        i.paymentsHome.held, i.paymentsHome.transfers));
    h.append(String.format(Locale.ROOT, "<p>Recovered money reconciles with the sandbox"
        + " ledger: refunds %s, ledger credits %s.</p>", ImpactText.usd(i.total.recovered),
        ImpactText.usd(i.ledgerRefundsMinor)));
    h.append("<p><small>The world's parameters and their sources are in"
        + " <code>holdfast-core/src/main/resources/simulation/default-world.properties</code>."
        + " Victims' report narratives come from the same generator the verdict model was"
        + " trained on, so verdict quality here is optimistic.</small></p></body></html>");
    return h.toString();
  }

  /** One horizontal stacked bar per scam type, scaled to the largest attempted amount. */
  private static String chart(Impact i) {
    long max = 1;
    for (Impact.Money m : i.byKind.values()) {
      max = Math.max(max, m.attempted);
    }
    StringBuilder svg = new StringBuilder(String.format(Locale.ROOT,
        "<svg width=\"960\" height=\"%d\" role=\"img\">", 40 + 34 * ScamKind.values().length));
    int y = 10;
    for (ScamKind kind : ScamKind.values()) {
      Impact.Money m = i.byKind.get(kind);
      long[] parts = {m.stoppedByWarning, m.blocked, m.heldAndReturned, m.recovered, m.lost,
          m.stillHeld};
      svg.append(String.format(Locale.ROOT, "<text x=\"0\" y=\"%d\">%s</text>", y + 17,
          kind.label()));
      double x = 130;
      for (int k = 0; k < parts.length; k++) {
        double w = 700.0 * parts[k] / max;
        svg.append(String.format(Locale.ROOT, "<rect x=\"%.1f\" y=\"%d\" width=\"%.1f\""
            + " height=\"24\" fill=\"%s\"><title>%s %s</title></rect>", x, y, w, COLOURS[k],
            PARTS[k], ImpactText.usd(parts[k])));
        x += w;
      }
      svg.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%d\">%s</text>", x + 6,
          y + 17, ImpactText.usd(m.attempted)));
      y += 34;
    }
    int lx = 130;
    for (int k = 0; k < PARTS.length; k++) {
      svg.append(String.format(Locale.ROOT, "<rect x=\"%d\" y=\"%d\" width=\"12\" height=\"12\""
          + " fill=\"%s\"/><text x=\"%d\" y=\"%d\">%s</text>", lx, y + 4, COLOURS[k], lx + 16,
          y + 15, PARTS[k]));
      lx += 16 + 8 * PARTS[k].length() + 18;
    }
    return svg.append("</svg>").toString();
  }

  private static String table(Impact i) {
    StringBuilder t = new StringBuilder("<table><tr><th>scam type</th><th>payments</th>"
        + "<th>attempted</th><th>warned off</th><th>blocked</th><th>returned</th>"
        + "<th>recovered</th><th>lost</th><th>still held</th><th>saved</th></tr>");
    for (ScamKind kind : ScamKind.values()) {
      row(t, kind.label(), i.byKind.get(kind));
    }
    row(t, "all scams", i.total);
    return t.append("</table>").toString();
  }

  private static String lostTable(Impact i) {
    StringBuilder t = new StringBuilder("<table><tr><th>scam type</th><th>lost</th>"
        + "<th>allowed</th><th>warned</th><th>held and released</th></tr>");
    for (ScamKind kind : ScamKind.values()) {
      lostRow(t, kind.label(), i.byKind.get(kind));
    }
    lostRow(t, "all scams", i.total);
    return t.append("</table>").toString();
  }

  private static void lostRow(StringBuilder t, String label, Impact.Money m) {
    t.append(String.format(Locale.ROOT, "<tr><td>%s</td><td>%s</td><td>%s</td><td>%s</td>"
        + "<td>%s</td></tr>", label, ImpactText.usd(m.lost), ImpactText.usd(m.lostAllowed),
        ImpactText.usd(m.lostWarned), ImpactText.usd(m.lostReleased)));
  }

  private static void row(StringBuilder t, String label, Impact.Money m) {
    t.append(String.format(Locale.ROOT, "<tr><td>%s</td><td>%,d</td><td>%s</td><td>%s</td>"
        + "<td>%s</td><td>%s</td><td>%s</td><td>%s</td><td>%s</td><td>%.1f%%</td></tr>", label,
        m.payments, ImpactText.usd(m.attempted), ImpactText.usd(m.stoppedByWarning),
        ImpactText.usd(m.blocked), ImpactText.usd(m.heldAndReturned),
        ImpactText.usd(m.recovered), ImpactText.usd(m.lost), ImpactText.usd(m.stillHeld),
        100 * ImpactText.share(m.protectedMinor(), m.attempted)));
  }
}
