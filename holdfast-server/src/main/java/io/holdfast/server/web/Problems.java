package io.holdfast.server.web;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import tools.jackson.databind.json.JsonMapper;

/** Builds {@code application/problem+json} answers, for controllers and for servlet filters. */
public final class Problems {
  private static final JsonMapper MAPPER = JsonMapper.builder().build();

  private Problems() {}

  public static ProblemDetail detail(ProblemType type, String detail, Map<String, Object> props) {
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(type.status(), detail);
    problem.setType(type.uri());
    problem.setTitle(type.title());
    props.forEach(problem::setProperty);
    return problem;
  }

  public static ResponseEntity<ProblemDetail> entity(ApiProblem problem) {
    return entity(problem.type(), problem.getMessage(), problem.properties());
  }

  public static ResponseEntity<ProblemDetail> entity(
      ProblemType type, String detail, Map<String, Object> props) {
    return ResponseEntity.status(type.status())
        .contentType(MediaType.APPLICATION_PROBLEM_JSON)
        .body(detail(type, detail, props));
  }

  /** Writes a problem from a filter, where no message converter is at hand. */
  public static void write(HttpServletResponse response, ProblemType type, String detail)
      throws IOException {
    response.setStatus(type.status().value());
    response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
    response.setCharacterEncoding(StandardCharsets.UTF_8.name());
    response.getOutputStream().write(json(type, detail));
  }

  /** The detail of a problem answering a bare status, with nothing more known about it. */
  public static String statusDetail(ProblemType type) {
    return switch (type) {
      case BAD_REQUEST -> "the request is malformed or refused: check the request line, the"
          + " headers (their size and characters) and the path's encoding";
      case NOT_FOUND -> "no such resource";
      case INTERNAL -> "unexpected error; it was logged";
      default -> type.title();
    };
  }

  /** The JSON of a problem, for code that writes responses below the servlet API. */
  public static byte[] json(ProblemType type, String detail) {
    ProblemDetail problem = detail(type, detail, Map.of());
    Map<String, Object> body = new java.util.LinkedHashMap<>();
    body.put("type", problem.getType().toString());
    body.put("title", problem.getTitle());
    body.put("status", problem.getStatus());
    body.put("detail", problem.getDetail());
    return MAPPER.writeValueAsBytes(body);
  }
}
