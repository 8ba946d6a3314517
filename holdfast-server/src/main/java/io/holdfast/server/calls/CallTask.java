package io.holdfast.server.calls;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;

/**
 * A call or chat task as the agents' queue shows it, in the API and the console alike. Empty
 * values are written as nulls, as platforms have always read them (an unclaimed task's
 * {@code assigned_to} is null).
 */
@JsonInclude(JsonInclude.Include.ALWAYS)
public record CallTask(String taskId, String holdId, String accountId, String reason,
    String script, int priority, Instant dueAt, String kind, String source, String scamType,
    Instant slaAt, String assignedTo, Instant claimedAt, boolean slaBreached,
    int reassignments) {

  /** True when nobody has claimed the task. */
  public boolean unclaimed() {
    return assignedTo == null;
  }
}
