package io.holdfast.core.screening;

/**
 * What the learned risk model said about a transfer: its version and calibrated probability, or,
 * when it could not answer, why (the decision then rests on the rules alone).
 */
public record RiskAssessment(String modelVersion, Double probability, String unavailable) {
  public static RiskAssessment answered(String version, double probability) {
    return new RiskAssessment(version, probability, null);
  }

  public static RiskAssessment failed(String version, String why) {
    return new RiskAssessment(version, null, why);
  }
}
