package io.holdfast.core.simulation;

/**
 * What a generated victim report really is. Six kinds are scams; the other six are not, and one
 * of those, the weaponised false report, is written to look exactly like a scam report: someone
 * trying to get an innocent account frozen.
 */
public enum ReportKind {
  INVESTMENT(true),
  IMPERSONATION(true),
  ROMANCE(true),
  FAKE_SUPPORT(true),
  MARKETPLACE_NON_DELIVERY(true),
  FAKE_GIVEAWAY(true),
  BUYERS_REMORSE(false),
  LATE_DELIVERY(false),
  MISTAKEN_TRANSFER(false),
  FAMILY_DISPUTE(false),
  CHARGEBACK_DISPUTE(false),
  WEAPONISED_FALSE_REPORT(false);

  private final boolean scam;

  ReportKind(boolean scam) {
    this.scam = scam;
  }

  /** True if a report of this kind describes a real scam. */
  public boolean scam() {
    return scam;
  }
}
