package io.holdfast.server.holds;

import io.holdfast.core.ladder.Questionnaire;
import io.holdfast.server.web.ApiProblem;
import io.holdfast.server.web.ProblemType;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/** The sender's answers to the questionnaire: each question is answered once, for evidence. */
@Repository
public class HoldAnswers {
  private final JdbcTemplate jdbc;

  public HoldAnswers(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  /** Checks the answers: known questions only, at least one, each a yes or no. */
  public static void validate(Map<String, Boolean> answers) {
    if (answers == null || answers.isEmpty()) {
      throw ApiProblem.invalidField("answers", "answers is required: question id to true/false");
    }
    for (var entry : answers.entrySet()) {
      if (!Questionnaire.known(entry.getKey())) {
        throw ApiProblem.invalidField("answers", "unknown question '" + entry.getKey()
            + "'; known: " + Questionnaire.QUESTIONS.stream()
            .map(Questionnaire.Question::id).toList());
      }
      if (entry.getValue() == null) {
        throw ApiProblem.invalidField("answers", "answer to " + entry.getKey() + " is null");
      }
    }
  }

  @Transactional(propagation = Propagation.MANDATORY)
  public void insert(String holdId, Map<String, Boolean> answers, String by, Instant at) {
    List<String> already = jdbc.queryForList(
        "SELECT question_id FROM hold_answers WHERE hold_id = ?", String.class, holdId);
    for (String question : answers.keySet()) {
      if (already.contains(question)) {
        throw new ApiProblem(ProblemType.CONFLICT, "question " + question
            + " was already answered for this hold; answers are kept as given");
      }
    }
    jdbc.batchUpdate("INSERT INTO hold_answers (hold_id, question_id, answer, answered_at,"
            + " answered_by) VALUES (?, ?, ?, ?, ?)", List.copyOf(answers.entrySet()),
        answers.size(), (ps, e) -> {
          ps.setString(1, holdId);
          ps.setString(2, e.getKey());
          ps.setBoolean(3, e.getValue());
          ps.setTimestamp(4, Timestamp.from(at));
          ps.setString(5, by);
        });
  }

  /** Every answer given for the hold so far, by question id. */
  public Map<String, Boolean> given(String holdId) {
    Map<String, Boolean> given = new java.util.LinkedHashMap<>();
    jdbc.query("SELECT question_id, answer FROM hold_answers WHERE hold_id = ?"
        + " ORDER BY question_id", rs -> {
          given.put(rs.getString(1), rs.getBoolean(2));
        }, holdId);
    return given;
  }

  public List<Map<String, Object>> of(String holdId) {
    return jdbc.queryForList("SELECT question_id, answer, answered_at, answered_by"
        + " FROM hold_answers WHERE hold_id = ? ORDER BY question_id", holdId);
  }
}
