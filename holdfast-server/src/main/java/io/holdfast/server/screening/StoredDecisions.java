package io.holdfast.server.screening;

import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Reads stored decisions back, for GET and for replaying a retried screening. */
@Repository
public class StoredDecisions {
  /** The hash of the request that created a transfer and the response it was given. */
  public record Stored(String requestHash, String response) {}

  /**
   * The route part of a screening's idempotency scope ({@code Idempotency.Scope}): screening
   * acts for no customer, so its keys belong to the caller and this one route.
   */
  static final String ROUTE = "POST " + ScreeningFastPath.PATH;

  private final JdbcClient jdbc;

  public StoredDecisions(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  public Optional<Stored> byTransferId(String transferId) {
    return jdbc.sql("""
            SELECT t.request_hash, d.response FROM transfers t
            JOIN decisions d ON d.transfer_id = t.transfer_id
            WHERE t.transfer_id = :id""")
        .param("id", transferId)
        .query((rs, n) -> new Stored(rs.getString(1), rs.getString(2)))
        .optional();
  }

  public Optional<Stored> byIdempotencyKey(String principal, String key) {
    return jdbc.sql("""
            SELECT request_hash, response_body FROM idempotency_keys
            WHERE principal = :p AND account = '' AND route = :r AND idempotency_key = :k
              AND response_status = 200""")
        .param("p", principal)
        .param("r", ROUTE)
        .param("k", key)
        .query((rs, n) -> new Stored(rs.getString(1), rs.getString(2)))
        .optional();
  }
}
