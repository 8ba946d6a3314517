package io.holdfast.core.simulation;

import static org.assertj.core.api.Assertions.assertThat;

import io.holdfast.core.verdict.ReportEvidence;
import java.util.EnumSet;
import java.util.List;
import org.junit.jupiter.api.Test;

class ReportGeneratorTest {
  static final List<GeneratedReport> REPORTS = ReportGenerator.generate(7, 5_000);

  @Test
  void theSameSeedGivesTheSameReports() {
    assertThat(ReportGenerator.generate(7, 5_000)).isEqualTo(REPORTS);
    assertThat(ReportGenerator.generate(8, 100)).isNotEqualTo(REPORTS.subList(0, 100));
  }

  @Test
  void everyKindAppearsWithTextAndTheGroundTruth() {
    EnumSet<ReportKind> kinds = EnumSet.noneOf(ReportKind.class);
    for (GeneratedReport report : REPORTS) {
      kinds.add(report.kind());
      assertThat(report.text()).isNotBlank().doesNotContain("{");
      assertThat(report.scam()).isEqualTo(report.kind().scam());
    }
    assertThat(kinds).containsExactlyInAnyOrder(ReportKind.values());
  }

  @Test
  void aFewLabelsAreNoisyAndSomeReportsHaveNoEvidence() {
    long flipped = REPORTS.stream().filter(r -> r.scam() != r.labelledScam()).count();
    long textOnly = REPORTS.stream().filter(r -> r.evidence().equals(ReportEvidence.NONE)).count();
    assertThat(flipped).isBetween(100L, 220L);
    assertThat(textOnly).isBetween(600L, 900L);
    assertThat(REPORTS.stream().filter(r -> r.text().contains("ñ") || r.text().contains("é")))
        .isNotEmpty();
  }

  @Test
  void weaponisedReportsMostlyComeFromReportersWhoNeverPaid() {
    List<ReportEvidence> weaponised = REPORTS.stream()
        .filter(r -> r.kind() == ReportKind.WEAPONISED_FALSE_REPORT)
        .map(GeneratedReport::evidence)
        .filter(e -> e.reporterPaidRecipient() != null)
        .toList();
    long unpaid = weaponised.stream().filter(e -> !e.reporterPaidRecipient()).count();
    assertThat((double) unpaid / weaponised.size()).isBetween(0.55, 0.75);
    List<ReportEvidence> scams = REPORTS.stream().filter(GeneratedReport::scam)
        .map(GeneratedReport::evidence)
        .filter(e -> e.reporterPaidRecipient() != null)
        .toList();
    long paid = scams.stream().filter(ReportEvidence::reporterPaidRecipient).count();
    assertThat((double) paid / scams.size()).isGreaterThan(0.9);
  }
}
