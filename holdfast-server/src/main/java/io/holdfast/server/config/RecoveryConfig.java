package io.holdfast.server.config;

import io.holdfast.core.freeze.FreezePolicy;
import io.holdfast.core.hold.BusinessDays;
import io.holdfast.core.recovery.ReimbursementPolicy;
import io.holdfast.core.verdict.ScamVerdictModel;
import io.holdfast.core.verdict.VerdictModels;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Rapid recovery's policies and the Scam Verdict Model, from configuration. */
@Configuration(proxyBeanMethods = false)
public class RecoveryConfig {
  private static final Logger LOG = LoggerFactory.getLogger(RecoveryConfig.class);

  /** The shipped model, or the file {@code holdfast.verdict.model} names. */
  @Bean
  ScamVerdictModel scamVerdictModel(@Value("${holdfast.verdict.model:}") String path)
      throws IOException {
    ScamVerdictModel model;
    if (path.isBlank()) {
      model = VerdictModels.loadDefault();
    } else {
      try (Reader reader = Files.newBufferedReader(Path.of(path), StandardCharsets.UTF_8)) {
        model = VerdictModels.read(reader);
      }
    }
    LOG.info("scam verdict model {}", model.version());
    return model;
  }

  @Bean
  FreezePolicy freezePolicy(
      @Value("${holdfast.freezes.min-probability:0.90}") double minProbability,
      @Value("${holdfast.freezes.established-age-days:365}") int ageDays,
      @Value("${holdfast.freezes.established-kyc-level:2}") int kycLevel,
      @Value("${holdfast.freezes.established-counterparties:25}") int counterparties,
      @Value("${holdfast.freezes.established-reporters:3}") int reporters) {
    return new FreezePolicy(new FreezePolicy.Settings(minProbability, ageDays, kycLevel,
        counterparties, reporters));
  }

  @Bean
  ReimbursementPolicy reimbursementPolicy(
      @Value("${holdfast.reimbursement.decide-within-business-days:5}") int days,
      @Value("${holdfast.reimbursement.zone:Europe/London}") String zone,
      @Value("${holdfast.reimbursement.cap-usd-minor:10795000}") long capUsdMinor,
      @Value("${holdfast.reimbursement.excess-usd-minor:12700}") long excessUsdMinor) {
    return new ReimbursementPolicy(new BusinessDays(days, ZoneId.of(zone), Set.of()),
        capUsdMinor, excessUsdMinor);
  }
}
