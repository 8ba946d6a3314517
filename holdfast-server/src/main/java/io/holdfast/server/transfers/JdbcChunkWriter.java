package io.holdfast.server.transfers;

import io.holdfast.core.transfer.Transfer;
import io.holdfast.server.screening.TransferColumns;
import io.holdfast.server.store.AuditRows;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
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
        TransferColumns.bind(ps, t);
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


  @Override
  public void close() throws SQLException {
    connection.close();
  }
}
