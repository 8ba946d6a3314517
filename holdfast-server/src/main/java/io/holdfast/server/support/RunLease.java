package io.holdfast.server.support;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The lease and cursor of a resumable batch run stored as a row (a day's assessment, a
 * campaign's round): one runner at a time holds the lease, renews it with every chunk, and may
 * advance the cursor only while it holds it, under the row's lock. A runner that dies leaves the
 * lease to run out and the cursor after its last committed chunk. The row needs the columns
 * {@code state} ('RUNNING' or 'DONE'), {@code cursor_account}, {@code as_of},
 * {@code lease_owner}, {@code lease_until} and {@code finished_at}.
 */
public final class RunLease {
  /** Where a held run stands: the last account committed and the instant it is as of. */
  public record Cursor(String afterAccount, Instant asOf) {}

  private final JdbcTemplate jdbc;
  private final String table;
  private final String keyWhere;

  /** {@code table} and {@code keyWhere} (such as "run_date = ?") are code constants, never input. */
  public RunLease(JdbcTemplate jdbc, String table, String keyWhere) {
    this.jdbc = jdbc;
    this.table = table;
    this.keyWhere = keyWhere;
  }

  /** Takes the lease when the run is unleased, ours, or its lease ran out; true on success. */
  public boolean take(Object[] key, String owner, Instant now, Instant until) {
    return jdbc.update("UPDATE " + table + " SET lease_owner = ?, lease_until = ? WHERE "
        + keyWhere + " AND state = 'RUNNING' AND (lease_owner IS NULL OR lease_owner = ?"
        + " OR lease_until < ?)", args(new Object[] {owner, Timestamp.from(until)}, key,
        new Object[] {owner, Timestamp.from(now)})) == 1;
  }

  /** The cursor while {@code owner} holds the lease, locking the row until commit. */
  public Optional<Cursor> cursorIfHeld(Object[] key, String owner) {
    return jdbc.query("SELECT cursor_account, as_of FROM " + table + " WHERE " + keyWhere
        + " AND state = 'RUNNING' AND lease_owner = ? FOR UPDATE",
        (rs, n) -> new Cursor(rs.getString(1), rs.getTimestamp(2).toInstant()),
        args(new Object[0], key, new Object[] {owner})).stream().findFirst();
  }

  /** Marks the run done and lets go of its lease. */
  public void finish(Object[] key, Instant now) {
    jdbc.update("UPDATE " + table + " SET state = 'DONE', finished_at = ?, lease_owner = NULL,"
        + " lease_until = NULL WHERE " + keyWhere + " AND state = 'RUNNING'",
        args(new Object[] {Timestamp.from(now)}, key, new Object[0]));
  }

  /** Lets go of the lease, so another runner need not wait for it to run out. */
  public void release(Object[] key, String owner) {
    jdbc.update("UPDATE " + table + " SET lease_owner = NULL, lease_until = NULL WHERE "
        + keyWhere + " AND lease_owner = ?", args(new Object[0], key, new Object[] {owner}));
  }

  private static Object[] args(Object[] before, Object[] key, Object[] after) {
    Object[] all = new Object[before.length + key.length + after.length];
    System.arraycopy(before, 0, all, 0, before.length);
    System.arraycopy(key, 0, all, before.length, key.length);
    System.arraycopy(after, 0, all, before.length + key.length, after.length);
    return all;
  }
}
