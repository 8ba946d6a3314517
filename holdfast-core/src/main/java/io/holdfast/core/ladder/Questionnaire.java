package io.holdfast.core.ladder;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The questions a held sender is asked. Each "yes" matches a scam script; any match moves the
 * hold to investigation. The texts are templates (data); the ids here are the contract.
 */
public final class Questionnaire {
  /** A question and the scam script a "yes" matches. */
  public record Question(String id, String script) {}

  public static final List<Question> QUESTIONS = List.of(
      new Question("met_online_asked_to_move_money",
          "someone met online asked the sender to move money"),
      new Question("promised_a_return", "the sender was promised a return"),
      new Question("told_to_hurry_or_keep_secret",
          "the sender is being rushed or told to keep it secret"),
      new Question("contacted_by_support_or_authority",
          "someone claiming to be support, a bank or the police asked for the payment"));

  private Questionnaire() {}

  /** The scripts the answers match; empty when every answer is "no". */
  public static List<String> matchedScripts(Map<String, Boolean> answers) {
    List<String> matched = new ArrayList<>();
    for (Question q : QUESTIONS) {
      if (Boolean.TRUE.equals(answers.get(q.id()))) {
        matched.add(q.script());
      }
    }
    return matched;
  }

  public static boolean known(String questionId) {
    return QUESTIONS.stream().anyMatch(q -> q.id().equals(questionId));
  }
}
