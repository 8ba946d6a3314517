package io.holdfast.server.config;

import io.holdfast.core.feature.FeatureStore;
import io.holdfast.core.hold.HoldPolicy;
import io.holdfast.core.ladder.LadderPolicy;
import io.holdfast.server.support.IdGenerator;
import io.holdfast.core.freeze.FrozenSubjects;
import io.holdfast.core.intel.IntelIndex;
import io.holdfast.core.money.CurrencyCatalog;
import io.holdfast.core.rule.RuleLimits;
import io.holdfast.core.screening.ScoringPolicy;
import io.holdfast.core.screening.ScreeningEngine;
import io.holdfast.server.rules.RuleSets;
import io.holdfast.server.screening.DecisionRows;
import io.holdfast.server.screening.DecisionWriter;
import io.holdfast.server.screening.ScreeningFastPath;
import io.holdfast.server.screening.ScreeningService;
import io.holdfast.server.security.ApiKeys;
import io.holdfast.server.screening.StoredDecisions;
import io.holdfast.server.screening.TransferParser;
import io.holdfast.server.web.BodyBudget;
import io.holdfast.server.web.BodyLimitFilter;
import io.holdfast.server.web.RequestBodies;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.jackson.autoconfigure.JsonMapperBuilderCustomizer;
import org.springframework.boot.security.autoconfigure.web.servlet.SecurityFilterProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.env.Environment;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.core.StreamWriteFeature;
import tools.jackson.databind.MapperFeature;
import tools.jackson.databind.json.JsonMapper;

/** Wires the framework-free core into the server: one explicit place, no component scan. */
@Configuration
@EnableScheduling
public class CoreConfig {

  /**
   * What a rule may cost ({@code holdfast.rules.max-expression-chars}, {@code
   * max-nesting-depth}, {@code max-iterations}, {@code deadline-millis}); each defaults to {@link
   * RuleLimits#defaults()}: 4,000 characters, 32 levels, 1,000 iterations and 500 ms.
   */
  @Bean
  RuleLimits ruleLimits(Environment env) {
    RuleLimits d = RuleLimits.defaults();
    return new RuleLimits(
        env.getProperty("holdfast.rules.max-expression-chars", Integer.class,
            d.maxExpressionChars()),
        env.getProperty("holdfast.rules.max-nesting-depth", Integer.class, d.maxNestingDepth()),
        env.getProperty("holdfast.rules.max-iterations", Integer.class, d.maxIterations()),
        Math.multiplyExact(env.getProperty("holdfast.rules.deadline-millis", Long.class,
            d.deadlineNanos() / 1_000_000), 1_000_000L));
  }

  /**
   * Hold lengths by tier and the legal limit, from configuration (defaults: 24 h, 24 h, 72 h),
   * the shortest a hold the sender's answers de-escalated may become (default 1 h), and how
   * often a held hold's checks re-run during its window (default 15 min), and how long a hold
   * on a first payment to an unknown recipient lasts, from which tier (default 72 h, every
   * tier).
   */
  @Bean
  HoldPolicy holdPolicy(
      @Value("${holdfast.holds.elevated:PT24H}") java.time.Duration elevated,
      @Value("${holdfast.holds.high:PT24H}") java.time.Duration high,
      @Value("${holdfast.holds.severe:PT72H}") java.time.Duration severe,
      @Value("${holdfast.holds.extend-by:PT24H}") java.time.Duration extendBy,
      @Value("${holdfast.holds.deescalated:PT1H}") java.time.Duration deescalated,
      @Value("${holdfast.holds.recheck-interval:PT15M}") java.time.Duration recheckEvery,
      @Value("${holdfast.holds.legal-business-days:4}") int businessDays,
      @Value("${holdfast.holds.zone:Europe/London}") String zone,
      @Value("${holdfast.holds.unknown-recipient:PT72H}") java.time.Duration unknownRecipient,
      @Value("${holdfast.holds.unknown-recipient-from-tier:ELEVATED}")
          io.holdfast.core.hold.RiskTier unknownRecipientFrom) {
    HoldPolicy defaults = HoldPolicy.defaults();
    return new HoldPolicy(java.util.Map.of(io.holdfast.core.hold.RiskTier.ELEVATED, elevated,
        io.holdfast.core.hold.RiskTier.HIGH, high, io.holdfast.core.hold.RiskTier.SEVERE, severe),
        new io.holdfast.core.hold.BusinessDays(businessDays, java.time.ZoneId.of(zone),
            java.util.Set.of()), extendBy, deescalated, recheckEvery, defaults.highScore(),
        defaults.severeScore(), new io.holdfast.core.hold.UnknownRecipientHold(
            unknownRecipientFrom, unknownRecipient, defaults.unknownRecipient().youngDays()));
  }

  /** When the sender's answers may shorten a hold: the named rules, with the policy's floor. */
  @Bean
  io.holdfast.core.ladder.Deescalation deescalation(HoldPolicy holdPolicy) {
    return new io.holdfast.core.ladder.Deescalation(holdPolicy.deescalatedHold());
  }

  @Bean
  LadderPolicy ladderPolicy() {
    return LadderPolicy.defaults();
  }

  /** Random ids, or with {@code holdfast.ids=sequential} numbered ones for reproducible demos. */
  @Bean
  IdGenerator idGenerator(@org.springframework.beans.factory.annotation.Value(
      "${holdfast.ids:random}") String ids) {
    return "sequential".equals(ids) ? new io.holdfast.server.support.SequentialIds()
        : new IdGenerator();
  }

