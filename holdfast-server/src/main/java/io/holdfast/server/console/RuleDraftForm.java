package io.holdfast.server.console;

import io.holdfast.server.rules.ExpressionCheck;
import io.holdfast.server.rules.RuleDraftBody;
import io.holdfast.server.rules.RuleView;

/**
 * The draft editor's fields as the person left them (text, so a wrong score is shown back as
 * typed), whether it proposes a change of a live rule (the name is then fixed), what was wrong
 * the last time it was sent, and what the expression's validation says now.
 */
public record RuleDraftForm(String name, String expression, String outcome, String score,
    String reasonCode, String description, String status, String note, RuleView live,
    String error, String errorField, ExpressionCheck check) {

  static RuleDraftForm blank(ExpressionCheck check) {
    return new RuleDraftForm("", "", "", "0.1", "", "", "shadow", "", null, null, null, check);
  }

  /** A change of {@code live}: its fields, to edit. */
  static RuleDraftForm of(RuleView live, ExpressionCheck check) {
    return new RuleDraftForm(live.name(), live.expression(),
        live.outcome() == null ? "" : live.outcome(), Double.toString(live.score()),
        live.reasonCode(), live.description(), live.status(), "", live, null, null, check);
  }

  RuleDraftForm refused(String why, String field, ExpressionCheck now) {
    return new RuleDraftForm(name, expression, outcome, score, reasonCode, description, status,
        note, live, why, field, now);
  }

  public boolean change() {
    return live != null;
  }

  public boolean faulty(String field) {
    return field.equals(errorField);
  }

  /** The body the API takes; a score that is not a number is refused as the API would. */
  RuleDraftBody body() {
    Double parsed;
    try {
      parsed = score == null || score.isBlank() ? null : Double.valueOf(score.strip());
    } catch (NumberFormatException e) {
      parsed = Double.NaN;
    }
    return new RuleDraftBody(name.strip(), expression, outcome.isBlank() ? null : outcome,
        parsed, reasonCode.strip(), description.strip(), status, note);
  }
}
