package db.migration;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

/**
 * Widens the instruction outbox for rapid recovery: UNFREEZE and REFUND instructions, and a
 * zero amount for FREEZE and UNFREEZE (the platform, not Holdfast, knows the frozen balance).
 *
 * <p>This is Java rather than SQL because V10 declared its CHECK constraints without names:
 * PostgreSQL named them {@code instructions_kind_check}, H2 named them {@code CONSTRAINT_xx}, so
 * no single SQL statement can drop them on both. The migration finds them by what they check.
 */
public class V30__Instruction_kinds_for_recovery extends BaseJavaMigration {
  @Override
  public void migrate(Context context) throws Exception {
    Connection connection = context.getConnection();
    for (String name : checksOnKindOrAmount(connection)) {
      try (Statement s = connection.createStatement()) {
        s.execute("ALTER TABLE instructions DROP CONSTRAINT \"" + name + "\"");
      }
    }
    try (Statement s = connection.createStatement()) {
      s.execute("ALTER TABLE instructions ADD CONSTRAINT instructions_kind CHECK (kind IN"
          + " ('HOLD_FUNDS', 'RELEASE', 'RETURN', 'FREEZE', 'UNFREEZE', 'REFUND'))");
      s.execute("ALTER TABLE instructions ADD CONSTRAINT instructions_amount CHECK"
          + " (amount_minor > 0 OR (amount_minor = 0 AND kind IN ('FREEZE', 'UNFREEZE')))");
    }
  }

  private static List<String> checksOnKindOrAmount(Connection connection) throws Exception {
    String sql = "SELECT tc.constraint_name, cc.check_clause"
        + " FROM information_schema.table_constraints tc"
        + " JOIN information_schema.check_constraints cc"
        + "   ON cc.constraint_name = tc.constraint_name"
        + "  AND cc.constraint_schema = tc.constraint_schema"
        + " WHERE LOWER(tc.table_name) = 'instructions' AND tc.constraint_type = 'CHECK'";
    List<String> names = new ArrayList<>();
    try (PreparedStatement ps = connection.prepareStatement(sql);
        ResultSet rs = ps.executeQuery()) {
      while (rs.next()) {
        String clause = rs.getString(2).toLowerCase(java.util.Locale.ROOT);
        // PostgreSQL lists NOT NULL constraints as checks too; only the two comparisons count.
        if (clause.contains("hold_funds")
            || (clause.contains("amount_minor") && clause.contains(">"))) {
          names.add(rs.getString(1));
        }
      }
    }
    if (names.size() != 2) {
      throw new IllegalStateException("expected the kind and amount checks on instructions,"
          + " found " + names);
    }
    return names;
  }
}
