package io.holdfast.core.transfer;

import io.holdfast.core.support.Invariants;

/** Who receives a transfer: an account on the platform, or an address on a chain. */
public sealed interface Counterparty {
  /** A stable key for feature state and indexes; accounts and addresses never collide. */
  String key();

  /** An account held on the platform itself. */
  record PlatformAccount(String accountId) implements Counterparty {
    public PlatformAccount {
      Invariants.check(accountId != null && !accountId.isBlank(), "account id is required");
    }

    @Override
    public String key() {
      return "a:" + accountId;
    }
  }

  /** An address on an external network, already normalised for that network. */
  record ExternalAddress(String network, String address) implements Counterparty {
    public ExternalAddress {
      Invariants.check(network != null && !network.isBlank(), "network is required");
      Invariants.check(address != null && !address.isBlank(), "address is required");
    }

    @Override
    public String key() {
      return "x:" + network + ":" + address;
    }
  }

  static String accountKey(String accountId) {
    return "a:" + accountId;
  }

  /** The counterparty a {@link #key()} was made from. */
  static Counterparty fromKey(String key) {
    if (key.startsWith("a:")) {
      return new PlatformAccount(key.substring(2));
    }
    Invariants.check(key.startsWith("x:"), "not a counterparty key: %s", key);
    int colon = key.indexOf(':', 2);
    Invariants.check(colon > 2, "not an address key: %s", key);
    return new ExternalAddress(key.substring(2, colon), key.substring(colon + 1));
  }
}
