package io.holdfast.core.hold;

/** How suspicious a held transfer is; the tier sets the hold's length and its ladder. */
public enum RiskTier {
  ELEVATED,
  HIGH,
  SEVERE;

  /** True for the gravest tier, whose holds nothing the sender says may shorten. */
  public boolean highest() {
    return this == values()[values().length - 1];
  }

  /** One tier up, used for vulnerable senders; SEVERE stays SEVERE. */
  public RiskTier raised() {
    return this == SEVERE ? SEVERE : values()[ordinal() + 1];
  }
}
