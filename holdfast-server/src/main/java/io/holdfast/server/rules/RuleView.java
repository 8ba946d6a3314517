package io.holdfast.server.rules;

import io.holdfast.core.rule.Rule;
import java.util.Locale;

/** A rule as returned by the API. */
public record RuleView(String name, String expression, String outcome, double score,
    String reasonCode, String description, String status, int version) {

  public static RuleView of(Rule rule) {
    return new RuleView(rule.name(), rule.expression(),
        rule.outcome() == null ? null : rule.outcome().name(), rule.score(), rule.reasonCode(),
        rule.description(), rule.status().name().toLowerCase(Locale.ROOT), rule.version());
  }
}
