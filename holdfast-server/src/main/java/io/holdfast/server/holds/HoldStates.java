package io.holdfast.server.holds;

import io.holdfast.core.hold.Hold;
import io.holdfast.core.hold.Resolution;
import java.time.Instant;

/** Reads the common fields of the four hold types, for storage and views. */
final class HoldStates {
  private HoldStates() {}

  static String name(Hold h) {
    if (h instanceof Hold.Held) {
      return "HELD";
    }
    if (h instanceof Hold.UnderInvestigation) {
      return "UNDER_INVESTIGATION";
    }
    return h instanceof Hold.Released ? "RELEASED" : "RETURNED";
  }

  static Instant releaseAt(Hold h) {
    if (h instanceof Hold.Held held) {
      return held.releaseAt();
    }
    return h instanceof Hold.UnderInvestigation u ? u.releaseAt() : null;
  }

  static int ladderStep(Hold h) {
    if (h instanceof Hold.Held held) {
      return held.ladderStep();
    }
    return h instanceof Hold.UnderInvestigation u ? u.ladderStep() : 0;
  }

  static Resolution resolution(Hold h) {
    if (h instanceof Hold.Released r) {
      return r.resolution();
    }
    return h instanceof Hold.Returned r ? r.resolution() : null;
  }
}
