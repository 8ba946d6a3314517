package io.holdfast.server.audit;

import java.time.Instant;

/**
 * What an audit search asks for; a null filter matches everything. {@code actionPrefix}
 * matches actions starting with it ({@code auth.} finds every sign-in entry); {@code since}
 * is inclusive and {@code until} exclusive. Entries come oldest first, at most {@code limit}
 * of them, after the entry {@code after}: in id order, or, when the search is by time, in
 * time order ({@code at}, then id), from {@code afterAt}, the time of the entry {@code after}.
 */
public record AuditQuery(String actor, String actionPrefix, String entityType, String entityId,
    Instant since, Instant until, long after, Instant afterAt, int limit) {

  public AuditQuery {
    if (after < 0 || limit < 1 || limit > AuditEntries.PAGE_MAX) {
      throw new IllegalArgumentException("after >= 0 and limit from 1 to " + AuditEntries.PAGE_MAX);
    }
    if (entityId != null && entityType == null) {
      throw new IllegalArgumentException("an entity id is searched within its entity type");
    }
    // The parameters, not byTime(): a compact constructor runs before the fields are set.
    boolean byTime = since != null || until != null;
    if ((afterAt != null) != (byTime && after > 0)) {
      throw new IllegalArgumentException("a time search pages after an entry's time and id,"
          + " any other after an id alone");
    }
  }

  /** Whether entries come in time order: when the search has a time bound. */
  public boolean byTime() {
    return since != null || until != null;
  }
}
