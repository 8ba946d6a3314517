package io.holdfast.core.verdict;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/** A small hand-made model: the file format, the version, the outcomes and the reasons. */
class LinearVerdictModelTest {
  static VerdictModelParameters parameters() {
    TreeMap<String, Double> weights = new TreeMap<>();
    weights.put("w:guaranteed", 2.0);
    weights.put("b:wallet_verification", 1.5);
    weights.put("w:the", 0.7);
    weights.put("w:delivered", -2.0);
    weights.put("e:other_reporters_log1p", 1.2);
    weights.put("e:reporter_paid_recipient_no", -3.0);
    weights.put("e:recipient_age_days_log1p", -0.2);
    weights.put("e:recipient_age_days_young", 1.0);
    weights.put("w:zero", 0.0000001);
    return new VerdictModelParameters("test-1", List.of("a hand-made model"), -1.0, weights,
        1.0, 0.0, 0.85, 0.20);
  }

  static String file() {
    return VerdictModelFile.format(parameters());
  }

  @Test
  void theFileIsSortedCanonicalAndRoundTrips() throws IOException {
    String text = file();
    assertThat(text).startsWith(VerdictModelFile.MAGIC + "\n# a hand-made model\nname test-1\n");
    assertThat(text).contains("weights 8\nb:wallet_verification 1.500000\n"
        + "e:other_reporters_log1p 1.200000\n").endsWith("w:the 0.700000\nend\n");
    assertThat(text).doesNotContain("w:zero");
    LinearVerdictModel model = VerdictModels.read(new StringReader(text));
    assertThat(VerdictModelFile.format(model.parameters())).isEqualTo(text);
  }

  @Test
  void theVersionIsTheNameAndAHashOfTheFile() throws Exception {
    String text = file();
    byte[] digest = MessageDigest.getInstance("SHA-256")
        .digest(text.getBytes(StandardCharsets.UTF_8));
    String expected = "test-1-" + HexFormat.of().formatHex(digest).substring(0, 8);
    assertThat(VerdictModels.read(new StringReader(text)).version()).isEqualTo(expected);
    assertThat(VerdictModels.of(parameters()).version()).isEqualTo(expected);
    // Windows line endings keep the version; any edit changes it.
    assertThat(VerdictModels.read(new StringReader(text.replace("\n", "\r\n"))).version())
        .isEqualTo(expected);
    assertThat(VerdictModels.read(new StringReader(text.replace("2.000000", "2.000001")))
        .version()).isNotEqualTo(expected);
  }

  @Test
  void malformedFilesAreRefusedWithTheLine() {
    String text = file();
    assertRefused(text.replace("b:wallet_verification 1.5", "z:late 1.5"), "line 11: weights must be sorted");
    assertRefused(text.replace("end\n", ""), "expected 'end'");
    assertRefused(text.replace("w:the 0.700000", "w:the 0.7e5"), "bad number");
    assertRefused(text.replace("w:the 0.700000", "w:the NaN"), "bad number");
    assertRefused(text.replace(VerdictTokenizer.ID, "other-1"), "another tokenizer");
    assertRefused(text.replace("threshold_scam 0.8500", "threshold_scam 0.1000"), "thresholds");
    assertRefused(text.replace("weights 8", "weights 9"), "line 18: expected 'FEATURE WEIGHT'");
    assertRefused(text + "extra\n", "nothing may follow");
    assertRefused(text.replace("w:the", "w:" + "x".repeat(600)), "longer than");
    assertRefused("", "expected '" + VerdictModelFile.MAGIC + "'");
  }

  private static void assertRefused(String text, String message) {
    assertThatThrownBy(() -> VerdictModels.read(new StringReader(text)))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining(message);
  }

  @Test
  void outcomesFollowTheThresholds() {
    LinearVerdictModel model = VerdictModels.of(parameters());
    assertThat(model.outcome(0.85)).isEqualTo(VerdictOutcome.SCAM);
    assertThat(model.outcome(0.849)).isEqualTo(VerdictOutcome.NEEDS_REVIEW);
    assertThat(model.outcome(0.20)).isEqualTo(VerdictOutcome.NOT_SCAM);
    assertThat(model.probability(1e6)).isEqualTo(1.0);
    assertThat(model.probability(-1e6)).isEqualTo(0.0);
  }

  @Test
  void aScamIsExplainedByItsEvidenceAndItsWords() {
    ReportEvidence evidence = new ReportEvidence(3, null, 5, null, true, null, null, null, null,
        null);
    ScamVerdict verdict = VerdictModels.of(parameters())
        .judge("Guaranteed returns, the wallet verification fee", evidence);
    assertThat(verdict.outcome()).isEqualTo(VerdictOutcome.SCAM);
    assertThat(verdict.reasons()).containsExactly(
        "the narrative uses scam language: 'guaranteed', 'wallet verification'",
        "3 other people reported this recipient",
        "the recipient's account is 5 days old");
    assertThat(verdict.modelVersion()).startsWith("test-1-");
  }

  @Test
  void aFalseReportIsExplainedByTheEvidenceAgainstIt() {
    ReportEvidence evidence = new ReportEvidence(0, null, 2000, null, false, null, null, null,
        null, null);
    ScamVerdict verdict = VerdictModels.of(parameters())
        .judge("Guaranteed returns, wallet verification", evidence);
    assertThat(verdict.outcome()).isEqualTo(VerdictOutcome.NOT_SCAM);
    assertThat(verdict.reasons()).containsExactly(
        "the reporter never sent money to this recipient",
        "the recipient's account is 2000 days old");
  }

  @Test
  void textAloneIsJudgedAndSaysSo() {
    ScamVerdict verdict = VerdictModels.of(parameters()).judge("It was delivered",
        ReportEvidence.NONE);
    assertThat(verdict.outcome()).isEqualTo(VerdictOutcome.NOT_SCAM);
    assertThat(verdict.reasons()).containsExactly(
        "the narrative reads like an ordinary message or dispute: 'delivered'",
        VerdictReasons.TEXT_ONLY);
    ScamVerdict empty = VerdictModels.of(parameters()).judge("", ReportEvidence.NONE);
    assertThat(empty.reasons()).containsExactly(VerdictReasons.NOTHING_STOOD_OUT,
        VerdictReasons.TEXT_ONLY);
  }
}
