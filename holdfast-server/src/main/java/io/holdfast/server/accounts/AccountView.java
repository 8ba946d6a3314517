package io.holdfast.server.accounts;

import io.holdfast.core.account.AccountProfile;
import java.util.List;
import java.util.Locale;

/** An account as returned by the API. */
public record AccountView(String accountId, String createdAt, String country,
    String dateOfBirth, String ageBand, int kycLevel, List<String> vulnerabilityFlags,
    String status) {

  public static AccountView of(AccountProfile p) {
    return new AccountView(p.accountId(), p.createdAt().toString(), p.country(),
        p.dateOfBirth() == null ? null : p.dateOfBirth().toString(),
        p.ageBand() == null ? null : p.ageBand().label(), p.kycLevel(),
        p.vulnerabilityFlags().stream().sorted().toList(),
        p.status().name().toLowerCase(Locale.ROOT));
  }
}
