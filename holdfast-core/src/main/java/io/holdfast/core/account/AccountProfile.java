package io.holdfast.core.account;

import io.holdfast.core.support.Invariants;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Set;

/**
 * What the platform tells Holdfast about one of its accounts. Either a date of birth or an age
 * band may be known (or neither); vulnerability flags are the platform's, recorded with the
 * customer's consent.
 */
public record AccountProfile(
    String accountId,
    Instant createdAt,
    String country,
    LocalDate dateOfBirth,
    AgeBand ageBand,
    int kycLevel,
    Set<String> vulnerabilityFlags,
    AccountStatus status) {

  public static final int SENIOR_AGE_YEARS = 65;

  public AccountProfile {
    Invariants.check(accountId != null && !accountId.isBlank(), "account id is required");
    Invariants.check(createdAt != null, "created_at is required");
    Invariants.check(kycLevel >= 0 && kycLevel <= 9, "kyc level out of range");
    Invariants.check(status != null, "status is required");
    vulnerabilityFlags = Set.copyOf(vulnerabilityFlags == null ? Set.of() : vulnerabilityFlags);
  }

  /** The first instant at which the account holder counts as a senior, or null if unknown. */
  public Instant seniorFrom() {
    if (dateOfBirth != null) {
      return dateOfBirth.plusYears(SENIOR_AGE_YEARS).atStartOfDay(ZoneOffset.UTC).toInstant();
    }
    if (ageBand == AgeBand.FROM_65) {
      return Instant.EPOCH;
    }
    return null;
  }

  public boolean vulnerable() {
    return !vulnerabilityFlags.isEmpty();
  }
}
