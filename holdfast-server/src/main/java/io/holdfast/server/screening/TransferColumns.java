package io.holdfast.server.screening;

import io.holdfast.core.transfer.Counterparty;
import io.holdfast.core.transfer.Transfer;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;

/**
 * Binds a transfer to the first ten parameters of an insert into {@code transfers}, in the
 * column order transfer_id, created_at, sender_account, recipient_account, recipient_address,
 * network, amount_minor, currency, amount_usd_minor, channel. Screening and import share it, so
 * both store a transfer the same way.
 */
public final class TransferColumns {
  public static final int COUNT = 10;

  private TransferColumns() {}

  public static void bind(PreparedStatement ps, Transfer t) throws SQLException {
    ps.setString(1, t.transferId());
    ps.setTimestamp(2, Timestamp.from(t.createdAt()));
    ps.setString(3, t.senderAccount());
    if (t.recipient() instanceof Counterparty.PlatformAccount account) {
      ps.setString(4, account.accountId());
      ps.setNull(5, Types.VARCHAR);
      ps.setNull(6, Types.VARCHAR);
    } else {
      Counterparty.ExternalAddress address = (Counterparty.ExternalAddress) t.recipient();
      ps.setNull(4, Types.VARCHAR);
      ps.setString(5, address.address());
      ps.setString(6, address.network());
    }
    ps.setLong(7, t.amount().amountMinor());
    ps.setString(8, t.amount().currency().code());
    ps.setLong(9, t.amount().usdCents());
    ps.setString(10, t.channel());
  }
}
