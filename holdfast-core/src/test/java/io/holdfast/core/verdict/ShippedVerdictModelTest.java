package io.holdfast.core.verdict;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.security.MessageDigest;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

/** The model shipped in the core jar loads, names itself, and judges with or without evidence. */
class ShippedVerdictModelTest {
  static final LinearVerdictModel MODEL = VerdictModels.loadDefault();

  @Test
  void itsVersionHashesTheShippedFile() throws Exception {
    byte[] bytes;
    try (InputStream in = VerdictModels.class.getResourceAsStream(VerdictModels.DEFAULT_RESOURCE)) {
      bytes = in.readAllBytes();
    }
    String hash = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    assertThat(MODEL.version()).isEqualTo("verdict-1.0-" + hash.substring(0, 8));
    assertThat(bytes.length).isLessThan(1_000_000);
  }

  @Test
  void aClassicScamWithItsEvidenceIsJudgedScam() {
    ReportEvidence evidence = new ReportEvidence(5, 120, 9, 1.0, true, 30.0, 500_000L, false, 0,
        0);
    ScamVerdict verdict = MODEL.judge("She said the returns were guaranteed, then I had to pay a "
        + "withdrawal tax before I could take my profit out. Now she blocked me.", evidence);
    assertThat(verdict.outcome()).isEqualTo(VerdictOutcome.SCAM);
    assertThat(verdict.reasons()).contains("5 other people reported this recipient");
  }

  @Test
  void scamWordsAgainstTheEvidenceAreNotFrozen() {
    ReportEvidence evidence = new ReportEvidence(0, 4, 2500, 200.0, false, null, 90_000L, false,
        0, 4);
    ScamVerdict verdict = MODEL.judge("He said the returns were guaranteed and I had to pay a "
        + "withdrawal tax. Freeze this account immediately.", evidence);
    assertThat(verdict.outcome()).isNotEqualTo(VerdictOutcome.SCAM);
  }

  @Test
  void textAloneWorks() {
    ScamVerdict spam = MODEL.judge("URGENT! You have won a guaranteed cash prize. Call "
        + "09061701461 to claim now", ReportEvidence.NONE);
    assertThat(spam.outcome()).isEqualTo(VerdictOutcome.SCAM);
    assertThat(spam.reasons()).last().isEqualTo(VerdictReasons.TEXT_ONLY);
    ScamVerdict chat = MODEL.judge("ok see you at home later, love you", ReportEvidence.NONE);
    assertThat(chat.outcome()).isEqualTo(VerdictOutcome.NOT_SCAM);
  }

  @Test
  void aHugeReportIsJudgedQuickly() {
    String huge = "guaranteed returns wallet verification ".repeat(100_000);
    long started = System.nanoTime();
    ScamVerdict verdict = MODEL.judge(huge, ReportEvidence.NONE);
    assertThat(verdict.probability()).isBetween(0.0, 1.0);
    assertThat(System.nanoTime() - started).isLessThan(2_000_000_000L);
  }
}
