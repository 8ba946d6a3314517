package io.holdfast.core.freeze;

/** Why an account or address was frozen. */
public enum FreezeBasis {
  /** Automatically, on a SCAM verdict that passed the anti-abuse policies. */
  VERDICT,
  /** By an analyst. */
  ANALYST,
  /** On a law-enforcement request. */
  LAW_ENFORCEMENT
}
