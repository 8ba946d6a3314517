package io.holdfast.core.hold;

/** How suspicious a held transfer is; the tier sets the hold's length and its ladder. */
public enum RiskTier {
  ELEVATED,
  HIGH,
  SEVERE;

  /** True for the mildest tier, the only one whose holds the sender's answers may shorten. */
  public boolean lowest() {
    return this == values()[0];
  }

  /** One tier up, used for vulnerable senders; SEVERE stays SEVERE. */
  public RiskTier raised() {
    return this == SEVERE ? SEVERE : values()[ordinal() + 1];
  }
}
