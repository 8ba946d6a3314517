package io.holdfast.core.simulation;

import java.util.Locale;

/** The scam campaigns the simulated world runs, each with its own pattern. */
public enum ScamKind {
  /** Pig butchering: weeks of grooming, then escalating payments to a new recipient. */
  INVESTMENT(ReportKind.INVESTMENT, "investment"),
  /** A fake bank or authority: a security change, then most of the balance to a new address. */
  IMPERSONATION(ReportKind.IMPERSONATION, "impersonation"),
  /** Fake customer support: a new device, then a transfer to a "safe wallet". */
  FAKE_SUPPORT(ReportKind.FAKE_SUPPORT, "fake_support"),
  /** Recurring payments abroad to someone the victim never met. */
  ROMANCE(ReportKind.ROMANCE, "romance"),
  /** Payment to a new seller who never delivers; the seller collects from many buyers. */
  MARKETPLACE(ReportKind.MARKETPLACE_NON_DELIVERY, "marketplace"),
  /** Many small payments from many victims into one address. */
  GIVEAWAY(ReportKind.FAKE_GIVEAWAY, "giveaway");

  private final ReportKind reportKind;
  private final String apiName;

  ScamKind(ReportKind reportKind, String apiName) {
    this.reportKind = reportKind;
    this.apiName = apiName;
  }

  /** The kind of report a victim of this scam writes. */
  public ReportKind reportKind() {
    return reportKind;
  }

  /** The {@code scam_type} the API takes. */
  public String apiName() {
    return apiName;
  }

  public String label() {
    return name().charAt(0) + name().substring(1).toLowerCase(Locale.ROOT).replace('_', ' ');
  }
}
