package io.holdfast.core.intel;

import io.holdfast.core.support.Invariants;

/** The result of checking an address for a network: either normalised, or rejected with why. */
public sealed interface AddressCheck {

  /**
   * An address that passed every check its network allows.
   *
   * @param network canonical upper-case network name, e.g. "ETH", or "EVM" when only the format
   *     was known
   * @param address the normalised form, the one to store and to compare
   * @param indexNetwork the key space the address lives in: "EVM" for every EVM chain, because
   *     one key controls the same address on all of them, else the network itself
   */
  record Valid(String network, String address, String indexNetwork) implements AddressCheck {
    public Valid {
      Invariants.check(network != null && !network.isBlank(), "network is required");
      Invariants.check(address != null && !address.isBlank(), "address is required");
      Invariants.check(indexNetwork != null && !indexNetwork.isBlank(), "index network needed");
    }
  }

  /** An address that was rejected; the reason is a sentence a developer can act on. */
  record Invalid(String reason) implements AddressCheck {
    public Invalid {
      Invariants.check(reason != null && !reason.isBlank(), "a rejection needs a reason");
    }
  }
}
