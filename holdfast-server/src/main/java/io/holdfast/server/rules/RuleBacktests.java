package io.holdfast.server.rules;

import io.holdfast.core.feature.Feature;
import io.holdfast.core.feature.FeatureVector;
import io.holdfast.core.money.Currency;
import io.holdfast.core.money.CurrencyCatalog;
import io.holdfast.core.money.Money;
import io.holdfast.core.rule.Rule;
import io.holdfast.core.rule.RuleStatus;
import io.holdfast.core.screening.DraftReplay;
import io.holdfast.core.screening.ScreeningEngine;
import io.holdfast.core.support.Invariants;
import io.holdfast.core.transfer.Counterparty;
import io.holdfast.core.transfer.Transfer;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Backtests a draft in the server: the most recent stored screenings, newest first, at most
 * {@code holdfast.rules.backtest-rows} (default 20,000) of them and for at most
 * {@code holdfast.rules.backtest-millis} (default 3,000 ms), are replayed through the live rules
 * and through the rules with the draft ({@link DraftReplay}). Rows are read in pages along
 * {@code transfers_by_time}, so a backtest reads about as many rows as it replays.
 */
@Service
public class RuleBacktests {
  static final int PAGE_ROWS = 1_000;
  static final int SHADOW_DAYS = 7;
  private static final String COLUMNS = """
      SELECT t.transfer_id, t.created_at, t.sender_account, t.recipient_account,
        t.recipient_address, t.network, t.amount_minor, t.currency, t.channel,
        (CAST(d.response AS jsonb) -> 'features')::text AS features
      FROM transfers t JOIN decisions d ON d.transfer_id = t.transfer_id""";

  /** One stored screening as replayed: the transfer and its features, or null when neither could be rebuilt. */
  private record Stored(String transferId, Instant createdAt, Transfer transfer,
      FeatureVector features) {}

  private final JdbcClient jdbc;
  private final RuleSets ruleSets;
  private final RuleRepository rules;
  private final ScreeningEngine engine;
  private final CurrencyCatalog currencies;
  private final JsonMapper json;
  private final Clock clock;
  private final int rowLimit;
  private final long budgetMillis;

  public RuleBacktests(JdbcClient jdbc, RuleSets ruleSets, RuleRepository rules,
      ScreeningEngine engine, CurrencyCatalog currencies, JsonMapper json, Clock clock,
      @Value("${holdfast.rules.backtest-rows:20000}") int rowLimit,
      @Value("${holdfast.rules.backtest-millis:3000}") long budgetMillis) {
    Invariants.check(rowLimit >= 1 && rowLimit <= 1_000_000,
        "holdfast.rules.backtest-rows must be 1 to 1,000,000, was %s", rowLimit);
    Invariants.check(budgetMillis >= 1 && budgetMillis <= 60_000,
        "holdfast.rules.backtest-millis must be 1 to 60,000, was %s", budgetMillis);
    this.jdbc = jdbc;
    this.ruleSets = ruleSets;
    this.rules = rules;
    this.engine = engine;
    this.currencies = currencies;
    this.json = json;
    this.clock = clock;
    this.rowLimit = rowLimit;
    this.budgetMillis = budgetMillis;
  }

