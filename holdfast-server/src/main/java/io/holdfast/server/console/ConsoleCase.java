package io.holdfast.server.console;

import io.holdfast.server.cases.CaseRows;

/** A case as its console page shows it: the case, and how many reports it gathers. */
public record ConsoleCase(CaseRows.CaseRow row, long reports, long openFreezes,
    long heldToSubject) {}
