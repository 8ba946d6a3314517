package io.holdfast.core.intel;

import java.util.Locale;

/**
 * Bitcoin Cash CashAddr addresses ("bitcoincash:q..."), validated with the 40-bit BCH polymod
 * checksum over the prefix and payload. The prefix is optional on input, as in the OFAC list,
 * and always present on output so that both spellings index to one key.
 */
final class CashAddr {
  static final String PREFIX = "bitcoincash";
  private static final int CHECKSUM_CHARS = 8;
  private static final int MAX_LENGTH = 120;
  private static final long[] GENERATOR = {
    0x98f2bc8e61L, 0x79b76d99e2L, 0xf33e5fb3c4L, 0xae2eabe2a8L, 0x1e4f43e470L
  };
  private static final int[] HASH_BITS = {160, 192, 224, 256, 320, 384, 448, 512};

  private CashAddr() {}

  /** True if the address is written as CashAddr rather than as a legacy base58 address. */
  static boolean looksLikeCashAddr(String address) {
    if (address.indexOf(':') >= 0) {
      return true;
    }
    char first = Character.toLowerCase(address.isEmpty() ? ' ' : address.charAt(0));
    return first == 'q' || first == 'p';
  }

  static AddressCheck check(Network network, String address) {
    String lower = address.toLowerCase(Locale.ROOT);
    if (!lower.equals(address) && !address.toUpperCase(Locale.ROOT).equals(address)) {
      return invalid(address, "mixes upper and lower case, which CashAddr forbids");
    }
    int colon = lower.indexOf(':');
    if (colon >= 0 && !lower.substring(0, colon).equals(PREFIX)) {
      return invalid(address, "has a prefix other than \"bitcoincash:\"");
    }
    String payload = lower.substring(colon + 1);
    if (payload.length() > MAX_LENGTH) {
      return invalid(address, "is longer than any CashAddr address");
    }
    int[] data = Bech32.dataPart(payload, 0);
    if (data == null || data.length <= CHECKSUM_CHARS) {
      return invalid(address, "has characters outside the CashAddr set or is too short");
    }
    if (polymod(data) != 0) {
      return invalid(address, "fails the CashAddr checksum");
    }
    int version = (data[0] << 3) | (data[1] >> 2);
    int hashBytes = (data.length - CHECKSUM_CHARS) * 5 / 8 - 1;
    if ((version >> 3) > 1 || HASH_BITS[version & 7] != hashBytes * 8) {
      return invalid(address, "has a version byte that does not match its length");
    }
    return new AddressCheck.Valid(network.name(), PREFIX + ":" + payload, network.indexNetwork());
  }

  private static long polymod(int[] data) {
    long c = 1;
    for (int i = 0; i < PREFIX.length(); i++) {
      c = step(c, PREFIX.charAt(i) & 31);
    }
    c = step(c, 0);
    for (int value : data) {
      c = step(c, value);
    }
    return c ^ 1;
  }

  private static long step(long c, int value) {
    int top = (int) (c >>> 35);
    long next = ((c & 0x07ffffffffL) << 5) ^ value;
    for (int i = 0; i < 5; i++) {
      if (((top >>> i) & 1) != 0) {
        next ^= GENERATOR[i];
      }
    }
    return next;
  }

  private static AddressCheck invalid(String address, String problem) {
    return new AddressCheck.Invalid("address " + address + " for network BCH " + problem
        + ": check for a typo, or give the legacy address starting with 1 or 3");
  }
}
