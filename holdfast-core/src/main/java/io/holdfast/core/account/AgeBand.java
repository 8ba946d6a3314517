package io.holdfast.core.account;

import java.util.Optional;

/** Age bands a platform may send instead of a date of birth. */
public enum AgeBand {
  UNDER_18("under-18", 0),
  FROM_18_TO_24("18-24", 18),
  FROM_25_TO_34("25-34", 25),
  FROM_35_TO_44("35-44", 35),
  FROM_45_TO_54("45-54", 45),
  FROM_55_TO_64("55-64", 55),
  FROM_65("65+", 65);

  private final String label;
  private final int lowestAgeYears;

  AgeBand(String label, int lowestAgeYears) {
    this.label = label;
    this.lowestAgeYears = lowestAgeYears;
  }

  public String label() {
    return label;
  }

  public int lowestAgeYears() {
    return lowestAgeYears;
  }

  public static Optional<AgeBand> byLabel(String label) {
    for (AgeBand band : values()) {
      if (band.label.equals(label)) {
        return Optional.of(band);
      }
    }
    return Optional.empty();
  }
}