  /**
   * The system clock, or with {@code holdfast.clock=manual} a clock that only moves when the
   * simulated platform moves it (the demo runs the real server in virtual time).
   */
  @Bean
  Clock clock(@Value("${holdfast.clock:system}") String kind,
      @Value("${holdfast.clock-start:2026-10-01T00:00:00Z}") String start) {
    if (kind.equals("manual")) {
      return new io.holdfast.core.support.ManualClock(java.time.Instant.parse(start));
    }
    return Clock.systemUTC();
  }

  @Bean
  CurrencyCatalog currencyCatalog() {
    return CurrencyCatalog.defaults();
  }

  @Bean
  FeatureStore featureStore() {
    return new FeatureStore(1 << 20);
  }

  @Bean
  IntelIndex intelIndex() {
    return new IntelIndex();
  }

  @Bean
  FrozenSubjects frozenSubjects() {
    return new FrozenSubjects();
  }

  /**
   * The learned risk model beside the rules: the shipped one by default, a file named by
   * {@code holdfast.risk.model}, or none ({@code none}: screening by rules alone).
   */
  @Bean
  ScreeningEngine screeningEngine(FeatureStore features, IntelIndex intel, RuleSets ruleSets,
      Clock clock, FrozenSubjects frozen,
      @Value("${holdfast.risk.model:shipped}") String riskModel) throws java.io.IOException {
    io.holdfast.core.risk.RiskModel model;
    if (riskModel.equals("none")) {
      model = null;
    } else if (riskModel.equals("shipped")) {
      model = io.holdfast.core.risk.RiskModels.loadDefault().orElse(null);
    } else {
      try (java.io.Reader r = java.nio.file.Files.newBufferedReader(
          java.nio.file.Path.of(riskModel))) {
        model = io.holdfast.core.risk.RiskModelFile.read(r);
      }
    }
    return new ScreeningEngine(features, intel, ruleSets::current, ScoringPolicy.defaults(), clock,
        frozen, model);
  }

  @Bean
  TransferParser transferParser(CurrencyCatalog currencies, Clock clock) {
    return new TransferParser(currencies, clock);
  }

  @Bean
  DecisionWriter decisionWriter(DecisionRows rows, TransactionTemplate tx) {
    return new DecisionWriter(rows, tx);
  }

  @Bean
  ScreeningService screeningService(TransferParser parser, ScreeningEngine engine,
      FeatureStore features, DecisionWriter writer, StoredDecisions stored, JsonMapper json,
      MeterRegistry meters, HoldPolicy holdPolicy, IdGenerator ids) {
    return new ScreeningService(parser, engine, features, writer, stored, json, meters,
        holdPolicy, ids);
  }

  /**
   * Rejects strings where numbers belong ("amount_minor": "100") instead of coercing them, and
   * writes doubles with Jackson's Schubfach writer: every screening answer carries a score and
   * a dozen fractional features, and the JDK 17 formatter was a visible share of the path.
   */
  @Bean
  JsonMapperBuilderCustomizer strictScalars() {
    return builder -> builder.disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
        .enable(StreamWriteFeature.USE_FAST_DOUBLE_WRITER);
  }

  /**
   * The bytes of large request bodies (reports, intel uploads) held at once across all
   * requests; past it, such a request is refused with 503 and Retry-After without being read.
   */
  @Bean
  BodyBudget bodyBudget(
      @Value("${holdfast.body-budget-bytes:33554432}") long budgetBytes, MeterRegistry meters) {
    BodyBudget budget = new BodyBudget(budgetBytes);
    Gauge.builder("holdfast.body_budget.reserved", budget, BodyBudget::reservedBytes)
        .description("bytes of large request bodies held in memory").baseUnit("bytes")
        .register(meters);
    return budget;
  }

  @Bean
  RequestBodies requestBodies(@Value("${holdfast.max-body-bytes:65536}") int maxBodyBytes,
      BodyBudget budget) {
    return new RequestBodies(maxBodyBytes, 16 * 1024 * 1024, budget);
  }

  /**
   * Reads bodies right after the security chain (wherever {@code spring.security.filter.order}
   * puts it), so only a request that may call its route is read at all.
   */
  @Bean
  FilterRegistrationBean<BodyLimitFilter> bodyLimitFilter(RequestBodies bodies,
      SecurityFilterProperties security) {
    var registration = new FilterRegistrationBean<>(new BodyLimitFilter(bodies));
    registration.setOrder(security.getOrder() + 1);
    return registration;
  }

  /**
   * Runs before the security chain, checking the key itself before it reads the body; {@code
   * holdfast.screening.fast-path=false} sends every screening through the generic pipeline, to
   * compare the two in a benchmark.
   */
  @Bean
  FilterRegistrationBean<ScreeningFastPath> screeningFastPath(ApiKeys apiKeys,
      RequestBodies bodies, ScreeningService screening, JsonMapper json, MeterRegistry meters,
      @Value("${holdfast.screening.fast-path:true}") boolean enabled) {
    var registration = new FilterRegistrationBean<>(
        new ScreeningFastPath(apiKeys, bodies, screening, json, meters));
    registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 1);
    registration.setEnabled(enabled);
    return registration;
  }
}
