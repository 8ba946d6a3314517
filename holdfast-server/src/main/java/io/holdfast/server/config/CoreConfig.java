package io.holdfast.server.config;

import io.holdfast.core.feature.FeatureStore;
import io.holdfast.core.hold.HoldPolicy;
import io.holdfast.core.ladder.LadderPolicy;
import io.holdfast.core.intel.IntelIndex;
import io.holdfast.core.money.CurrencyCatalog;
import io.holdfast.core.screening.ScoringPolicy;
import io.holdfast.core.screening.ScreeningEngine;
import io.holdfast.server.rules.RuleSets;
import io.holdfast.server.screening.DecisionRows;
import io.holdfast.server.screening.DecisionWriter;
import io.holdfast.server.screening.ScreeningService;
import io.holdfast.server.screening.StoredDecisions;
import io.holdfast.server.screening.TransferParser;
import io.holdfast.server.web.BodyLimitFilter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.jackson.autoconfigure.JsonMapperBuilderCustomizer;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.MapperFeature;
import tools.jackson.databind.json.JsonMapper;

/** Wires the framework-free core into the server: one explicit place, no component scan. */
@Configuration
@EnableScheduling
public class CoreConfig {

  @Bean
  HoldPolicy holdPolicy() {
    return HoldPolicy.defaults();
  }

  @Bean
  LadderPolicy ladderPolicy() {
    return LadderPolicy.defaults();
  }

  @Bean
  IdGenerator idGenerator() {
    return new IdGenerator();
  }

  @Bean
  Clock clock() {
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
  ScreeningEngine screeningEngine(FeatureStore features, IntelIndex intel, RuleSets ruleSets,
      Clock clock) {
    return new ScreeningEngine(features, intel, ruleSets::current, ScoringPolicy.defaults(), clock);
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

  /** Rejects strings where numbers belong ("amount_minor": "100") instead of coercing them. */
  @Bean
  JsonMapperBuilderCustomizer strictScalars() {
    return builder -> builder.disable(MapperFeature.ALLOW_COERCION_OF_SCALARS);
  }

  @Bean
  FilterRegistrationBean<BodyLimitFilter> bodyLimitFilter(
      @Value("${holdfast.max-body-bytes:65536}") int maxBodyBytes) {
    var registration = new FilterRegistrationBean<>(
        new BodyLimitFilter(maxBodyBytes, 16 * 1024 * 1024));
    registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
    return registration;
  }
}
