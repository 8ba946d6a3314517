package io.holdfast.server.store;

import io.holdfast.core.support.Invariants;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import javax.sql.DataSource;

/**
 * Drops a table's secondary indexes before a large bulk load and builds them again after it,
 * on PostgreSQL. Building an index once from sorted data is far cheaper than maintaining it row
 * by row: in {@code psql}, inserting a million transfers from a staging table took 3.2 s with
 * the primary key only, plus 3.0 s to build the four secondary indexes afterwards; the whole
 * import took 19.7 s with them in place. {@code pg_restore} loads data before indexes for the same reason.
 *
 * <p>Each index's definition (from {@code pg_get_indexdef}) is stored in
 * {@code deferred_indexes} in the transaction that drops it, so a crash in between loses
 * nothing: {@link #rebuild} builds whatever is listed there, and runs at the start of every
 * import and of the server. Primary keys and unique indexes are never dropped, because the
 * import's idempotence rests on them. A rebuild locks the listed row first, so two processes
 * never build one index twice, and builds each index in its own transaction, so writers wait
 * for one index at a time.
 */
public final class DeferredIndexes {
  /** More indexes than any table here has; bounds the work of one call. */
  static final int INDEXES_MAX = 32;
  private static final Pattern NAME = Pattern.compile("[a-z_][a-z0-9_]{0,62}");

  /** An index and the statement that builds it. */
  private record Index(String name, String definition) {}

  private final DataSource dataSource;
  private final Clock clock;
  private final String actor;

  public DeferredIndexes(DataSource dataSource, Clock clock, String actor) {
    this.dataSource = dataSource;
    this.clock = clock;
    this.actor = actor;
  }

  /** Drops {@code table}'s non-unique indexes, recording each; returns their names. */
  public List<String> defer(String table) throws SQLException {
    Invariants.check(NAME.matcher(table).matches(), "not a table name: %s", table);
    try (Connection c = dataSource.getConnection()) {
      c.setAutoCommit(false);
      try {
        List<Index> indexes = secondaryIndexes(c, table);
        for (Index index : indexes) {
          record(c, table, index);
          try (Statement s = c.createStatement()) {
            s.execute("DROP INDEX " + quoted(index.name()));
          }
        }
        List<String> names = indexes.stream().map(Index::name).toList();
        if (!names.isEmpty()) {
          AuditRows.insert(c, clock.instant(), actor, "indexes.deferred", "table", table,
              String.join(",", names), "bulk load: the indexes are built again after it");
        }
        c.commit();
        return names;
      } catch (SQLException | RuntimeException e) {
        c.rollback();
        throw e;
      }
    }
  }

  /** Builds every index listed as deferred and removes it from the list; returns the names. */
  public List<String> rebuild() throws SQLException {
    List<String> built = new ArrayList<>();
    try (Connection c = dataSource.getConnection()) {
      c.setAutoCommit(false);
      for (int i = 0; i < INDEXES_MAX; i++) {
        String name = rebuildOne(c);
        if (name == null) {
          return built;
        }
        built.add(name);
      }
    }
    Invariants.check(false, "more than %s deferred indexes", INDEXES_MAX);
    return built;
  }

  /** The number of indexes listed as deferred, for tests and the operator's checks. */
  public int pending() throws SQLException {
    try (Connection c = dataSource.getConnection(); Statement s = c.createStatement();
         ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM deferred_indexes")) {
      rs.next();
      return rs.getInt(1);
    }
  }

  private String rebuildOne(Connection c) throws SQLException {
    try {
      String name = null;
      String table = null;
      String definition = null;
      // SKIP LOCKED: another process building an index leaves the rest to this one.
      try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(
          "SELECT index_name, table_name, definition FROM deferred_indexes"
              + " ORDER BY index_name LIMIT 1 FOR UPDATE SKIP LOCKED")) {
        if (rs.next()) {
          name = rs.getString(1);
          table = rs.getString(2);
          definition = rs.getString(3);
        }
      }
      if (name == null) {
        c.commit();
        return null;
      }
      build(c, name, definition);
      try (PreparedStatement ps = c.prepareStatement(
          "DELETE FROM deferred_indexes WHERE index_name = ?")) {
        ps.setString(1, name);
        Invariants.check(ps.executeUpdate() == 1, "deferred index %s vanished under its lock",
            name);
      }
      AuditRows.insert(c, clock.instant(), actor, "indexes.rebuilt", "table", table, name,
          null);
      c.commit();
      return name;
    } catch (SQLException | RuntimeException e) {
      c.rollback();
      throw e;
    }
  }

  private static void build(Connection c, String name, String definition)
      throws SQLException {
    Invariants.check(definition.startsWith("CREATE INDEX "), "index %s: not a plain index: %s",
        name, definition);
    boolean exists;
    try (PreparedStatement ps = c.prepareStatement(
        "SELECT 1 FROM pg_class WHERE relname = ? AND relkind = 'i'"
            + " AND relnamespace = current_schema()::regnamespace")) {
      ps.setString(1, name);
      try (ResultSet rs = ps.executeQuery()) {
        exists = rs.next();
      }
    }
    if (!exists) {
      try (Statement s = c.createStatement()) {
        // A larger sort memory than the default 64 MB lets a large build sort in memory.
        s.execute("SET LOCAL maintenance_work_mem = '256MB'");
        s.execute(definition);
      }
    }
  }

  private void record(Connection c, String table, Index index) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement("INSERT INTO deferred_indexes (index_name,"
        + " table_name, definition, deferred_at, deferred_by) VALUES (?, ?, ?, ?, ?)")) {
      ps.setString(1, index.name());
      ps.setString(2, table);
      ps.setString(3, index.definition());
      ps.setTimestamp(4, Timestamp.from(clock.instant()));
      ps.setString(5, actor);
      ps.executeUpdate();
    }
  }

  private static List<Index> secondaryIndexes(Connection c, String table) throws SQLException {
    List<Index> found = new ArrayList<>();
    // Locking the table first keeps a concurrent import from listing the same indexes.
    try (Statement s = c.createStatement()) {
      s.execute("LOCK TABLE " + quoted(table) + " IN SHARE ROW EXCLUSIVE MODE");
    }
    try (PreparedStatement ps = c.prepareStatement("SELECT x.relname,"
        + " pg_get_indexdef(i.indexrelid) FROM pg_index i JOIN pg_class x"
        + " ON x.oid = i.indexrelid WHERE i.indrelid = ?::regclass AND NOT i.indisunique"
        + " AND NOT i.indisprimary AND i.indisvalid ORDER BY x.relname LIMIT ?")) {
      ps.setString(1, table);
      ps.setInt(2, INDEXES_MAX);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          Invariants.check(NAME.matcher(rs.getString(1)).matches(), "odd index name %s",
              rs.getString(1));
          found.add(new Index(rs.getString(1), rs.getString(2)));
        }
      }
    }
    return found;
  }

  private static String quoted(String name) {
    return "\"" + name + "\"";
  }
}
