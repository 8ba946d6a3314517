package io.holdfast.core.rule;

import io.holdfast.core.transfer.Counterparty;
import io.holdfast.core.transfer.Transfer;
import dev.cel.common.types.CelType;
import dev.cel.common.values.StructValue;
import io.holdfast.core.support.Invariants;
import java.util.Optional;

/**
 * The {@code transfer} variable as CEL sees it: a read-only struct view over a Transfer. Values
 * are produced on access, so a rule that reads only the amount never formats the timestamp. It
 * is a struct value, not a java.util.Map, for the same reason as {@link FeatureMapView}.
 */
final class TransferMapView extends StructValue<String, Object> {
  private final Transfer transfer;

  TransferMapView(Transfer transfer) {
    this.transfer = transfer;
  }

  @Override
  public Object select(String field) {
    Object value = get(field);
    // The checker rejects unknown keys, so a miss here means the environment is broken.
    Invariants.check(value != null, "no transfer key %s", field);
    return value;
  }

  @Override
  public Optional<Object> find(String field) {
    return Optional.ofNullable(get(field));
  }

  private Object get(String name) {
    return switch (name) {
      case "transfer_id" -> transfer.transferId();
      case "sender_account" -> transfer.senderAccount();
      case "recipient_account" ->
          transfer.recipient() instanceof Counterparty.PlatformAccount p ? p.accountId() : "";
      case "recipient_address" ->
          transfer.recipient() instanceof Counterparty.ExternalAddress x ? x.address() : "";
      case "network" ->
          transfer.recipient() instanceof Counterparty.ExternalAddress x ? x.network() : "";
      case "amount_minor" -> transfer.amount().amountMinor();
      case "currency" -> transfer.amount().currency().code();
      case "channel" -> transfer.channel();
      case "created_at" -> transfer.createdAt().toString();
      default -> null;
    };
  }

  @Override
  public Object value() {
    return transfer;
  }

  @Override
  public boolean isZeroValue() {
    return false;
  }

  @Override
  public CelType celType() {
    return CelEnvironment.TRANSFER;
  }
}
