package io.holdfast.server.accounts;

import io.holdfast.core.account.AccountEventType;
import io.holdfast.core.money.Money;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Account events, each recorded once by its event id. */
@Repository
public class AccountEvents {
  /** One event as stored; the deposit is null for security events. */
  public record Event(String eventId, String accountId, AccountEventType type, Instant at,
      String deviceId, String ip, Money deposit) {

    boolean sameAs(Stored s) {
      return s.accountId().equals(accountId) && s.type().equals(type.name())
          && s.at().equals(at) && Objects.equals(s.deviceId(), deviceId)
          && Objects.equals(s.ip(), ip)
          && Objects.equals(s.amountMinor(), deposit == null ? null : deposit.amountMinor())
          && Objects.equals(s.currency(), deposit == null ? null : deposit.currency().code());
    }
  }

  /** The stored columns of an event. */
  public record Stored(String accountId, String type, Instant at, String deviceId, String ip,
      Long amountMinor, String currency, long amountUsdMinor) {}

  private final JdbcClient jdbc;
  private final Clock clock;

  public AccountEvents(JdbcClient jdbc, Clock clock) {
    this.jdbc = jdbc;
    this.clock = clock;
  }

  public boolean insert(Event e) {
    Map<String, Object> p = new HashMap<>();
    p.put("id", e.eventId());
    p.put("account", e.accountId());
    p.put("type", e.type().name());
    p.put("at", Timestamp.from(e.at()));
    p.put("device", e.deviceId());
    p.put("ip", e.ip());
    p.put("amount", e.deposit() == null ? null : e.deposit().amountMinor());
    p.put("currency", e.deposit() == null ? null : e.deposit().currency().code());
    p.put("usd", e.deposit() == null ? 0L : e.deposit().usdCents());
    p.put("recorded", Timestamp.from(clock.instant()));
    return jdbc.sql("""
            INSERT INTO account_events (event_id, account_id, event_type, occurred_at, device_id,
              ip, amount_minor, currency, amount_usd_minor, recorded_at)
            VALUES (:id, :account, :type, :at, :device, :ip, :amount, :currency, :usd, :recorded)
            ON CONFLICT DO NOTHING""")
        .params(p).update() == 1;
  }

  public Optional<Stored> find(String eventId) {
    return jdbc.sql("""
            SELECT account_id, event_type, occurred_at, device_id, ip, amount_minor, currency,
              amount_usd_minor
            FROM account_events WHERE event_id = :id""")
        .param("id", eventId)
        .query((rs, n) -> new Stored(rs.getString(1), rs.getString(2),
            rs.getTimestamp(3).toInstant(), rs.getString(4), rs.getString(5),
            (Long) rs.getObject(6, Long.class), rs.getString(7), rs.getLong(8)))
        .optional();
  }
}
