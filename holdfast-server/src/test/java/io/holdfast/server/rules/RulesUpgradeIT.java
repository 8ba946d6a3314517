package io.holdfast.server.rules;

import static org.assertj.core.api.Assertions.assertThat;

import io.holdfast.core.rule.DefaultRules;
import io.holdfast.core.rule.Rule;
import io.holdfast.core.rule.RuleLimits;
import io.holdfast.core.rule.RuleStatus;
import io.holdfast.server.audit.AuditLog;
import io.holdfast.server.support.PostgresServerTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * An upgrade brings new default rules in shadow: a deployment whose store lacks a default rule
 * (it started with an older release) gets it at the next start as a shadow rule, audited, in a
 * new ruleset version, once; a default rule the team disabled stays disabled.
 */
class RulesUpgradeIT extends PostgresServerTest {
  static final String NEW_DEFAULT = "payment_abroad_to_young_account";
  static final String DISABLED_DEFAULT = "new_seller_account";

  @Autowired
  JdbcClient jdbc;
  @Autowired
  RuleRepository repository;
  @Autowired
  AuditLog audit;
  @Autowired
  TransactionTemplate tx;

  private Rule stored(String name) {
    return repository.find(name).orElseThrow();
  }

  private long offers(String name) {
    return jdbc.sql("SELECT COUNT(*) FROM audit_log WHERE action = 'rule.offered'"
        + " AND entity_id = ?").param(name).query(Long.class).single();
  }

  @Test
  void aDefaultRuleTheStoreNeverHadArrivesInShadowOnceAndADisabledOneStaysDisabled() {
    Rule shipped = DefaultRules.all().stream().filter(r -> r.name().equals(NEW_DEFAULT))
        .findFirst().orElseThrow();
    Rule before = stored(DISABLED_DEFAULT);
    long offersBefore = offers(NEW_DEFAULT);
    tx.executeWithoutResult(s -> {
      // An older release's store: the rule is not there; and the team disabled another.
      jdbc.sql("DELETE FROM rules WHERE name = ?").param(NEW_DEFAULT).update();
      repository.update(new Rule(before.name(), before.expression(), before.outcome(),
          before.score(), before.reasonCode(), before.description(), RuleStatus.DISABLED,
          before.version() + 1), "test");
    });
    int versionBefore = repository.version();
    try {
      RuleSets restarted = new RuleSets(repository, audit, tx, RuleLimits.defaults());

      Rule offered = stored(NEW_DEFAULT);
      assertThat(offered.status()).isEqualTo(RuleStatus.SHADOW);
      assertThat(offered.expression()).isEqualTo(shipped.expression());
      assertThat(offered.outcome()).isEqualTo(shipped.outcome());
      assertThat(restarted.current().version()).isEqualTo(versionBefore + 1);
      assertThat(offers(NEW_DEFAULT)).isEqualTo(offersBefore + 1);
      assertThat(stored(DISABLED_DEFAULT).status()).isEqualTo(RuleStatus.DISABLED);

      RuleSets again = new RuleSets(repository, audit, tx, RuleLimits.defaults());
      assertThat(again.current().version()).as("a second start adds nothing")
          .isEqualTo(versionBefore + 1);
      assertThat(offers(NEW_DEFAULT)).isEqualTo(offersBefore + 1);
    } finally {
      // Leave the shared store as the other tests expect it: both defaults active.
      tx.executeWithoutResult(s -> {
        Rule offered = stored(NEW_DEFAULT);
        repository.update(new Rule(shipped.name(), shipped.expression(), shipped.outcome(),
            shipped.score(), shipped.reasonCode(), shipped.description(), RuleStatus.ACTIVE,
            offered.version() + 1), "test");
        Rule disabled = stored(DISABLED_DEFAULT);
        repository.update(new Rule(before.name(), before.expression(), before.outcome(),
            before.score(), before.reasonCode(), before.description(), RuleStatus.ACTIVE,
            disabled.version() + 1), "test");
        repository.setVersion(repository.lockVersion() + 1);
      });
    }
  }
}
