package io.holdfast.server.audit;

import io.holdfast.server.web.ApiProblem;
import io.holdfast.server.web.Timestamps;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The audit log for auditors (and administrators): who changed what, when, from which state to
 * which, filtered and paged, oldest first: by id, so a reader can also follow the log as it
 * grows by asking again after the last id it read, or by time when the search has a time
 * bound ({@link AuditEntries} says why).
 */
@RestController
@Tag(name = "Audit")
public class AuditController {
  private static final int LIMIT_DEFAULT = 100;
  private static final Set<String> PARAMETERS = Set.of("actor", "action", "entity_type",
      "entity_id", "since", "until", "after", "limit");
  private static final Pattern ACTION_PREFIX = Pattern.compile("[a-z0-9_.]{1,64}");
  /** The audit_log columns' sizes: a longer value matches nothing, so it is refused. */
  private static final Map<String, Integer> CHARS_MAX = Map.of("actor", 200, "entity_type", 32,
      "entity_id", 260);

  private final AuditEntries entries;
  private final JsonMapper json;

  public AuditController(AuditEntries entries, JsonMapper json) {
    this.entries = entries;
    this.json = json;
  }

  @Operation(summary = "Audit entries, oldest first (by id, or by time when since or until is"
      + " given): filter by actor, action prefix, entity, time (since inclusive, until"
      + " exclusive); page with after (next_after, the last id read) and limit (1 to 500,"
      + " default 100)")
  @GetMapping(path = "/v1/audit", produces = MediaType.APPLICATION_JSON_VALUE)
  public AuditPage list(HttpServletRequest request) {
    AuditQuery query = query(request);
    List<AuditEntries.Row> rows = entries.page(query);
    boolean more = rows.size() > query.limit();
    List<AuditEntryView> items = rows.stream().limit(query.limit()).map(this::view).toList();
    return new AuditPage(items, more ? items.get(items.size() - 1).id() : null);
  }

  private AuditQuery query(HttpServletRequest request) {
    for (Map.Entry<String, String[]> p : request.getParameterMap().entrySet()) {
      if (!PARAMETERS.contains(p.getKey())) {
        // A misspelt filter would otherwise be ignored, and an auditor shown every entry as
        // if they matched it.
        throw ApiProblem.invalidField(p.getKey(), "unknown parameter '" + p.getKey()
            + "'; known: actor, action, entity_type, entity_id, since, until, after, limit");
      }
      if (p.getValue().length > 1) {
        throw ApiProblem.invalidField(p.getKey(), p.getKey() + " is given more than once");
      }
    }
    String action = text(request, "action");
    if (action != null && !ACTION_PREFIX.matcher(action).matches()) {
      throw ApiProblem.invalidField("action", "action is the start of an action name, such as"
          + " 'auth.' or 'hold.placed': lower-case letters, digits, '_' and '.', at most 64");
    }
    String entityType = text(request, "entity_type");
    String entityId = text(request, "entity_id");
    if (entityId != null && entityType == null) {
      throw ApiProblem.invalidField("entity_id", "entity_id is searched within an entity_type;"
          + " give both");
    }
    Instant since = time(request, "since");
    Instant until = time(request, "until");
    if (since != null && until != null && !since.isBefore(until)) {
      throw ApiProblem.invalidField("until", "until must be later than since");
    }
    long after = number(request, "after", 0, Long.MAX_VALUE, 0);
    int limit = (int) number(request, "limit", 1, AuditEntries.PAGE_MAX, LIMIT_DEFAULT);
    Instant afterAt = null;
    if ((since != null || until != null) && after > 0) {
      // A search by time pages in time order, from the time of the last entry read.
      afterAt = entries.at(after).orElseThrow(() -> ApiProblem.invalidField("after",
          "after must be the id of an entry (the last one read, or next_after)"));
    }
    return new AuditQuery(text(request, "actor"), action, entityType, entityId, since, until,
        after, afterAt, limit);
  }

  private static String text(HttpServletRequest request, String name) {
    String value = request.getParameter(name);
    if (value == null) {
      return null;
    }
    if (value.isEmpty()) {
      throw ApiProblem.invalidField(name, name + " must not be empty; leave it out to match"
          + " everything");
    }
    Integer max = CHARS_MAX.get(name);
    if (max != null && value.length() > max) {
      throw ApiProblem.invalidField(name, name + " is at most " + max + " characters");
    }
    return value;
  }

  private static Instant time(HttpServletRequest request, String name) {
    String value = request.getParameter(name);
    return value == null ? null : Timestamps.parse(name, value);
  }

  private static long number(HttpServletRequest request, String name, long min, long max,
      long absent) {
    String value = request.getParameter(name);
    if (value == null) {
      return absent;
    }
    long n;
    try {
      n = Long.parseLong(value);
    } catch (NumberFormatException e) {
      n = min - 1;
    }
    if (n < min || n > max) {
      throw ApiProblem.invalidField(name, name.equals("after")
          ? "after is the id of the last entry read (0 or more)"
          : name + " must be a whole number from " + min + " to " + max);
    }
    return n;
  }

  private AuditEntryView view(AuditEntries.Row r) {
    return new AuditEntryView(r.id(), r.at().toString(), r.actor(), r.action(), r.entityType(),
        r.entityId(), state(r.before()), state(r.after()), r.reason());
  }

  /** A stored state: parsed when it is a JSON object or array, else the text as a string. */
  private JsonNode state(String stored) {
    if (stored == null) {
      return null;
    }
    String t = stored.strip();
    if (t.startsWith("{") || t.startsWith("[")) {
      try {
        JsonNode node = json.readTree(t);
        if (node.isContainer()) {
          return node;
        }
      } catch (JacksonException e) {
        // Text that looks like JSON but is not (a rule's toString, say) is shown as text.
      }
    }
    return json.getNodeFactory().stringNode(stored);
  }
}
