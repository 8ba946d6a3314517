package io.holdfast.server.assessments;

import io.holdfast.server.idempotency.Idempotency;
import io.holdfast.server.web.ApiProblem;
import io.holdfast.server.web.CursorPage;
import io.holdfast.server.web.Ids;
import io.holdfast.server.web.Timestamps;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Daily risk assessments: start a day's run (it continues in the background), follow it, and
 * read an account's assessments with the findings that explain each score.
 */
@RestController
@Tag(name = "Assessments")
public class AssessmentsController {
  static final int PAGE_MAX = 365;

  private final DailyAssessments daily;
  private final JdbcTemplate jdbc;
  private final Idempotency idempotency;
  private final Clock clock;

  public AssessmentsController(DailyAssessments daily, JdbcTemplate jdbc,
      Idempotency idempotency, Clock clock) {
    this.daily = daily;
    this.jdbc = jdbc;
    this.idempotency = idempotency;
    this.clock = clock;
  }

  public record RunBody(@Schema(description = "the day, e.g. 2026-11-25; the assessment is as"
      + " of its start, over the 30 days before") String date) {}

  @Operation(summary = "Start (or continue) the assessment of a day; 202 while it runs")
  @PostMapping(path = "/v1/assessments/runs", consumes = MediaType.APPLICATION_JSON_VALUE,
      produces = MediaType.APPLICATION_JSON_VALUE)
  public ResponseEntity<String> start(@RequestBody RunBody body, HttpServletRequest request) {
    LocalDate date = date(body == null ? null : body.date(), "date");
    if (date.isAfter(clock.instant().atZone(ZoneOffset.UTC).toLocalDate())) {
      throw ApiProblem.invalidField("date", "a day that has not begun cannot be assessed");
    }
    return idempotency.execute(request, () -> {
      boolean started = daily.submit(date);
      Map<String, Object> out = new LinkedHashMap<>();
      out.put("date", date.toString());
      out.put("started", started);
      out.put("run", daily.view(date).orElse(null));
      return new Idempotency.Result(HttpStatus.ACCEPTED, out);
    });
  }

  @Operation(summary = "A day's assessment run and its counts")
  @GetMapping(path = "/v1/assessments/runs/{date}", produces = MediaType.APPLICATION_JSON_VALUE)
  public Map<String, Object> run(@PathVariable String date) {
    LocalDate day = date(date, "date");
    return daily.view(day).orElseThrow(() -> ApiProblem.notFound("assessment run " + day));
  }

  @Operation(summary = "An account's recorded assessments, newest first, with their findings")
  @GetMapping(path = "/v1/accounts/{accountId}/assessments",
      produces = MediaType.APPLICATION_JSON_VALUE)
  public Map<String, Object> ofAccount(@PathVariable String accountId,
      @RequestParam(defaultValue = "30") int limit) {
    Ids.path("account_id", accountId);
    CursorPage.check(0, limit, PAGE_MAX);
    List<Map<String, Object>> rows = jdbc.query("SELECT run_date, score_milli, resembles,"
        + " findings, explanation, action, task_opened FROM assessments WHERE account_id = ?"
        + " ORDER BY run_date DESC LIMIT ?", (rs, n) -> {
          Map<String, Object> m = new LinkedHashMap<>();
          m.put("date", rs.getDate(1).toLocalDate().toString());
          m.put("score", rs.getInt(2) / 1000.0);
          m.put("resembles", rs.getString(3).toLowerCase(java.util.Locale.ROOT));
          m.put("findings", List.of(rs.getString(4).split(",")));
          m.put("explanation", rs.getString(5));
          m.put("action", rs.getString(6).toLowerCase(java.util.Locale.ROOT));
          m.put("task_opened", rs.getBoolean(7));
          return m;
        }, accountId, limit);
    return Map.of("account_id", accountId, "assessments", rows);
  }

  static LocalDate date(String text, String field) {
    if (text == null || text.length() != 10) {
      throw ApiProblem.invalidField(field, field + " is a day such as 2026-11-25");
    }
    try {
      return Timestamps.day(field, LocalDate.parse(text));
    } catch (DateTimeParseException e) {
      throw ApiProblem.invalidField(field, field + " is a day such as 2026-11-25");
    }
  }
}
