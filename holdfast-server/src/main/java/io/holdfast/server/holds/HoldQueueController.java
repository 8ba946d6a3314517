package io.holdfast.server.holds;

import io.holdfast.server.web.ApiProblem;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.Locale;
import java.util.Optional;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The analysts' queue of open holds, as the console shows it. */
@RestController
@Tag(name = "Holds")
public class HoldQueueController {
  private final HoldQueue queue;

  public HoldQueueController(HoldQueue queue) {
    this.queue = queue;
  }

  @Operation(summary = "Open holds, soonest deadline first, by state and tier, with counts")
  @GetMapping(path = "/v1/hold-queue", produces = MediaType.APPLICATION_JSON_VALUE)
  public HoldQueuePage page(@RequestParam(required = false) String state,
      @RequestParam(required = false) String tier,
      @RequestParam(required = false) String after,
      @RequestParam(defaultValue = "50") int limit) {
    return queue(queue, state, tier, after, limit);
  }

  /** Reads the queue's parameters as the API and the console both take them. */
  public static HoldQueuePage queue(HoldQueue queue, String state, String tier, String after,
      int limit) {
    return queue.page(filter(state, tier), cursor(after), limit(limit));
  }

  public static HoldQueue.Filter filter(String state, String tier) {
    Optional<String> s = Optional.ofNullable(state).filter(x -> !x.isBlank())
        .map(x -> x.toLowerCase(Locale.ROOT));
    Optional<String> t = Optional.ofNullable(tier).filter(x -> !x.isBlank())
        .map(x -> x.toUpperCase(Locale.ROOT));
    if (s.isPresent() && !HoldQueue.STATES.contains(s.get())) {
      throw ApiProblem.invalidField("state", "state is held or under_investigation");
    }
    if (t.isPresent() && !HoldQueue.TIERS.contains(t.get())) {
      throw ApiProblem.invalidField("tier", "tier is ELEVATED, HIGH or SEVERE");
    }
    return new HoldQueue.Filter(s, t);
  }

  private static String cursor(String after) {
    try {
      HoldQueue.Cursor.parse(after);
      return after;
    } catch (IllegalArgumentException e) {
      throw ApiProblem.invalidField("after", "after is the next value of a previous page");
    }
  }

  private static int limit(int limit) {
    if (limit < 1 || limit > HoldQueue.PAGE_MAX) {
      throw ApiProblem.invalidField("limit", "limit is 1 to " + HoldQueue.PAGE_MAX);
    }
    return limit;
  }
}
