package io.holdfast.server.config;

import io.holdfast.core.prevention.ChronicVictimPolicy;
import io.holdfast.core.prevention.InterventionPolicy;
import java.time.Duration;
import java.util.List;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The chronic-victim thresholds and the interventions' service levels, from configuration. */
@Configuration(proxyBeanMethods = false)
public class PreventionConfig {
  @Bean
  ChronicVictimPolicy chronicVictimPolicy(
      @Value("${holdfast.register.chronic-confirmed-losses:2}") int losses,
      @Value("${holdfast.register.chronic-flagged-transfers:2}") int transfers) {
    return new ChronicVictimPolicy(losses, transfers);
  }

  @Bean
  InterventionPolicy interventionPolicy(
      @Value("${holdfast.interventions.sla-by-priority:PT1H,PT2H,PT4H,PT24H,PT72H}")
      List<Duration> slas,
      @Value("${holdfast.interventions.claim-window:PT30M}") Duration claimWindow,
      @Value("${holdfast.interventions.proceeds-to-flag:2}") int proceedsToFlag) {
    return new InterventionPolicy(slas, claimWindow, proceedsToFlag);
  }
}
