package io.holdfast.core.intel;

import java.util.Locale;
import java.util.Optional;

/**
 * Validates and normalises blockchain addresses, so that the same address always produces the
 * same index key however an operator or a data file spelled it. Every rejection carries a reason
 * a developer can act on; nothing here throws on bad input.
 */
public final class AddressNormalizer {
  /** Longer input is rejected before any decoding, which keeps the work per call bounded. */
  public static final int MAX_INPUT_CHARS = 200;

  private static final char BYTE_ORDER_MARK = '\uFEFF';

  private AddressNormalizer() {}

  /** Checks an address for a network given by canonical name or alias, in any case. */
  public static AddressCheck normalize(String network, String raw) {
    if (network == null || network.length() > MAX_INPUT_CHARS) {
      return new AddressCheck.Invalid("a network is required (at most " + MAX_INPUT_CHARS
          + " characters); known networks: " + Network.knownNames());
    }
    Optional<Network> known = Network.parse(clean(network));
    if (known.isEmpty()) {
      return new AddressCheck.Invalid("unknown network " + clean(network) + "; known: "
          + Network.knownNames());
    }
    return normalize(known.get(), raw);
  }

  /** Checks an address for a known network. */
  public static AddressCheck normalize(Network network, String raw) {
    if (raw == null || raw.length() > MAX_INPUT_CHARS) {
      return new AddressCheck.Invalid("the address for network " + network.name()
          + " is missing or longer than " + MAX_INPUT_CHARS + " characters: send one address");
    }
    String address = clean(raw);
    if (address.isEmpty()) {
      return new AddressCheck.Invalid("the address for network " + network.name()
          + " is empty: send the address itself");
    }
    AddressCheck check = dispatch(network, address);
    if (check instanceof AddressCheck.Invalid invalid && network.family() == Network.Family.EVM) {
      // Naming the network an address really belongs to turns a puzzle into a one-line fix.
      Optional<AddressCheck.Valid> other = detectClean(address);
      if (other.isPresent() && !other.get().indexNetwork().equals("EVM")) {
        return new AddressCheck.Invalid("address " + address + " is not a " + network.name()
            + " address: it looks like an address for " + other.get().network()
            + "; check which network the address belongs to");
      }
      return invalid;
    }
    return check;
  }

  /**
   * Recognises an address whose network is not given, as in intel files listing a token's
   * addresses. Only formats that cannot be confused are recognised: EVM (network "EVM"), TRX
   * base58check, and Bitcoin (bc1, 1 or 3); anything else is empty.
   */
  public static Optional<AddressCheck.Valid> detect(String raw) {
    if (raw == null || raw.length() > MAX_INPUT_CHARS) {
      return Optional.empty();
    }
    return detectClean(clean(raw));
  }

  private static Optional<AddressCheck.Valid> detectClean(String address) {
    AddressCheck check;
    if (address.startsWith("0x") || address.startsWith("0X")) {
      check = checkEvm(Network.EVM, address);
    } else if (address.startsWith("T")) {
      check = Base58Formats.checkVersioned(Network.TRX, address);
    } else if (Bech32.looksLikeSegwit(Network.BTC, address)
        || address.startsWith("1") || address.startsWith("3")) {
      check = dispatch(Network.BTC, address);
    } else {
      return Optional.empty();
    }
    return check instanceof AddressCheck.Valid valid ? Optional.of(valid) : Optional.empty();
  }

  private static AddressCheck dispatch(Network network, String address) {
    return switch (network.family()) {
      case EVM -> checkEvm(network, address);
      case RIPPLE -> Base58Formats.checkVersioned(network, address);
      case SOLANA -> Base58Formats.checkSolana(network, address);
      case MONERO -> Base58Formats.checkMonero(network, address);
      case BASE58CHECK -> {
        if (Bech32.looksLikeSegwit(network, address)) {
          yield Bech32.check(network, address);
        }
        if (network == Network.BCH && CashAddr.looksLikeCashAddr(address)) {
          yield CashAddr.check(network, address);
        }
        yield Base58Formats.checkVersioned(network, address);
      }
    };
  }

  /**
   * EVM addresses are 0x and 40 hex digits. Case carries no meaning except as an EIP-55
   * checksum, so single-case input is taken as is and mixed case must pass the checksum. The
   * normal form is lower case.
   */
  private static AddressCheck checkEvm(Network network, String address) {
    boolean prefixed = address.startsWith("0x") || address.startsWith("0X");
    if (!prefixed || address.length() != 42 || !isAsciiHex(address, 2)) {
      return new AddressCheck.Invalid("address " + address + " for network " + network.name()
          + " is not 0x followed by 40 hex digits: check that it was copied whole");
    }
    String hex = address.substring(2);
    String lower = hex.toLowerCase(Locale.ROOT);
    boolean singleCase = hex.equals(lower) || hex.equals(hex.toUpperCase(Locale.ROOT));
    if (!singleCase && !Eip55.matches(hex)) {
      return new AddressCheck.Invalid("address " + address + " fails the EIP-55 checksum for"
          + " network " + network.name() + ": check for a typo or send it in lower case");
    }
    return new AddressCheck.Valid(network.name(), "0x" + lower, network.indexNetwork());
  }

  static boolean isAsciiHex(String text, int from) {
    for (int i = from; i < text.length(); i++) {
      char c = text.charAt(i);
      boolean hex = (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
      if (!hex) {
        return false;
      }
    }
    return true;
  }

  /** Strips whitespace, control characters and byte order marks from both ends. */
  static String clean(String raw) {
    int start = 0;
    int end = raw.length();
    while (start < end && isPadding(raw.charAt(start))) {
      start++;
    }
    while (end > start && isPadding(raw.charAt(end - 1))) {
      end--;
    }
    return raw.substring(start, end);
  }

  private static boolean isPadding(char c) {
    return c == BYTE_ORDER_MARK || c <= ' ' || Character.isWhitespace(c)
        || Character.isSpaceChar(c);
  }
}
