package io.holdfast.server.intel;

import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Wires the intel store and importer, which are plain classes so that the command line can use
 * them without Spring. (Scheduling, for the intel refresh among others, is enabled in
 * CoreConfig.)
 */
@Configuration
public class IntelConfig {

  @Bean
  IntelStore intelStore(JdbcTemplate jdbc) {
    return new IntelStore(jdbc);
  }

  @Bean
  IntelImporter intelImporter(IntelStore store, JdbcTemplate jdbc, Clock clock) {
    return new IntelImporter(store, jdbc, clock);
  }
}
