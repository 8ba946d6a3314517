package io.holdfast.server.config;

import static org.assertj.core.api.Assertions.assertThat;

import io.holdfast.core.rule.RuleLimits;
import org.junit.jupiter.api.Test;
import org.springframework.mock.env.MockEnvironment;

/** The rule limits come from holdfast.rules.* and default, one by one, to RuleLimits'. */
class RuleLimitsConfigTest {
  @Test
  void unsetLimitsAreTheDefaults() {
    assertThat(new CoreConfig().ruleLimits(new MockEnvironment()))
        .isEqualTo(RuleLimits.defaults());
  }

  @Test
  void eachLimitIsConfigurable() {
    MockEnvironment env = new MockEnvironment()
        .withProperty("holdfast.rules.max-expression-chars", "2000")
        .withProperty("holdfast.rules.max-nesting-depth", "16")
        .withProperty("holdfast.rules.max-iterations", "50")
        .withProperty("holdfast.rules.deadline-millis", "250");
    assertThat(new CoreConfig().ruleLimits(env))
        .isEqualTo(new RuleLimits(2_000, 16, 50, 250_000_000L));
  }
}
