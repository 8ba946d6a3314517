package io.holdfast.core.freeze;

/**
 * A precautionary freeze is automatic and reversible: it expires unless an analyst confirms it
 * in time. A confirmed freeze stays until it is lifted by two people.
 */
public enum FreezeKind {
  PRECAUTIONARY,
  CONFIRMED
}
