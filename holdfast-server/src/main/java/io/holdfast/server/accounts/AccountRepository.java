package io.holdfast.server.accounts;

import io.holdfast.core.account.AccountProfile;
import io.holdfast.core.account.AccountStatus;
import io.holdfast.core.account.AgeBand;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Account profiles; a change reads the row under lock first so the audit has the before. */
@Repository
public class AccountRepository {
  private final JdbcClient jdbc;
  private final Clock clock;

  public AccountRepository(JdbcClient jdbc, Clock clock) {
    this.jdbc = jdbc;
    this.clock = clock;
  }

  public Optional<AccountProfile> find(String accountId) {
    return jdbc.sql("SELECT * FROM accounts WHERE account_id = :id").param("id", accountId)
        .query(AccountRepository::map).optional();
  }

  public Optional<AccountProfile> findForUpdate(String accountId) {
    return jdbc.sql("SELECT * FROM accounts WHERE account_id = :id FOR UPDATE")
        .param("id", accountId).query(AccountRepository::map).optional();
  }

  public void upsert(AccountProfile p, boolean exists) {
    Map<String, Object> params = new HashMap<>();
    params.put("id", p.accountId());
    params.put("created", Timestamp.from(p.createdAt()));
    params.put("country", p.country());
    params.put("dob", p.dateOfBirth() == null ? null : Date.valueOf(p.dateOfBirth()));
    params.put("band", p.ageBand() == null ? null : p.ageBand().label());
    params.put("kyc", p.kycLevel());
    params.put("flags", String.join(",", p.vulnerabilityFlags().stream().sorted().toList()));
    params.put("status", p.status().name());
    params.put("at", Timestamp.from(clock.instant()));
    String sql = exists ? """
        UPDATE accounts SET created_at = :created, country = :country, date_of_birth = :dob,
          age_band = :band, kyc_level = :kyc, vulnerability_flags = :flags, status = :status,
          updated_at = :at
        WHERE account_id = :id""" : """
        INSERT INTO accounts (account_id, created_at, country, date_of_birth, age_band,
          kyc_level, vulnerability_flags, status, updated_at)
        VALUES (:id, :created, :country, :dob, :band, :kyc, :flags, :status, :at)""";
    jdbc.sql(sql).params(params).update();
  }

  /** Up to {@code limit} profiles after {@code afterId} in id order, for batches that page. */
  public List<AccountProfile> pageAfter(String afterId, int limit) {
    return jdbc.sql("SELECT * FROM accounts WHERE account_id > :after ORDER BY account_id"
        + " LIMIT :limit").param("after", afterId).param("limit", limit)
        .query(AccountRepository::map).list();
  }

  /** Streams every profile, for rebuilding the feature state on start. */
  public void forEach(Consumer<AccountProfile> consumer) {
    jdbc.sql("SELECT * FROM accounts").query(AccountRepository::map).stream()
        .forEach(consumer);
  }

  static AccountProfile map(ResultSet rs, int row) throws SQLException {
    Date dob = rs.getDate("date_of_birth");
    String band = rs.getString("age_band");
    String flags = rs.getString("vulnerability_flags");
    return new AccountProfile(rs.getString("account_id"),
        rs.getTimestamp("created_at").toInstant(), rs.getString("country"),
        dob == null ? null : dob.toLocalDate(),
        band == null ? null : AgeBand.byLabel(band).orElse(null), rs.getInt("kyc_level"),
        flags.isEmpty() ? Set.of() : Set.copyOf(Arrays.asList(flags.split(","))),
        AccountStatus.valueOf(rs.getString("status")));
  }
}
