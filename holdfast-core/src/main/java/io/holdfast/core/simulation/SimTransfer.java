package io.holdfast.core.simulation;

import java.time.Instant;

/**
 * A transfer a simulated user tries to make, with its ground truth: {@code scam} is the scam
 * it belongs to (null for an honest payment), {@code laundering} marks a scammer or mule moving
 * stolen money on, and {@code caseId} groups one victim's payments to one scammer.
 */
public record SimTransfer(String transferId, Instant at, String sender, String recipientAccount,
    String recipientAddress, String network, long amountMinor, String channel, ScamKind scam,
    boolean laundering, String scammerKey, String caseId) {

  public boolean honest() {
    return scam == null && !laundering;
  }

  /**
   * A user's payment home to a relative abroad ({@link Diaspora}): the segment that bears most
   * of the holds on payments abroad, which the impact report shows apart.
   */
  public boolean paymentHome() {
    return honest() && recipientAccount != null && transferId.startsWith(Diaspora.ID_PREFIX);
  }

  /** The recipient as a counterparty key ({@code a:<id>} or {@code x:<NETWORK>:<address>}). */
  public String recipientKey() {
    return recipientAccount != null ? "a:" + recipientAccount
        : "x:" + network + ":" + recipientAddress;
  }
}
