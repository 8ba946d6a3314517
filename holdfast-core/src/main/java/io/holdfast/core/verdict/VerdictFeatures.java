package io.holdfast.core.verdict;

import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The features of one report: the text's words and bigrams (value 1) and the evidence features.
 * Training (in the application) and judging (here) both build features only through this class,
 * which is what keeps the trained weights and the served inputs in step.
 */
public final class VerdictFeatures {
  private VerdictFeatures() {}

  /** The features of a report, sorted by name so that every consumer sees one order. */
  public static SortedMap<String, Double> of(String text, ReportEvidence evidence) {
    Objects.requireNonNull(text, "text");
    Objects.requireNonNull(evidence, "evidence");
    SortedMap<String, Double> features = new TreeMap<>();
    for (String word : VerdictTokenizer.features(text)) {
      features.put(word, 1.0);
    }
    for (EvidenceField field : EvidenceField.values()) {
      field.addFeatures(evidence, features);
    }
    return features;
  }

  /** True if no evidence field is known: the report can only be judged on its text. */
  public static boolean textOnly(ReportEvidence evidence) {
    for (EvidenceField field : EvidenceField.values()) {
      if (field.valueIn(evidence) != null) {
        return false;
      }
    }
    return true;
  }
}