  public RuleBacktest backtest(RuleDraftView draft) {
    Rule rule = ruleSets.check(new RuleBody(draft.rule().name(), draft.rule().expression(),
        draft.rule().outcome(), draft.rule().score(), draft.rule().reasonCode(),
        draft.rule().description(), draft.rule().status()), draft.rule().version());
    DraftReplay replay = new DraftReplay(ruleSets.current().rules(), rule, ruleSets.limits(),
        engine.scoring(), System::nanoTime, Math.multiplyExact(budgetMillis, 1_000_000L));
    long read = 0;
    long skipped = 0;
    Instant newest = null;
    Instant oldest = null;
    Stored last = null;
    boolean more = true;
    while (more && read < rowLimit && !replay.overBudget()) {
      int want = (int) Math.min(PAGE_ROWS, rowLimit - read);
      List<Stored> page = page(last, want);
      more = page.size() == want;
      for (Stored s : page) {
        if (replay.overBudget()) {
          more = true;
          break;
        }
        read++;
        last = s;
        newest = newest == null ? s.createdAt() : newest;
        oldest = s.createdAt();
        if (s.transfer() == null) {
          skipped++;
        } else {
          replay.replay(s.transfer(), s.features());
        }
      }
    }
    Invariants.check(read <= rowLimit, "read %s rows past the limit %s", read, rowLimit);
    String stoppedBy = !more ? null : replay.overBudget() ? "time" : "rows";
    DraftReplay.Result r = replay.result();
    return new RuleBacktest(draft.draftId(), rule.name(), rowLimit, budgetMillis, read, skipped,
        stoppedBy, oldest, newest, r.hits(), r.errors(), r.hitOutcomes(), r.changes(),
        shadowHits(rule.name()).orElse(null));
  }

  /** A live rule in shadow: its recorded matches over the last seven UTC days. */
  public Optional<RuleBacktest.ShadowHits> shadowHits(String ruleName) {
    Optional<Rule> live = rules.find(ruleName);
    if (live.isEmpty() || live.get().status() != RuleStatus.SHADOW) {
      return Optional.empty();
    }
    LocalDate since = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC)
        .minusDays(SHADOW_DAYS - 1);
    long hits = jdbc.sql("SELECT COALESCE(SUM(hits), 0) FROM rule_shadow_hits"
            + " WHERE rule_name = :n AND day >= :since")
        .param("n", ruleName).param("since", Date.valueOf(since)).query(Long.class).single();
    return Optional.of(new RuleBacktest.ShadowHits(ruleName, SHADOW_DAYS, since, hits));
  }

  /** The next {@code limit} stored screenings older than {@code after}, newest first. */
  private List<Stored> page(Stored after, int limit) {
    if (after == null) {
      return jdbc.sql(COLUMNS + " ORDER BY t.created_at DESC, t.transfer_id DESC LIMIT :n")
          .param("n", limit).query(this::map).list();
    }
    return jdbc.sql(COLUMNS + """
             WHERE t.created_at <= :at AND (t.created_at, t.transfer_id) < (:at, :id)
            ORDER BY t.created_at DESC, t.transfer_id DESC LIMIT :n""")
        .params(Map.of("at", Timestamp.from(after.createdAt()), "id", after.transferId(),
            "n", limit))
        .query(this::map).list();
  }

  private Stored map(ResultSet rs, int n) throws SQLException {
    String id = rs.getString("transfer_id");
    Instant createdAt = rs.getTimestamp("created_at").toInstant();
    Optional<Currency> currency = currencies.find(rs.getString("currency"));
    String features = rs.getString("features");
    if (currency.isEmpty() || features == null) {
      return new Stored(id, createdAt, null, null);
    }
    String account = rs.getString("recipient_account");
    Counterparty recipient = account != null ? new Counterparty.PlatformAccount(account)
        : new Counterparty.ExternalAddress(rs.getString("network"),
            rs.getString("recipient_address"));
    Transfer transfer = new Transfer(id, rs.getString("sender_account"), recipient,
        new Money(rs.getLong("amount_minor"), currency.get()), rs.getString("channel"),
        createdAt);
    return new Stored(id, createdAt, transfer, features(features));
  }

  /**
   * The features as stored with the decision. A feature the decision predates reads 0 (false),
   * as a feature the engine could not compute would; a name no longer known is ignored.
   */
  private FeatureVector features(String stored) {
    FeatureVector vector = new FeatureVector();
    JsonNode node = json.readTree(stored);
    for (Map.Entry<String, JsonNode> e : node.properties()) {
      Feature f = Feature.byName(e.getKey());
      if (f != null) {
        JsonNode v = e.getValue();
        vector.set(f, v.isBoolean() ? (v.asBoolean() ? 1.0 : 0.0) : v.asDouble());
      }
    }
    return vector;
  }
}
