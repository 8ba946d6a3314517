package io.holdfast.server.console;

import io.holdfast.server.cases.CaseRows;
import io.holdfast.server.cases.CaseTimeline;

/**
 * A case as its console page shows it: the case, how many reports it gathers, its timeline
 * (the record {@code GET /v1/cases/{id}/timeline} answers), and the scammer it was declared,
 * if it was (null otherwise), whose graph the page links to.
 */
public record ConsoleCase(CaseRows.CaseRow row, long reports, long openFreezes,
    long heldToSubject, CaseTimeline timeline, String scammerId) {}
