package io.holdfast.core.intel;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Checks for the networks whose addresses are written in base58: versioned, Solana, Monero. */
final class Base58Formats {
  private static final int HASH_BYTES = 20;
  private static final int CHECKSUM_BYTES = 4;
  private static final int SOLANA_KEY_BYTES = 32;

  private Base58Formats() {}

  /**
   * Base58check addresses: a version prefix, a 20-byte hash and a 4-byte checksum. The version
   * must be one the network uses, which is how a Bitcoin address sent as Litecoin is caught.
   */
  static AddressCheck checkVersioned(Network network, String address) {
    Base58 alphabet = network.family() == Network.Family.RIPPLE ? Base58.RIPPLE : Base58.BITCOIN;
    byte[] decoded = alphabet.decode(address);
    if (decoded == null) {
      return invalid(address, network, "has characters outside the base58 alphabet"
          + " (0, O, I and l are never used)");
    }
    int expectedLength = network.versionLength() + HASH_BYTES + CHECKSUM_BYTES;
    if (decoded.length != expectedLength) {
      return invalid(address, network, "decodes to " + decoded.length + " bytes where a "
          + network.name() + " address decodes to " + expectedLength);
    }
    if (!Base58.checksumMatches(decoded)) {
      return invalid(address, network, "fails the base58check checksum");
    }
    int version = version(decoded, network.versionLength());
    if (!network.acceptsVersion(version)) {
      return wrongVersion(network, address, version);
    }
    return new AddressCheck.Valid(network.name(), address, network.indexNetwork());
  }

  private static AddressCheck wrongVersion(Network network, String address, int version) {
    List<String> owners = new ArrayList<>();
    for (Network other : Network.values()) {
      if (other.family() == network.family()
          && other.versionLength() == network.versionLength()
          && other.acceptsVersion(version)) {
        owners.add(other.name());
      }
    }
    String hex = String.format("0x%02X", version);
    if (owners.isEmpty()) {
      return invalid(address, network, "has version " + hex + ", which " + network.name()
          + " does not use");
    }
    return new AddressCheck.Invalid("address " + address + " is not a " + network.name()
        + " address: its version " + hex + " looks like an address for "
        + String.join(" or ", owners) + "; check which network the address belongs to");
  }

  /** Solana addresses are base58 public keys: any 32 bytes, with no checksum to verify. */
  static AddressCheck checkSolana(Network network, String address) {
    byte[] decoded = Base58.BITCOIN.decode(address);
    if (decoded == null || decoded.length != SOLANA_KEY_BYTES) {
      return invalid(address, network, "is not base58 text that decodes to a 32-byte key");
    }
    return new AddressCheck.Valid(network.name(), address, network.indexNetwork());
  }

  /**
   * Monero addresses are checked for length, leading character and alphabet only. Monero base58
   * encodes 8-byte blocks separately and its checksum is Keccak-256 over the decoded bytes;
   * verifying it needs that block decoder, which no supported intel source has required, so a
   * typo that keeps the alphabet passes. Screening still compares exact strings, so a typo can
   * only cause a missed match, never a false one.
   *
   * <p>OFAC also lists XMR identifiers written as 64 hex digits, which are not addresses (they
   * look like transaction ids or keys). They are accepted, lower-cased, so that the published
   * list loads whole and a transfer quoting the same identifier still matches.
   */
  static AddressCheck checkMonero(Network network, String address) {
    if (address.length() == 64 && AddressNormalizer.isAsciiHex(address, 0)) {
      return new AddressCheck.Valid(network.name(), address.toLowerCase(Locale.ROOT),
          network.indexNetwork());
    }
    char first = address.charAt(0);
    boolean standard = address.length() == 95 && (first == '4' || first == '8');
    boolean integrated = address.length() == 106 && first == '4';
    if (!(standard || integrated)) {
      return invalid(address, network, "is not 95 characters starting with 4 or 8, nor a"
          + " 106-character integrated address starting with 4");
    }
    if (!Base58.BITCOIN.isAlphabet(address)) {
      return invalid(address, network, "has characters outside the base58 alphabet");
    }
    return new AddressCheck.Valid(network.name(), address, network.indexNetwork());
  }

  static int version(byte[] decoded, int versionLength) {
    int version = 0;
    for (int i = 0; i < versionLength; i++) {
      version = (version << 8) | (decoded[i] & 0xff);
    }
    return version;
  }

  static AddressCheck invalid(String address, Network network, String problem) {
    return new AddressCheck.Invalid("address " + address + " for network " + network.name() + " "
        + problem + ": check for a typo or copy the address again from its source");
  }
}
