package io.holdfast.server.holds;

import io.holdfast.core.hold.Hold;
import io.holdfast.core.hold.Resolution;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** A hold as the sender's platform and analysts see it. */
public record HoldView(
    String holdId,
    String transferId,
    String senderAccount,
    String state,
    String tier,
    long amountMinor,
    String currency,
    List<Map<String, Object>> reasons,
    String releaseAt,
    Long secondsLeft,
    String legalDeadline,
    String finding,
    String resolution,
    String resolvedAt,
    String nextStep,
    int version) {

  static HoldView of(Hold h, List<Map<String, Object>> reasons, Instant now) {
    Instant releaseAt = HoldStates.releaseAt(h);
    Resolution resolution = HoldStates.resolution(h);
    Instant resolvedAt = h instanceof Hold.Released r ? r.resolvedAt()
        : h instanceof Hold.Returned r ? r.resolvedAt() : null;
    return new HoldView(h.holdId(), h.terms().transferId(), h.terms().senderAccount(),
        HoldStates.name(h).toLowerCase(Locale.ROOT), h.terms().tier().name(),
        h.terms().amount().amountMinor(), h.terms().amount().currency().code(), reasons,
        releaseAt == null ? null : releaseAt.toString(),
        releaseAt == null ? null : Math.max(0, Duration.between(now, releaseAt).toSeconds()),
        h.terms().legalDeadline().toString(),
        h instanceof Hold.UnderInvestigation u ? u.finding() : null,
        resolution == null ? null : resolution.wire(),
        resolvedAt == null ? null : resolvedAt.toString(), nextStep(h, releaseAt),
        h.version());
  }

  private static String nextStep(Hold h, Instant releaseAt) {
    if (h instanceof Hold.Held) {
      return "The payment is paused for your safety until " + releaseAt + ". You can cancel it"
          + " now and keep your money, or report a scam if someone is pressuring you.";
    }
    if (h instanceof Hold.UnderInvestigation) {
      return "Our team is checking this payment. It stays paused until " + releaseAt
          + " at the latest; you can still cancel it.";
    }
    if (h instanceof Hold.Released) {
      return "The payment was sent on to the recipient.";
    }
    return "The money is back in your account.";
  }
}
