package io.holdfast.core.simulation;

import java.util.List;

/**
 * One victim's scam: who, which kind, the scammer (an account, or an address when
 * {@code scammer.accountId()} is null), the payments the victim will try, in time order, and the
 * account events that set it up (a security change before an impersonation).
 */
public record ScamCase(String caseId, SimAccount victim, ScamKind kind, Scammer scammer,
    List<SimTransfer> payments, List<PlannedEvent> setup) {

  /**
   * A scammer: a platform account (opened at {@code openedAt}) with its mule, or an external
   * address.
   */
  public record Scammer(String key, SimAccount account, SimAccount mule, String address,
      java.time.Instant openedAt) {}
}
