package io.holdfast.server.security.signin;

import static org.assertj.core.api.Assertions.assertThat;

import io.holdfast.server.support.Api;
import io.holdfast.server.support.PostgresServerTest;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * With no trusted proxy configured (the default), X-Forwarded-For says nothing: a client
 * cannot escape its throttle by naming a new address in every request.
 */
class ForwardedForIT extends PostgresServerTest {
  @Autowired
  JdbcTemplate jdbc;
  @Autowired
  PasswordEncoder encoder;

  @Test
  void aClientCannotPickItsAddressWithoutATrustedProxy() {
    String user = id("forwarded");
    jdbc.update("INSERT INTO users (username, password_hash, roles, created_at)"
        + " VALUES (?, ?, 'ANALYST', CURRENT_TIMESTAMP)", user, encoder.encode("right-" + user));
    Api wrong = Api.withUser(port(), user, "wrong");
    for (int i = 1; i <= 5; i++) {
      Api.Response r = wrong.send("GET", "/v1/rules", null, "application/json",
          Map.of("X-Forwarded-For", "198.51.100." + i));
      assertThat(r.status()).isEqualTo(401);
    }
    Api.Response sixth = Api.withUser(port(), user, "right-" + user).send("GET", "/v1/rules",
        null, "application/json", Map.of("X-Forwarded-For", "198.51.100.6"));
    assertThat(sixth.status()).as("all five came from the loopback address").isEqualTo(429);
  }
}
