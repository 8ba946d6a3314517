package io.holdfast.core.hold;

import java.util.Locale;

/** How a hold ended: the money went on to the recipient, or back to the sender. */
public enum Resolution {
  /** Released to the recipient at the deadline: the investigation found nothing. */
  RELEASED_AT_DEADLINE(true),
  /** Released early by an analyst. */
  RELEASED_BY_ANALYST(true),
  /** Returned because the sender cancelled during the window. */
  CANCELLED_BY_SENDER(false),
  /** Returned because the transfer was confirmed to be a scam. */
  RETURNED_AS_SCAM(false),
  /** Returned at the deadline because findings remained and the hold could not be extended. */
  RETURNED_AT_DEADLINE(false),
  /** Returned by an analyst for another reason. */
  RETURNED_BY_ANALYST(false);

  private final boolean released;

  Resolution(boolean released) {
    this.released = released;
  }

  /** True when the money went to the recipient, false when it went back to the sender. */
  public boolean released() {
    return released;
  }

  public String wire() {
    return name().toLowerCase(Locale.ROOT);
  }
}
