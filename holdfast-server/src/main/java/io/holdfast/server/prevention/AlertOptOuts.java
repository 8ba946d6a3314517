package io.holdfast.server.prevention;

import io.holdfast.core.support.Invariants;
import io.holdfast.server.audit.AuditLog;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The channels each customer opted out of for proactive alerts, as the platform records them.
 * Every batch that sends alerts checks them in the same transaction as it writes the messages.
 */
@Service
public class AlertOptOuts {
  private final JdbcTemplate jdbc;
  private final NamedParameterJdbcTemplate named;
  private final TransactionTemplate tx;
  private final AuditLog audit;
  private final Clock clock;

  public AlertOptOuts(JdbcTemplate jdbc, TransactionTemplate tx, AuditLog audit, Clock clock) {
    this.jdbc = jdbc;
    this.named = new NamedParameterJdbcTemplate(jdbc);
    this.tx = tx;
    this.audit = audit;
    this.clock = clock;
  }

  public Set<Channel> of(String accountId) {
    Set<Channel> out = EnumSet.noneOf(Channel.class);
    jdbc.queryForList("SELECT channel FROM alert_opt_outs WHERE account_id = ?", String.class,
        accountId).forEach(c -> out.add(Channel.valueOf(c)));
    return out;
  }

  /** Replaces the account's opt-outs with {@code channels}, audited when they change. */
  public Set<Channel> replace(String accountId, Set<Channel> channels, String actor) {
    return tx.execute(status -> {
      Set<Channel> before = of(accountId);
      if (before.equals(channels)) {
        return before;
      }
      jdbc.update("DELETE FROM alert_opt_outs WHERE account_id = ?", accountId);
      Timestamp now = Timestamp.from(clock.instant());
      for (Channel c : channels) {
        jdbc.update("INSERT INTO alert_opt_outs (account_id, channel, opted_out_at)"
            + " VALUES (?, ?, ?)", accountId, c.name(), now);
      }
      audit.record(actor, "alerts.opt_outs", "account", accountId, names(before),
          names(channels), null);
      return channels;
    });
  }

  /** Which of {@code accounts} opted out of {@code channel}. */
  public Set<String> optedOut(List<String> accounts, Channel channel) {
    Invariants.check(accounts.size() <= PreventionMessages.ACCOUNTS_PER_QUERY_MAX,
        "too many accounts at once");
    Set<String> out = new HashSet<>();
    if (accounts.isEmpty()) {
      return out;
    }
    named.query("SELECT account_id FROM alert_opt_outs WHERE account_id IN (:accounts)"
        + " AND channel = :channel", new MapSqlParameterSource("accounts", accounts)
        .addValue("channel", channel.name()), rs -> {
          out.add(rs.getString(1));
        });
    return out;
  }

  static String names(Set<Channel> channels) {
    return channels.stream().map(Channel::wire).collect(Collectors.toCollection(TreeSet::new))
        .toString();
  }
}
