package io.holdfast.server.screening;

import io.holdfast.server.idempotency.RequestHash;
import jakarta.servlet.http.HttpServletRequest;

/**
 * The canonical form of a screening request, which a retried transfer_id or Idempotency-Key is
 * compared by: every field of the parsed {@link TransferBody}, named, in a fixed order, each
 * value prefixed by its length (so no two bodies share a form) and null written apart from any
 * value. Two bodies that parse to the same fields (whatever their whitespace or key order) have
 * one form; a changed value changes it. Built from the body screening has already parsed, so
 * the hot path neither parses again nor allocates more than one short string.
 */
final class CanonicalTransfer {
  private CanonicalTransfer() {}

  /** What a retry of this screening request is compared by. */
  static RequestHash requestHash(HttpServletRequest request, TransferBody body) {
    return RequestHash.of(request, of(body));
  }

  static String of(TransferBody b) {
    StringBuilder s = new StringBuilder(256);
    field(s, "transfer_id", b.transferId());
    field(s, "sender_account", b.senderAccount());
    field(s, "recipient_account", b.recipientAccount());
    field(s, "recipient_address", b.recipientAddress());
    field(s, "network", b.network());
    field(s, "amount_minor", b.amountMinor() == null ? null : b.amountMinor().toString());
    field(s, "currency", b.currency());
    field(s, "channel", b.channel());
    field(s, "created_at", b.createdAt());
    return s.toString();
  }

  private static void field(StringBuilder s, String name, String value) {
    s.append(name);
    if (value == null) {
      s.append("=null\n");
    } else {
      s.append('=').append(value.length()).append(':').append(value).append('\n');
    }
  }
}
