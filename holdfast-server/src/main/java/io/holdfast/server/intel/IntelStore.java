package io.holdfast.server.intel;

import io.holdfast.core.intel.AddressCheck;
import io.holdfast.core.intel.IntelEntry;
import io.holdfast.core.intel.IntelList;
import io.holdfast.core.screening.Outcome;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiConsumer;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The rows of intel lists and their entries. Plain JDBC on a template, so the command line
 * uses it without Spring's context; callers own the transaction. An entry's key is
 * {@code x:<index network>:<address>} or {@code a:<account id>}, so the primary key makes an
 * address listed once per list however many EVM chains it was loaded for.
 */
public final class IntelStore {
  public static final int BATCH = 1_000;
  private static final int NOTE_MAX = 500;

  private final JdbcTemplate jdbc;

  /** A list with its number of entries. */
  public record ListRow(IntelList list, long entries, Instant createdAt) {}

  /** What changes when entries are added to a list: their number and the latest time. */
  public record Signature(long count, Instant lastAdded) {}

  public IntelStore(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  public Optional<ListRow> find(String name) {
    return all(name).stream().findFirst();
  }

  public List<ListRow> all() {
    return all(null);
  }

  private List<ListRow> all(String name) {
    String where = name == null ? "" : " WHERE l.name = ?";
    Object[] args = name == null ? new Object[0] : new Object[] {name};
    return jdbc.query("""
            SELECT l.name, l.action, l.description, l.created_at,
              (SELECT COUNT(*) FROM intel_entries e WHERE e.list_name = l.name)
            FROM intel_lists l""" + where + " ORDER BY l.name",
        (rs, n) -> new ListRow(new IntelList(rs.getString(1), Outcome.valueOf(rs.getString(2)),
            rs.getString(3)), rs.getLong(5), rs.getTimestamp(4).toInstant()), args);
  }

  /** Locks the list's row for the rest of the transaction, so changes to it serialise. */
  public Optional<IntelList> findForUpdate(String name) {
    return jdbc.query("SELECT name, action, description FROM intel_lists WHERE name = ?"
            + " FOR UPDATE",
        (rs, n) -> new IntelList(rs.getString(1), Outcome.valueOf(rs.getString(2)),
            rs.getString(3)), name).stream().findFirst();
  }

  public void insertList(IntelList list, Instant at) {
    jdbc.update("INSERT INTO intel_lists (name, action, description, created_at)"
        + " VALUES (?, ?, ?, ?)", list.name(), list.action().name(), list.description(),
        Timestamp.from(at));
  }

  public void updateList(IntelList list) {
    jdbc.update("UPDATE intel_lists SET action = ?, description = ? WHERE name = ?",
        list.action().name(), list.description(), list.name());
  }

  /** Adds entries the list does not hold yet; returns how many were new. */
  public long insertEntries(String listName, List<IntelEntry> entries, Instant at) {
    Timestamp now = Timestamp.from(at);
    long added = 0;
    for (int from = 0; from < entries.size(); from += BATCH) {
      List<IntelEntry> batch = entries.subList(from, Math.min(entries.size(), from + BATCH));
      int[][] counts = jdbc.batchUpdate("""
              INSERT INTO intel_entries (list_name, entry_key, network, note, added_at)
              VALUES (?, ?, ?, ?, ?) ON CONFLICT DO NOTHING""", batch, batch.size(),
          (ps, e) -> {
            ps.setString(1, listName);
            ps.setString(2, key(e));
            ps.setString(3, e.address() == null ? null : e.address().network());
            String note = e.note().isEmpty() ? null : e.note();
            ps.setString(4, note != null && note.length() > NOTE_MAX
                ? note.substring(0, NOTE_MAX) : note);
            ps.setTimestamp(5, now);
          });
      for (int[] inner : counts) {
        for (int count : inner) {
          added += count > 0 ? 1 : 0;
        }
      }
    }
    return added;
  }

  public static String key(IntelEntry e) {
    return e.address() == null ? "a:" + e.accountId()
        : "x:" + e.address().indexNetwork() + ":" + e.address().address();
  }

  /** Per list, the number of entries and when the last was added. */
  public Map<String, Signature> signatures() {
    Map<String, Signature> out = new java.util.HashMap<>();
    jdbc.query("SELECT list_name, COUNT(*), MAX(added_at) FROM intel_entries GROUP BY list_name",
        rs -> {
          out.put(rs.getString(1), new Signature(rs.getLong(2), rs.getTimestamp(3).toInstant()));
        });
    return out;
  }

  /**
   * Streams a list's entries to {@code sink} as (address, null) or (null, account). The
   * number of rows is bounded by what imports wrote; they are read through a cursor.
   */
  public void forEachEntry(String listName, BiConsumer<AddressCheck.Valid, String> sink) {
    jdbc.query("SELECT entry_key, network FROM intel_entries WHERE list_name = ?", rs -> {
      String key = rs.getString(1);
      if (key.startsWith("a:")) {
        sink.accept(null, key.substring(2));
      } else {
        int colon = key.indexOf(':', 2);
        String indexNetwork = key.substring(2, colon);
        String network = rs.getString(2);
        sink.accept(new AddressCheck.Valid(network == null ? indexNetwork : network,
            key.substring(colon + 1), indexNetwork), null);
      }
    }, listName);
  }

  /** The lists holding an entry key, for lookups against the store itself. */
  public List<String> listsHolding(String key) {
    return new ArrayList<>(jdbc.queryForList(
        "SELECT list_name FROM intel_entries WHERE entry_key = ? ORDER BY list_name",
        String.class, key));
  }
}
