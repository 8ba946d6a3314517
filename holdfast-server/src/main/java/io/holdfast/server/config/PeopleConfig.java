package io.holdfast.server.config;

import io.holdfast.server.audit.AuditLog;
import io.holdfast.server.people.ApiKeyDirectory;
import io.holdfast.server.security.PasswordPolicy;
import io.holdfast.server.people.UserDirectory;
import io.holdfast.server.security.ApiKeys;
import io.holdfast.server.support.IdGenerator;
import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * People and keys, wired explicitly: the same classes run inside the server and in
 * {@code holdfast users} / {@code holdfast keys}, which build them on the store directly.
 */
@Configuration(proxyBeanMethods = false)
public class PeopleConfig {

  @Bean
  PasswordPolicy passwordPolicy() {
    return new PasswordPolicy();
  }

  @Bean
  UserDirectory userDirectory(JdbcClient jdbc, TransactionTemplate tx, PasswordEncoder encoder,
      PasswordPolicy policy, AuditLog audit, Clock clock, JsonMapper json) {
    return new UserDirectory(jdbc, tx, encoder, policy, audit, clock, json);
  }

  @Bean
  ApiKeyDirectory apiKeyDirectory(JdbcClient jdbc, TransactionTemplate tx, ApiKeys keys,
      AuditLog audit, IdGenerator ids, Clock clock, JsonMapper json) {
    return new ApiKeyDirectory(jdbc, tx, keys, audit, ids, clock, json);
  }
}
