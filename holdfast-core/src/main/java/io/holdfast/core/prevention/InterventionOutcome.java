package io.holdfast.core.prevention;

import io.holdfast.core.hold.Resolution;
import java.util.Locale;
import java.util.Optional;

/**
 * What came of an intervention. The first four are the call queue's original wire values and
 * keep their meaning; the rest are the words. Dissuaded is a cancel in the agent's
 * words, and proceeded anyway is the sender going ahead.
 */
public enum InterventionOutcome {
  SENDER_CANCELLED(Resolution.CANCELLED_BY_SENDER, false, true),
  CONFIRMED_SCAM(Resolution.RETURNED_AS_SCAM, false, true),
  SENDER_PROCEEDS(null, true, true),
  UNREACHABLE(null, false, false),
  /** Spoke to the person, who has not decided yet; the hold runs its course. */
  REACHED(null, false, true),
  DISSUADED(Resolution.CANCELLED_BY_SENDER, false, true),
  PROCEEDED_ANYWAY(null, true, true);

  private final Resolution holdResolution;
  private final boolean proceeded;
  private final boolean reached;

  InterventionOutcome(Resolution holdResolution, boolean proceeded, boolean reached) {
    this.holdResolution = holdResolution;
    this.proceeded = proceeded;
    this.reached = reached;
  }

  /** How a held payment ends because of this outcome, if it does. */
  public Optional<Resolution> holdResolution() {
    return Optional.ofNullable(holdResolution);
  }

  /** The person went ahead against the agent's advice. */
  public boolean proceeded() {
    return proceeded;
  }

  /** The agent spoke to the person. */
  public boolean reached() {
    return reached;
  }

  public String wire() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static Optional<InterventionOutcome> byWire(String text) {
    for (InterventionOutcome o : values()) {
      if (o.wire().equals(text)) {
        return Optional.of(o);
      }
    }
    return Optional.empty();
  }

  /** The wire values, for error messages. */
  public static String wireNames() {
    StringBuilder out = new StringBuilder();
    for (InterventionOutcome o : values()) {
      out.append(out.isEmpty() ? "" : ", ").append(o.wire());
    }
    return out.toString();
  }
}
