package io.holdfast.server.web;

import java.util.Map;

/**
 * A request Holdfast refuses, with the problem type and a detail a developer can act on.
 * Thrown before anything is written, or inside the transaction that it rolls back.
 */
public class ApiProblem extends RuntimeException {
  private final ProblemType type;
  private final transient Map<String, Object> properties;

  public ApiProblem(ProblemType type, String detail) {
    this(type, detail, Map.of());
  }

  public ApiProblem(ProblemType type, String detail, Map<String, Object> properties) {
    super(detail);
    this.type = type;
    this.properties = Map.copyOf(properties);
  }

  public ProblemType type() {
    return type;
  }

  public Map<String, Object> properties() {
    return properties;
  }

  public static ApiProblem invalidField(String field, String detail) {
    return new ApiProblem(ProblemType.INVALID_FIELD, detail, Map.of("field", field));
  }

  public static ApiProblem notFound(String what) {
    return new ApiProblem(ProblemType.NOT_FOUND, what + " was not found");
  }
}
