package io.holdfast.server.register;

import io.holdfast.core.intel.IntelIndex;
import io.holdfast.core.prevention.VictimHistory;
import io.holdfast.core.transfer.Counterparty;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Counts, from the store, what the chronic-victim policy reads: confirmed losses (distinct
 * cases with a confirmed claim of the account's or a report of theirs labelled confirmed) and
 * payments to flagged recipients (declared scammers, active freezes, intel lists). A lifted
 * freeze was a mistake and flags nobody; an expired precautionary one was never confirmed.
 */
@Repository
public class VictimHistories {
  /** Distinct recipients of one account read per check; a bound, not a realistic count. */
  static final int RECIPIENTS_MAX = 5_000;
  private static final int IN_CHUNK = 500;

  private final JdbcClient jdbc;
  private final IntelIndex intel;

  public VictimHistories(JdbcClient jdbc, IntelIndex intel) {
    this.jdbc = jdbc;
    this.intel = intel;
  }

  /** One recipient of the account's payments and how many payments went to it. */
  private record Payee(Counterparty counterparty, int transfers) {}

  public VictimHistory of(String accountId) {
    int losses = jdbc.sql("""
            SELECT COUNT(DISTINCT case_id) FROM (
              SELECT case_id FROM claims WHERE victim_account = :a AND state = 'CONFIRMED'
              UNION
              SELECT case_id FROM reports WHERE reporter_account = :a AND label = 'CONFIRMED'
            ) losses""")
        .param("a", accountId).query(Integer.class).single();
    List<Payee> payees = payees(accountId);
    Set<String> flagged = flaggedInStore(payees);
    int transfers = 0;
    int recipients = 0;
    for (Payee p : payees) {
      if (flagged.contains(p.counterparty().key()) || !intel.lookup(p.counterparty()).isEmpty()) {
        transfers += p.transfers();
        recipients++;
      }
    }
    return new VictimHistory(losses, transfers, recipients);
  }

  private List<Payee> payees(String accountId) {
    return jdbc.sql("""
            SELECT recipient_account, network, recipient_address, COUNT(*) AS n FROM transfers
            WHERE sender_account = :a
            GROUP BY recipient_account, network, recipient_address
            ORDER BY COUNT(*) DESC LIMIT :max""")
        .param("a", accountId).param("max", RECIPIENTS_MAX)
        .query((rs, n) -> new Payee(rs.getString(1) != null
            ? new Counterparty.PlatformAccount(rs.getString(1))
            : new Counterparty.ExternalAddress(rs.getString(2), rs.getString(3)), rs.getInt(4)))
        .list();
  }

  /** The keys among {@code payees} that are declared scammers or actively frozen. */
  private Set<String> flaggedInStore(List<Payee> payees) {
    Set<String> flagged = new HashSet<>();
    List<String> keys = new ArrayList<>(payees.size());
    payees.forEach(p -> keys.add(p.counterparty().key()));
    for (int from = 0; from < keys.size(); from += IN_CHUNK) {
      List<String> chunk = keys.subList(from, Math.min(keys.size(), from + IN_CHUNK));
      flagged.addAll(jdbc.sql("""
              SELECT subject_key FROM scammers WHERE subject_key IN (:keys)
              UNION
              SELECT subject_key FROM freezes WHERE state = 'ACTIVE' AND subject_key IN (:keys)""")
          .params(Map.of("keys", chunk)).query(String.class).list());
    }
    return flagged;
  }
}
