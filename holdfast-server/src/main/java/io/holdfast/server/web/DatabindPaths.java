package io.holdfast.server.web;

import java.util.stream.Collectors;
import tools.jackson.core.JacksonException;

/** Names the JSON field a Jackson error is about, in the request's own snake_case. */
final class DatabindPaths {
  private DatabindPaths() {}

  static String describe(JacksonException e) {
    if (e.getPath().isEmpty()) {
      return "(unknown)";
    }
    return e.getPath().stream()
        .map(ref -> ref.getPropertyName() != null
            ? ref.getPropertyName() : "[" + ref.getIndex() + "]")
        .collect(Collectors.joining("."));
  }
}
