package io.holdfast.core.account;

/** The account's standing on the platform. */
public enum AccountStatus {
  ACTIVE,
  RESTRICTED,
  CLOSED
}
