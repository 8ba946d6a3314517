package io.holdfast.server.console;

import io.holdfast.server.sweeps.ScammerGraph;
import io.holdfast.server.sweeps.ScammerGraph.Edge;
import io.holdfast.server.sweeps.ScammerGraph.Node;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * A scammer's graph laid out for an SVG the server draws (no script): columns left to right
 * for who paid, the scammer and its cluster, and each hop the money went on; boxes labelled
 * with the account and the money, curves for the links, thicker for more money.
 */
public record GraphPicture(int width, int height, List<Heading> headings, List<Box> boxes,
    List<Line> lines, List<Heading> notes) {
  static final int NODE_W = 200;
  static final int NODE_H = 38;
  static final int COL_GAP = 120;
  static final int ROW_GAP = 12;
  static final int TOP = 56;
  static final int LEFT = 16;

  /** A column's heading, or a note under a column ("and 9,985 more"). */
  public record Heading(int x, int y, String text) {}

  /** A node's box, with its label (the account) and a second line (what it did). */
  public record Box(int x, int y, int w, int h, String cssClass, String key, String relation,
      String label, String sub, String title) {
    public int textX() {
      return x + 8;
    }
  }

  /** A link's curve, its stroke width and what it says on hover. */
  public record Line(String d, String cssClass, String strokeWidth, String title) {}

  static GraphPicture of(ScammerGraph g, Formats f) {
    TreeMap<Integer, List<Node>> columns = new TreeMap<>();
    for (Node n : g.nodes()) {
      columns.computeIfAbsent(column(n), c -> new ArrayList<>()).add(n);
    }
    int lastColumn = columns.isEmpty() ? 1 : Math.max(1, columns.lastKey());
    Map<String, int[]> at = new HashMap<>();
    Map<String, Integer> columnOf = new HashMap<>();
    List<Box> boxes = new ArrayList<>();
    int rows = 0;
    for (var e : columns.entrySet()) {
      int x = LEFT + e.getKey() * (NODE_W + COL_GAP);
      int y = TOP;
      for (Node n : e.getValue()) {
        at.put(n.key(), new int[] {x, y});
        columnOf.put(n.key(), e.getKey());
        boxes.add(box(n, x, y, f));
        y += NODE_H + ROW_GAP;
      }
      rows = Math.max(rows, e.getValue().size());
    }
    List<Heading> headings = new ArrayList<>();
    for (int c = 0; c <= lastColumn; c++) {
      headings.add(new Heading(LEFT + c * (NODE_W + COL_GAP), 24, heading(c)));
    }
    int bottom = TOP + rows * (NODE_H + ROW_GAP) + 8;
    List<Heading> notes = new ArrayList<>();
    note(notes, 0, bottom, g.payersMore(), "more payers", f);
    note(notes, 1, bottom, g.clusterMore(), "more linked accounts", f);
    note(notes, 2, bottom, g.onwardMore(), "more payments onward", f);
    if (!g.traced()) {
      notes.add(new Heading(LEFT + 2 * (NODE_W + COL_GAP), TOP + 16, "An address: its onward"
          + " payments are not on the platform"));
    }
    List<Line> lines = lines(g, at, columnOf, f);
    int width = LEFT * 2 + (Math.max(lastColumn, g.traced() ? 1 : 2) + 1) * (NODE_W + COL_GAP);
    return new GraphPicture(width, bottom + 24, headings, boxes, lines, notes);
  }

  private static int column(Node n) {
    return switch (n.layer()) {
      case PAYER -> 0;
      case CLUSTER -> 1;
      case ONWARD -> 1 + Math.max(1, n.hops());
    };
  }

  private static String heading(int column) {
    return switch (column) {
      case 0 -> "Paid the scammer (largest first)";
      case 1 -> "The scammer and linked accounts";
      default -> "Money went on, " + (column - 1) + (column == 2 ? " payment" : " payments")
          + " away";
    };
  }

  private static void note(List<Heading> notes, int column, int y, long more, String what,
      Formats f) {
    if (more > 0) {
      notes.add(new Heading(LEFT + column * (NODE_W + COL_GAP), y + 8,
          "and " + f.count(more) + " " + what));
    }
  }

  private static Box box(Node n, int x, int y, Formats f) {
    String css = n.relation().equals("scammer") ? "scammer"
        : n.layer().name().toLowerCase(Locale.ROOT);
    String sub = switch (n.layer()) {
      case PAYER -> "paid " + f.money(n.amountMinor(), n.currency());
      case CLUSTER -> n.relation().equals("scammer") ? "the scammer"
          : n.relation() + ", " + n.hops() + (n.hops() == 1 ? " link" : " links") + " away";
      case ONWARD -> n.amountMinor() == null ? "passed money on"
          : "received " + f.money(n.amountMinor(), n.currency());
    };
    String label = label(n.key());
    return new Box(x, y, NODE_W, NODE_H, css, n.key(), n.relation(), label, sub,
        n.key() + ": " + sub);
  }

  /** An account by its id, an address by its network and a shortened address. */
  static String label(String key) {
    String text;
    if (key.startsWith("a:")) {
      text = key.substring(2);
    } else if (key.startsWith("x:")) {
      int sep = key.indexOf(':', 2);
      String address = key.substring(sep + 1);
      text = key.substring(2, sep) + " " + (address.length() > 14
          ? address.substring(0, 8) + "…" + address.substring(address.length() - 4) : address);
    } else {
      text = key;
    }
    return text.length() > 26 ? text.substring(0, 25) + "…" : text;
  }

  private static List<Line> lines(ScammerGraph g, Map<String, int[]> at,
      Map<String, Integer> columnOf, Formats f) {
    Map<String, Long> largest = new HashMap<>();
    for (Edge e : g.edges()) {
      if (e.amountMinor() != null) {
        largest.merge(e.currency(), e.amountMinor(), Math::max);
      }
    }
    List<Line> lines = new ArrayList<>();
    for (Edge e : g.edges()) {
      int[] a = at.get(e.from());
      int[] b = at.get(e.to());
      double width = 1.5;
      if (e.amountMinor() != null && largest.get(e.currency()) > 0) {
        width += 4.5 * e.amountMinor() / (double) largest.get(e.currency());
      }
      lines.add(new Line(path(a, b, columnOf.get(e.from()), columnOf.get(e.to())), e.kind(),
          String.format(Locale.ROOT, "%.1f", width), describe(e, f)));
    }
    return lines;
  }

  private static String path(int[] a, int[] b, int fromColumn, int toColumn) {
    int ay = a[1] + NODE_H / 2;
    int by = b[1] + NODE_H / 2;
    if (fromColumn < toColumn) {
      int x1 = a[0] + NODE_W;
      int x2 = b[0];
      int bend = COL_GAP / 2;
      return "M" + x1 + " " + ay + " C" + (x1 + bend) + " " + ay + " " + (x2 - bend) + " " + by
          + " " + x2 + " " + by;
    }
    if (fromColumn == toColumn) {
      int x = a[0] + NODE_W;
      int bend = 30 + Math.abs(by - ay) / 6;
      return "M" + x + " " + ay + " C" + (x + bend) + " " + ay + " " + (x + bend) + " " + by
          + " " + x + " " + by;
    }
    int x1 = a[0];
    int x2 = b[0] + NODE_W;
    int bend = COL_GAP / 2;
    return "M" + x1 + " " + ay + " C" + (x1 - bend) + " " + ay + " " + (x2 + bend) + " " + by
        + " " + x2 + " " + by;
  }

  static String describe(Edge e, Formats f) {
    String from = label(e.from());
    String to = label(e.to());
    return switch (e.kind()) {
      case "paid" -> from + " paid " + to + " " + f.money(e.amountMinor(), e.currency())
          + (e.transfers() == null ? "" : " in " + f.count(e.transfers())
              + (e.transfers() == 1 ? " payment" : " payments"));
      case "onward" -> from + " passed " + f.money(e.amountMinor(), e.currency())
          + " of the scammer's money to " + to;
      default -> to + " is linked to " + from + (e.why() == null ? "" : ": " + e.why());
    };
  }
}
