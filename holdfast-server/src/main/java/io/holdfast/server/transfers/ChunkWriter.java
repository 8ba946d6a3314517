package io.holdfast.server.transfers;

import io.holdfast.core.transfer.Transfer;
import java.sql.SQLException;
import java.util.List;

/**
 * Writes one chunk of valid imported transfers in one transaction, with its audit record, and
 * skips transfers whose id is already stored. Used from one thread at a time.
 */
interface ChunkWriter extends AutoCloseable {

  /** Counts of one written chunk, for the audit record and the summary. */
  record Chunk(String entityId, List<Transfer> transfers, long rejected) {}

  /** Writes and commits the chunk; returns how many transfers were new. */
  long write(Chunk chunk) throws SQLException;

  @Override
  void close() throws SQLException;

  static String auditState(Chunk chunk, long inserted) {
    return "{\"rows\":" + (chunk.transfers().size() + chunk.rejected()) + ",\"imported\":"
        + inserted + ",\"already_present\":" + (chunk.transfers().size() - inserted)
        + ",\"rejected\":" + chunk.rejected() + "}";
  }
}
