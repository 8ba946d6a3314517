package io.holdfast.server.accounts;

import io.holdfast.core.account.AccountProfile;
import io.holdfast.core.account.AccountStatus;
import io.holdfast.core.account.AgeBand;
import io.holdfast.server.screening.TransferParser;
import io.holdfast.server.web.ApiProblem;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** Validates an account body into an {@link AccountProfile}, or refuses it by field. */
final class AccountParser {
  static final Set<String> FLAGS =
      Set.of("age", "bereavement", "cognitive", "financial_difficulty", "health", "other");

  private AccountParser() {}

  static AccountProfile parse(String accountId, AccountBody body, TransferParser times) {
    if (body.createdAt() == null) {
      throw ApiProblem.invalidField("created_at", "created_at is required");
    }
    var createdAt = times.createdAt(body.createdAt());
    String country = body.country();
    if (country != null && !country.matches("[A-Z]{2}")) {
      throw ApiProblem.invalidField("country", "country must be ISO 3166-1 alpha-2, like GB");
    }
    LocalDate dateOfBirth = dateOfBirth(body.dateOfBirth());
    AgeBand band = null;
    if (body.ageBand() != null) {
      band = AgeBand.byLabel(body.ageBand()).orElseThrow(() -> ApiProblem.invalidField(
          "age_band", "age_band must be one of under-18, 18-24, 25-34, 35-44, 45-54, 55-64, 65+"));
    }
    int kyc = body.kycLevel() == null ? 0 : body.kycLevel();
    if (kyc < 0 || kyc > 9) {
      throw ApiProblem.invalidField("kyc_level", "kyc_level must be 0 to 9");
    }
    return new AccountProfile(accountId, createdAt, country, dateOfBirth, band, kyc,
        flags(body.vulnerabilityFlags()), status(body.status()));
  }

  private static LocalDate dateOfBirth(String text) {
    if (text == null) {
      return null;
    }
    try {
      LocalDate date = LocalDate.parse(text);
      if (date.getYear() < 1890 || date.isAfter(LocalDate.of(2100, 1, 1))) {
        throw ApiProblem.invalidField("date_of_birth", "date_of_birth is out of range");
      }
      return date;
    } catch (DateTimeParseException e) {
      throw ApiProblem.invalidField("date_of_birth", "date_of_birth must be YYYY-MM-DD");
    }
  }

  private static Set<String> flags(List<String> flags) {
    if (flags == null) {
      return Set.of();
    }
    if (flags.size() > FLAGS.size()) {
      throw ApiProblem.invalidField("vulnerability_flags", "too many vulnerability flags");
    }
    Set<String> out = new LinkedHashSet<>();
    for (String flag : flags) {
      if (flag == null || !FLAGS.contains(flag)) {
        throw ApiProblem.invalidField("vulnerability_flags",
            "unknown vulnerability flag '" + flag + "'; known: " + FLAGS);
      }
      out.add(flag);
    }
    return out;
  }

  private static AccountStatus status(String text) {
    if (text == null) {
      return AccountStatus.ACTIVE;
    }
    try {
      return AccountStatus.valueOf(text.toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw ApiProblem.invalidField("status", "status must be active, restricted or closed");
    }
  }
}
