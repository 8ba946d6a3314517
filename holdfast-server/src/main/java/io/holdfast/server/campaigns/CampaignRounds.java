package io.holdfast.server.campaigns;

import io.holdfast.core.support.Invariants;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import io.holdfast.server.support.RunLease;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The rounds of a campaign's delivery: created once per round, leased by one runner at a time,
 * advanced chunk by chunk with the counts of what each chunk did.
 */
final class CampaignRounds {
  /** What one chunk added to the round. */
  record ChunkCounts(int matched, int sent, int heldOut, int optedOut, int capped) {}

  private static final String VIEW = "SELECT campaign_id, round_no, state, as_of, chunks, matched,"
      + " sent, held_out, opted_out, capped, started_at, finished_at FROM campaign_rounds";

  private final JdbcTemplate jdbc;
  private final RunLease lease;

  CampaignRounds(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
    this.lease = new RunLease(jdbc, "campaign_rounds", "campaign_id = ? AND round_no = ?");
  }

  /** Creates the round unless it exists; true when it created it. */
  boolean create(String campaignId, int round, Instant asOf, Instant now) {
    return jdbc.update("INSERT INTO campaign_rounds (campaign_id, round_no, state, as_of,"
        + " cursor_account, chunks, matched, sent, held_out, opted_out, capped, started_at)"
        + " VALUES (?, ?, 'RUNNING', ?, '', 0, 0, 0, 0, 0, 0, ?) ON CONFLICT DO NOTHING",
        campaignId, round, Timestamp.from(asOf), Timestamp.from(now)) == 1;
  }

  /** Takes the lease when the round is unleased, ours, or its lease ran out. */
  boolean lease(String campaignId, int round, String owner, Instant now, Instant until) {
    return lease.take(key(campaignId, round), owner, now, until);
  }

  /** The cursor and as-of instant while {@code owner} holds the lease; locks the row. */
  Optional<RunLease.Cursor> cursorIfLeased(String campaignId, int round, String owner) {
    return lease.cursorIfHeld(key(campaignId, round), owner);
  }

  void advance(String campaignId, int round, String cursor, ChunkCounts c, Instant leaseUntil) {
    int updated = jdbc.update("UPDATE campaign_rounds SET cursor_account = ?, chunks = chunks + 1,"
        + " matched = matched + ?, sent = sent + ?, held_out = held_out + ?, opted_out ="
        + " opted_out + ?, capped = capped + ?, lease_until = ? WHERE campaign_id = ?"
        + " AND round_no = ?", cursor, c.matched(), c.sent(), c.heldOut(), c.optedOut(),
        c.capped(), Timestamp.from(leaseUntil), campaignId, round);
    Invariants.check(updated == 1, "the round row vanished");
  }

  void finish(String campaignId, int round, Instant now) {
    lease.finish(key(campaignId, round), now);
  }

  /** Lets go of the lease, so another runner need not wait for it to run out. */
  void release(String campaignId, int round, String owner) {
    lease.release(key(campaignId, round), owner);
  }

  private static Object[] key(String campaignId, int round) {
    return new Object[] {campaignId, round};
  }

  Optional<Map<String, Object>> view(String campaignId, int round) {
    return jdbc.query(VIEW + " WHERE campaign_id = ? AND round_no = ?", (rs, n) -> view(rs),
        campaignId, round).stream().findFirst();
  }

  List<Map<String, Object>> ofCampaign(String campaignId) {
    return jdbc.query(VIEW + " WHERE campaign_id = ? ORDER BY round_no DESC LIMIT 400",
        (rs, n) -> view(rs), campaignId);
  }

  private static Map<String, Object> view(ResultSet rs) throws SQLException {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("round", rs.getInt(2));
    m.put("state", rs.getString(3).toLowerCase(java.util.Locale.ROOT));
    m.put("as_of", rs.getTimestamp(4).toInstant().toString());
    m.put("chunks", rs.getInt(5));
    m.put("matched", rs.getLong(6));
    m.put("sent", rs.getLong(7));
    m.put("held_out", rs.getLong(8));
    m.put("suppressed_opted_out", rs.getLong(9));
    m.put("suppressed_capped", rs.getLong(10));
    m.put("started_at", rs.getTimestamp(11).toInstant().toString());
    Timestamp finished = rs.getTimestamp(12);
    m.put("finished_at", finished == null ? null : finished.toInstant().toString());
    return m;
  }
}
