package io.holdfast.server.support;

import io.holdfast.core.money.MinorSums;
import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * Reads a SUM of money from a query. PostgreSQL's SUM over bigint is numeric, exact however
 * large; read with {@code getLong} a total beyond a long failed the request. Which reading a
 * query uses follows {@link MinorSums}: saturated for totals that describe, exact (failing
 * clearly) for money that is owed, frozen or moved.
 */
public final class SqlSums {
  private SqlSums() {}

  /** The total in {@code column}, pinned at {@link Long#MAX_VALUE}; zero for SQL NULL. */
  public static long saturated(ResultSet rs, int column) throws SQLException {
    return MinorSums.saturated(rs.getBigDecimal(column));
  }

  /** The total in {@code column}, which must fit a long; zero for SQL NULL. */
  public static long exact(ResultSet rs, int column) throws SQLException {
    BigDecimal total = rs.getBigDecimal(column);
    if (total == null) {
      return 0;
    }
    try {
      return total.longValueExact();
    } catch (ArithmeticException e) {
      throw new IllegalStateException("a sum of money does not fit in a long: " + total, e);
    }
  }
}
