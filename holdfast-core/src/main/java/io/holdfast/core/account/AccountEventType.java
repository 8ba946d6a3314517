package io.holdfast.core.account;

import java.util.Locale;
import java.util.Optional;

/** Things that happen to an account that matter for scams: security changes and deposits. */
public enum AccountEventType {
  NEW_DEVICE_LOGIN,
  PASSWORD_RESET,
  TWO_FA_CHANGE,
  CONTACT_CHANGE,
  DEPOSIT;

  public String wireName() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static Optional<AccountEventType> byWireName(String name) {
    for (AccountEventType type : values()) {
      if (type.wireName().equals(name)) {
        return Optional.of(type);
      }
    }
    return Optional.empty();
  }
}
