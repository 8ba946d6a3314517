package io.holdfast.server.audit;

import java.util.List;

/**
 * A page of audit entries, oldest first (by id, or by time for a search with since or until).
 * {@code nextAfter} is the cursor of the next page (pass it as {@code after}, with the same
 * filters); it is absent on the last page, and a client following the log keeps the last
 * entry's id and asks again later.
 */
public record AuditPage(List<AuditEntryView> items, Long nextAfter) {}
