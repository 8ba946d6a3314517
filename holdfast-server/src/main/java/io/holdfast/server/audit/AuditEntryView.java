package io.holdfast.server.audit;

import tools.jackson.databind.JsonNode;

/**
 * One audit entry as the audit API shows it. {@code before} and {@code after} are the states
 * the change went from and to: a JSON object or array when the state was stored as one, else
 * the stored text as a string (many states are a word, such as {@code OPEN}); absent when the
 * entry has none.
 */
public record AuditEntryView(
    long id,
    String at,
    String actor,
    String action,
    String entityType,
    String entityId,
    JsonNode before,
    JsonNode after,
    String reason) {}
