package io.holdfast.server.intel;

import io.holdfast.core.intel.IntelList;
import io.holdfast.core.intel.LineRejection;
import io.holdfast.core.intel.ParseResult;
import io.holdfast.core.screening.Outcome;
import io.holdfast.server.store.AuditRows;
import io.holdfast.server.web.ApiProblem;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Writes intel lists and their entries with their audit records, for the API and the command
 * line alike. Every method must run inside the caller's transaction; updating the in-memory
 * index is the caller's business, after commit.
 */
public final class IntelImporter {
  private final IntelStore store;
  private final JdbcTemplate jdbc;
  private final Clock clock;

  /** What adding entries did; rejections and notices carry line numbers. */
  public record Report(String list, boolean listCreated, long added, long alreadyPresent,
      List<LineRejection> rejected, List<LineRejection> notices) {}

  public IntelImporter(IntelStore store, JdbcTemplate jdbc, Clock clock) {
    this.store = store;
    this.jdbc = jdbc;
    this.clock = clock;
  }

  /** BLOCK for sanctions lists, whose whole point is that no payment goes through; else HOLD. */
  public static Outcome defaultAction(String listName) {
    String lower = listName.toLowerCase(Locale.ROOT);
    return lower.contains("ofac") || lower.contains("sanction") ? Outcome.BLOCK : Outcome.HOLD;
  }

  /** Creates a list or changes it; returns the list before, empty if it was created. */
  public Optional<IntelList> putList(IntelList list, String actor) {
    Optional<IntelList> before = store.findForUpdate(list.name());
    if (before.isPresent() && before.get().equals(list)) {
      return before;
    }
    if (before.isPresent()) {
      store.updateList(list);
    } else {
      store.insertList(list, clock.instant());
    }
    AuditRows.insert(jdbc, clock.instant(), actor,
        before.isPresent() ? "intel_list.updated" : "intel_list.created", "intel_list",
        list.name(), state(list), null);
    return before;
  }

  /**
   * Adds the accepted entries of a parsed file to a list, creating the list with
   * {@code actionIfNew} when it does not exist (or refusing with 404 when that is null).
   */
  public Report addEntries(String listName, Outcome actionIfNew, ParseResult parsed,
      String actor, String source) {
    Optional<IntelList> list = store.findForUpdate(listName);
    boolean created = false;
    if (list.isEmpty()) {
      if (actionIfNew == null) {
        throw ApiProblem.notFound("intel list " + listName + " (create it with PUT first)");
      }
      putList(new IntelList(listName, actionIfNew, "imported from " + source), actor);
      created = true;
    }
    Instant now = clock.instant();
    long added = store.insertEntries(listName, parsed.entries(), now);
    long present = parsed.entries().size() - added;
    AuditRows.insert(jdbc, now, actor, "intel.imported", "intel_list", listName,
        "{\"added\":" + added + ",\"already_present\":" + present + ",\"rejected\":"
            + parsed.rejections().size() + "}", abbreviate("from " + source));
    return new Report(listName, created, added, present, parsed.rejections(), parsed.notices());
  }

  static String state(IntelList list) {
    return "{\"action\":\"" + list.action() + "\",\"description\":\""
        + list.description().replace("\\", "\\\\").replace("\"", "\\\"") + "\"}";
  }

  private static String abbreviate(String s) {
    return s.length() > 1000 ? s.substring(0, 1000) : s;
  }
}
