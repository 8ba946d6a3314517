package io.holdfast.core.simulation;

import io.holdfast.core.support.Invariants;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What happened to every transfer the world tried, beside its ground truth: the screening
 * outcome, whether the sender heeded a warning, the hold and how it ended, whether the money
 * moved. The impact report is computed from these and from what the platform's ledger says.
 */
public final class Outcomes {
  /** One attempted transfer and its fate. */
  public static final class Attempt {
    public final SimTransfer transfer;
    public String outcome;
    public String holdId;
    public boolean heeded;
    public boolean settled;
    public Platform.HoldFate fate;

    Attempt(SimTransfer transfer) {
      this.transfer = transfer;
    }

    /** Whether the money reached the recipient: went ahead, or a hold released it. */
    public boolean moved() {
      return settled || fate == Platform.HoldFate.RELEASED;
    }
  }

  /** A report filed in the world and whether it froze its recipient. */
  public record Filed(String reporter, String caseId, ScamKind kind, boolean froze,
      boolean falseReport) {}

  private final Map<String, Attempt> attempts = new LinkedHashMap<>();
  private final List<Filed> reports = new ArrayList<>();
  private final Map<String, Attempt> byHold = new java.util.HashMap<>();
  private final Map<String, Long> preventedMinorByCase = new LinkedHashMap<>();
  private long alertsRead;

  void held(Attempt a) {
    byHold.put(a.holdId, a);
  }

  /** The attempt a hold belongs to, or null. */
  public Attempt byHold(String holdId) {
    return byHold.get(holdId);
  }

  Attempt add(SimTransfer t) {
    Attempt a = new Attempt(t);
    Invariants.check(attempts.put(t.transferId(), a) == null, "transfer %s tried twice",
        t.transferId());
    return a;
  }

  /**
   * A victim stopped a scam before paying what was still planned, because an alert or a call
   * made before any payment of theirs was stopped reached them; {@code unpaidMinor} is the
   * planned money they never sent, known only in the simulation.
   */
  void prevented(String caseId, long unpaidMinor) {
    Invariants.check(unpaidMinor >= 0, "negative prevented amount");
    preventedMinorByCase.putIfAbsent(caseId, unpaidMinor);
  }

  /** Cases stopped by prevention, with the money the victim had not yet sent. */
  public Map<String, Long> preventedMinorByCase() {
    return java.util.Collections.unmodifiableMap(preventedMinorByCase);
  }

  void alertRead() {
    alertsRead++;
  }

  public long alertsRead() {
    return alertsRead;
  }

  void report(Filed filed) {
    reports.add(filed);
  }

  public Attempt get(String transferId) {
    return attempts.get(transferId);
  }

  public List<Attempt> attempts() {
    return List.copyOf(attempts.values());
  }

  public List<Filed> reports() {
    return List.copyOf(reports);
  }
}
