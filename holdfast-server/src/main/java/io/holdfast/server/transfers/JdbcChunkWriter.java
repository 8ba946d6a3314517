package io.holdfast.server.transfers;

import io.holdfast.core.transfer.Counterparty;
import io.holdfast.core.transfer.Transfer;
import io.holdfast.server.store.AuditRows;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Clock;
import javax.sql.DataSource;

/**
 * Bulk writes with batched inserts, for the embedded H2 store, which has no COPY. ON CONFLICT
 * DO NOTHING keeps the import idempotent; each row's update count says whether it was new.
 */
final class JdbcChunkWriter implements ChunkWriter {
  private static final String INSERT = """
      INSERT INTO transfers (transfer_id, created_at, sender_account, recipient_account,
        recipient_address, network, amount_minor, currency, amount_usd_minor, channel, source)
      VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'import')
      ON CONFLICT DO NOTHING""";

  private final Connection connection;
  private final Clock clock;
  private final String actor;

  JdbcChunkWriter(DataSource dataSource, Clock clock, String actor) throws SQLException {
    this.connection = dataSource.getConnection();
    this.clock = clock;
    this.actor = actor;
    connection.setAutoCommit(false);
  }

  @Override
  public long write(Chunk chunk) throws SQLException {
    try (PreparedStatement ps = connection.prepareStatement(INSERT)) {
      for (Transfer t : chunk.transfers()) {
        bind(ps, t);
        ps.addBatch();
      }
      long inserted = 0;
      for (int count : ps.executeBatch()) {
        inserted += count > 0 ? 1 : 0;
      }
      AuditRows.insert(connection, clock.instant(), actor, "transfers.imported", "import",
          chunk.entityId(), ChunkWriter.auditState(chunk, inserted), null);
      connection.commit();
      return inserted;
    } catch (SQLException | RuntimeException e) {
      connection.rollback();
      throw e;
    }
  }

  private static void bind(PreparedStatement ps, Transfer t) throws SQLException {
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

  @Override
  public void close() throws SQLException {
    connection.close();
  }
}
