package io.holdfast.server.web;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The one way lists are paged by cursor ({@code after} a seq already read, at most
 * {@code limit} rows): the same checks and the same answer shape for instructions and webhook
 * deliveries alike.
 */
public final class CursorPage {
  private CursorPage() {}

  /** Refuses a negative cursor or a page size outside 1 to {@code limitMax}. */
  public static void check(long after, int limit, int limitMax) {
    if (after < 0) {
      throw ApiProblem.invalidField("after", "after is a cursor: 0 or a seq already read");
    }
    if (limit < 1 || limit > limitMax) {
      throw ApiProblem.invalidField("limit", "limit must be 1 to " + limitMax);
    }
  }

  /** The page under {@code name}, with the cursor to ask for the next one. */
  public static Map<String, Object> body(String name, List<Map<String, Object>> page,
      long after) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put(name, page);
    body.put("next_cursor", page.isEmpty() ? after : page.get(page.size() - 1).get("seq"));
    return body;
  }
}
