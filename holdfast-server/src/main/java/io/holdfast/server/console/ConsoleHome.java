package io.holdfast.server.console;

/** What waits for the people on shift: the home page's counts. */
public record ConsoleHome(long heldPayments, long underInvestigation, long openCalls,
    long unclaimedCalls, long awaitingSecondPerson) {}
