package io.holdfast.server.console;

import java.time.Instant;

/** A request waiting for a second person: what, who asked, when and why. */
public record Approval(String kind, String caseId, String subjectKey, String scamType,
    String requestedBy, Instant requestedAt, String note) {}
