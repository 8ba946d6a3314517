package io.holdfast.core.intel;

import io.holdfast.core.support.Invariants;

/**
 * One accepted line of an intel file: either an address or a platform account, never both.
 *
 * @param line 1-based line number in the file, for tracing an entry back to its source
 * @param address the normalised address, or null for an account entry
 * @param accountId the platform account, or null for an address entry
 * @param note free text from the file's note column, empty if none
 */
public record IntelEntry(int line, AddressCheck.Valid address, String accountId, String note) {
  public IntelEntry {
    Invariants.check(line >= 1, "line numbers start at 1, got %s", line);
    Invariants.check((address == null) != (accountId == null),
        "an intel entry is an address or an account, line %s", line);
    note = note == null ? "" : note;
  }
}
