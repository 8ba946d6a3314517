package io.holdfast.core.verdict;

import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

/**
 * One component of {@link ReportEvidence} as the model sees it. A known value becomes one or
 * more features named {@code e:<field>_...}; an unknown (null) value becomes the single feature
 * {@code e:<field>_unknown}, so that the model can learn what a missing fact is worth instead of
 * mistaking it for zero. Each field also says in plain language what its value means, for the
 * reasons attached to a verdict.
 */
public enum EvidenceField {
  OTHER_REPORTERS("other_reporters", ReportEvidence::otherReporters) {
    @Override
    String describe(Object value) {
      int n = ((Number) value).intValue();
      return n == 0 ? "no one else reported this recipient"
          : n == 1 ? "1 other person reported this recipient"
          : n + " other people reported this recipient";
    }
  },
  RECIPIENT_FAN_IN_30D("recipient_fan_in_30d", ReportEvidence::recipientFanIn30d) {
    @Override
    String describe(Object value) {
      int n = ((Number) value).intValue();
      return n == 1 ? "1 account paid this recipient in the last 30 days"
          : n + " accounts paid this recipient in the last 30 days";
    }
  },
  RECIPIENT_AGE_DAYS("recipient_age_days", ReportEvidence::recipientAgeDays) {
    @Override
    String describe(Object value) {
      int n = ((Number) value).intValue();
      return "the recipient's account is " + n + (n == 1 ? " day old" : " days old");
    }

    @Override
    void addKnown(double value, Map<String, Double> out) {
      super.addKnown(value, out);
      // Youth is what matters and a logarithm flattens it, so "young" gets its own feature.
      if (value <= YOUNG_ACCOUNT_DAYS) {
        out.put(prefix() + "_young", 1.0);
      }
    }
  },
  MULE_TURNAROUND_HOURS("mule_turnaround_hours", ReportEvidence::muleTurnaroundHours) {
    @Override
    String describe(Object value) {
      return "money left the recipient's account a median " + hours((Double) value)
          + " after it arrived";
    }

    @Override
    void addKnown(double value, Map<String, Double> out) {
      super.addKnown(value, out);
      // Mules forward money within hours; the logarithm alone would hide that threshold.
      if (value <= FAST_TURNAROUND_HOURS) {
        out.put(prefix() + "_fast", 1.0);
      }
    }
  },
  REPORTER_PAID_RECIPIENT("reporter_paid_recipient", ReportEvidence::reporterPaidRecipient) {
    @Override
    String describe(Object value) {
      return (Boolean) value ? "the reporter sent money to this recipient"
          : "the reporter never sent money to this recipient";
    }
  },
  HOURS_SINCE_TRANSFER("hours_since_transfer", ReportEvidence::hoursSinceTransfer) {
    @Override
    String describe(Object value) {
      return "the report came " + hours((Double) value) + " after the transfer";
    }
  },
  AMOUNT_USD("amount_usd", ReportEvidence::amountUsdMinor) {
    @Override
    String describe(Object value) {
      long dollars = Math.round(((Number) value).longValue() / 100.0);
      return String.format(Locale.ROOT, "the reported loss is $%,d", dollars);
    }

    @Override
    double scale(double value) {
      // Cents to dollars, so that the logarithm's knee sits where amounts start to matter.
      return value / 100.0;
    }
  },
  RECIPIENT_ON_INTEL_LIST("recipient_on_intel_list", ReportEvidence::recipientOnIntelList) {
    @Override
    String describe(Object value) {
      return (Boolean) value ? "the recipient is on an intel list"
          : "the recipient is on no intel list";
    }
  },
  REPORTER_CONFIRMED_REPORTS("reporter_confirmed_reports",
      ReportEvidence::reporterConfirmedReports) {
    @Override
    String describe(Object value) {
      int n = ((Number) value).intValue();
      return n == 0 ? "none of the reporter's earlier reports was confirmed"
          : n + " of the reporter's earlier reports " + (n == 1 ? "was" : "were") + " confirmed";
    }
  },
  REPORTER_REJECTED_REPORTS("reporter_rejected_reports",
      ReportEvidence::reporterRejectedReports) {
    @Override
    String describe(Object value) {
      int n = ((Number) value).intValue();
      return n == 0 ? "none of the reporter's earlier reports was rejected"
          : n + " of the reporter's earlier reports " + (n == 1 ? "was" : "were") + " rejected";
    }
  };

  /** Recipient accounts at most this old count as young. */
  public static final int YOUNG_ACCOUNT_DAYS = 30;
  /** A median turnaround at most this many hours counts as fast. */
  public static final double FAST_TURNAROUND_HOURS = 6.0;
  /** Prefix of every evidence feature. */
  public static final String PREFIX = "e:";
  /** Larger values carry no more information and must not overflow a weight. */
  private static final double MAX_VALUE = 1e12;

  private final String wireName;
  private final Function<ReportEvidence, Object> getter;

  EvidenceField(String wireName, Function<ReportEvidence, Object> getter) {
    this.wireName = wireName;
    this.getter = getter;
  }

  /** The field's snake_case name, as in the verdict command's JSON and in feature names. */
  public String wireName() {
    return wireName;
  }

  /** The field's value in {@code evidence}, or null when unknown (NaN counts as unknown). */
  public Object valueIn(ReportEvidence evidence) {
    Object value = getter.apply(evidence);
    if (value instanceof Double d && !Double.isFinite(d)) {
      return null;
    }
    return value;
  }

  /** Adds this field's features for {@code evidence} to {@code out}. */
  public void addFeatures(ReportEvidence evidence, Map<String, Double> out) {
    Object value = valueIn(evidence);
    if (value == null) {
      out.put(prefix() + "_unknown", 1.0);
    } else if (value instanceof Boolean b) {
      out.put(prefix() + (b ? "_yes" : "_no"), 1.0);
    } else {
      double v = Math.min(MAX_VALUE, Math.max(0.0, ((Number) value).doubleValue()));
      addKnown(v, out);
    }
  }

  /** True if {@code feature} belongs to this field (whatever its value). */
  public boolean owns(String feature) {
    return feature.startsWith(prefix() + "_");
  }

  /** True if {@code feature} is this field's "unknown" indicator. */
  public boolean isUnknownFeature(String feature) {
    return feature.equals(prefix() + "_unknown");
  }

  /** What the value means, in a phrase for an analyst or a customer. */
  abstract String describe(Object value);

  void addKnown(double value, Map<String, Double> out) {
    // StrictMath gives the same bits on every JVM and CPU, so features never drift by an ulp.
    out.put(prefix() + "_log1p", StrictMath.log1p(scale(value)));
  }

  double scale(double value) {
    return value;
  }

  String prefix() {
    return PREFIX + wireName;
  }

  static String hours(double hours) {
    if (hours < 1.0) {
      return Math.round(hours * 60) + " minutes";
    }
    long whole = Math.round(hours);
    return whole == 1 ? "1 hour" : whole + " hours";
  }
}
