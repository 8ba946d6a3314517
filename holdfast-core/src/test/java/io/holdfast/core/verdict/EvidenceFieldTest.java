package io.holdfast.core.verdict;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SortedMap;
import org.junit.jupiter.api.Test;

class EvidenceFieldTest {
  @Test
  void unknownEvidenceIsOneIndicatorPerFieldNotZero() {
    SortedMap<String, Double> features = VerdictFeatures.of("", ReportEvidence.NONE);
    assertThat(features).hasSize(EvidenceField.values().length);
    assertThat(features.keySet()).allMatch(name -> name.endsWith("_unknown"));
    assertThat(VerdictFeatures.textOnly(ReportEvidence.NONE)).isTrue();
  }

  @Test
  void knownValuesAreTransformedAndFlagged() {
    ReportEvidence evidence = new ReportEvidence(3, null, 10, 2.0, false, Double.NaN, 150_000L,
        true, 0, null);
    SortedMap<String, Double> f = VerdictFeatures.of("", evidence);
    assertThat(f.get("e:other_reporters_log1p")).isEqualTo(Math.log1p(3));
    assertThat(f.get("e:recipient_fan_in_30d_unknown")).isEqualTo(1.0);
    assertThat(f.get("e:recipient_age_days_young")).isEqualTo(1.0);
    assertThat(f.get("e:mule_turnaround_hours_fast")).isEqualTo(1.0);
    assertThat(f.get("e:reporter_paid_recipient_no")).isEqualTo(1.0);
    // NaN is not a measurement: it counts as unknown.
    assertThat(f.get("e:hours_since_transfer_unknown")).isEqualTo(1.0);
    assertThat(f.get("e:amount_usd_log1p")).isEqualTo(Math.log1p(1_500));
    assertThat(f.get("e:recipient_on_intel_list_yes")).isEqualTo(1.0);
    assertThat(f.get("e:reporter_confirmed_reports_log1p")).isEqualTo(0.0);
    assertThat(VerdictFeatures.textOnly(evidence)).isFalse();
  }

  @Test
  void negativeAndHugeValuesAreClamped() {
    ReportEvidence evidence = new ReportEvidence(-5, Integer.MAX_VALUE, null, null, null, null,
        Long.MAX_VALUE, null, null, null);
    SortedMap<String, Double> f = VerdictFeatures.of("", evidence);
    assertThat(f.get("e:other_reporters_log1p")).isEqualTo(0.0);
    assertThat(f.get("e:amount_usd_log1p")).isFinite().isLessThan(30.0);
  }

  @Test
  void descriptionsArePlainLanguage() {
    assertThat(EvidenceField.OTHER_REPORTERS.describe(3))
        .isEqualTo("3 other people reported this recipient");
    assertThat(EvidenceField.OTHER_REPORTERS.describe(1))
        .isEqualTo("1 other person reported this recipient");
    assertThat(EvidenceField.REPORTER_PAID_RECIPIENT.describe(false))
        .isEqualTo("the reporter never sent money to this recipient");
    assertThat(EvidenceField.AMOUNT_USD.describe(123_456L)).isEqualTo("the reported loss is $1,235");
    assertThat(EvidenceField.MULE_TURNAROUND_HOURS.describe(0.5))
        .isEqualTo("money left the recipient's account a median 30 minutes after it arrived");
  }
}
