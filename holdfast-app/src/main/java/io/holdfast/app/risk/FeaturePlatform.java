package io.holdfast.app.risk;

import io.holdfast.core.account.AccountEventType;
import io.holdfast.core.account.AccountProfile;
import io.holdfast.core.account.AccountStatus;
import io.holdfast.core.account.AgeBand;
import io.holdfast.core.feature.FeatureStore;
import io.holdfast.core.freeze.FrozenSubjects;
import io.holdfast.core.intel.IntelIndex;
import io.holdfast.core.money.Currency;
import io.holdfast.core.money.CurrencyCatalog;
import io.holdfast.core.money.Money;
import io.holdfast.core.rule.DefaultRules;
import io.holdfast.core.rule.RuleSet;
import io.holdfast.core.screening.Decision;
import io.holdfast.core.screening.ScoringPolicy;
import io.holdfast.core.screening.ScreeningEngine;
import io.holdfast.core.simulation.Platform;
import io.holdfast.core.simulation.ScamKind;
import io.holdfast.core.simulation.SimAccount;
import io.holdfast.core.simulation.SimTransfer;
import io.holdfast.core.support.ManualClock;
import io.holdfast.core.transfer.Counterparty;
import io.holdfast.core.transfer.Transfer;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A simulated platform with no safety net (every payment goes through) that computes, for each
 * transfer, exactly the features and the rules' decision the server would: the same core
 * FeatureStore fed the same way (profiles, events, transfers after screening, reports) and the
 * same ScreeningEngine with the default rules. Its samples are the risk model's training and
 * evaluation data.
 */
public final class FeaturePlatform implements Platform {
  /** One screened transfer: its features (as the model reads them), the truth, the rules. */
  public record Sample(double[] inputs, boolean scam, boolean honest, long amountMinor,
      String rulesOutcome) {}

  private final ManualClock clock;
  private final FeatureStore features = new FeatureStore(1 << 16);
  private final ScreeningEngine engine;
  private final Currency usd = CurrencyCatalog.defaults().find("USD").orElseThrow();
  private final Map<String, String> recipientOf = new HashMap<>();
  private final List<Sample> samples = new ArrayList<>();

  public FeaturePlatform(Instant start) {
    this.clock = new ManualClock(start);
    RuleSet rules = RuleSet.compile(1, DefaultRules.all());
    this.engine = new ScreeningEngine(features, new IntelIndex(), () -> rules,
        ScoringPolicy.defaults(), clock, new FrozenSubjects(), null);
  }

  public List<Sample> samples() {
    return samples;
  }

  @Override
  public void register(List<SimAccount> accounts, Instant now) {
    for (SimAccount a : accounts) {
      features.putProfile(new AccountProfile(a.accountId(), now.minus(Duration.ofDays(a.ageDays())),
          a.country(), null, a.ageBand() == null ? null : AgeBand.byLabel(a.ageBand()).orElse(null),
          a.kycLevel(), a.vulnerable() ? Set.of("other") : Set.of(), AccountStatus.ACTIVE));
    }
  }

  @Override
  public void advanceTo(Instant at) {
    clock.set(at);
  }

  @Override
  public void accountEvent(String eventId, String accountId, String type, Instant at,
      String deviceId, long amountMinor) {
    features.recordEvent(accountId, AccountEventType.byWireName(type).orElseThrow(), at,
        amountMinor);
  }

  @Override
  public Screened screen(SimTransfer t) {
    Counterparty recipient = t.recipientAccount() != null
        ? new Counterparty.PlatformAccount(t.recipientAccount())
        : new Counterparty.ExternalAddress(t.network(), t.recipientAddress());
    Transfer transfer = new Transfer(t.transferId(), t.sender(), recipient,
        new Money(t.amountMinor(), usd), t.channel(), t.at());
    Decision d = engine.screen(transfer);
    samples.add(new Sample(io.holdfast.core.risk.RiskInputs.of(d.features()), t.scam() != null,
        t.honest(), t.amountMinor(), d.outcome().name()));
    features.recordTransfer(transfer, transfer.amount().usdCents());
    recipientOf.put(t.transferId(), recipient.key());
    return new Screened("ALLOW", null);
  }

  @Override
  public boolean report(String reporter, List<String> transferIds, ScamKind kind,
      String narrative) {
    String key = recipientOf.get(transferIds.get(0));
    if (key != null) {
      features.recordReport(Counterparty.fromKey(key), reporter);
    }
    return false;
  }

  @Override
  public boolean falseReport(String reporter, String target, String narrative) {
    // The adversary never paid the target, so the server does not count the report against it
    // in screening (ReportService): neither does the training data.
    return false;
  }
}
