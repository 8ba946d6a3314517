package io.holdfast.core.intel;

import java.util.Locale;

/**
 * Native segwit addresses (BIP-173 bech32 for witness version 0, BIP-350 bech32m for version 1
 * and later). Validation covers the character set, case, checksum, witness version and program
 * length; a valid address normalises to lower case, which is how wallets print it.
 */
final class Bech32 {
  static final String CHARSET = "qpzry9x8gf2tvdw0s3jn54khce6mua7l";
  private static final int BECH32_CONST = 1;
  private static final int BECH32M_CONST = 0x2bc830a3;
  private static final int MAX_LENGTH = 90;
  private static final int CHECKSUM_CHARS = 6;
  private static final int[] GENERATOR = {
    0x3b6a57b2, 0x26508e6d, 0x1ea119fa, 0x3d4233dd, 0x2a1462b3
  };

  private Bech32() {}

  /** True if the address starts with the network's segwit prefix, in either case. */
  static boolean looksLikeSegwit(Network network, String address) {
    String hrp = network.bech32Prefix();
    return hrp != null && address.regionMatches(true, 0, hrp + "1", 0, hrp.length() + 1);
  }

  static AddressCheck check(Network network, String address) {
    String hrp = network.bech32Prefix();
    String lower = address.toLowerCase(Locale.ROOT);
    if (!lower.equals(address) && !address.toUpperCase(Locale.ROOT).equals(address)) {
      return invalid(address, network, "mixes upper and lower case, which bech32 forbids");
    }
    if (address.length() > MAX_LENGTH) {
      return invalid(address, network, "is longer than the 90 characters bech32 allows");
    }
    int[] data = dataPart(lower, hrp.length() + 1);
    if (data == null || data.length < CHECKSUM_CHARS + 1) {
      return invalid(address, network, "has characters outside the bech32 set or is too short");
    }
    int witnessVersion = data[0];
    int expected = witnessVersion == 0 ? BECH32_CONST : BECH32M_CONST;
    if (polymod(hrp, data) != expected) {
      return invalid(address, network, "fails the bech32 checksum (witness version "
          + witnessVersion + " uses " + (witnessVersion == 0 ? "bech32" : "bech32m") + ")");
    }
    int programBytes = programLength(data);
    if (witnessVersion > 16 || programBytes < 2 || programBytes > 40
        || (witnessVersion == 0 && programBytes != 20 && programBytes != 32)) {
      return invalid(address, network, "has witness version " + witnessVersion
          + " with a program of " + programBytes + " bytes, which no segwit output uses");
    }
    return new AddressCheck.Valid(network.name(), lower, network.indexNetwork());
  }

  /** The 5-bit values after the separator, or null if a character is not in the charset. */
  static int[] dataPart(String lower, int start) {
    int[] data = new int[lower.length() - start];
    for (int i = 0; i < data.length; i++) {
      int value = CHARSET.indexOf(lower.charAt(start + i));
      if (value < 0) {
        return null;
      }
      data[i] = value;
    }
    return data;
  }

  private static int polymod(String hrp, int[] data) {
    int chk = 1;
    for (int i = 0; i < hrp.length(); i++) {
      chk = step(chk, hrp.charAt(i) >> 5);
    }
    chk = step(chk, 0);
    for (int i = 0; i < hrp.length(); i++) {
      chk = step(chk, hrp.charAt(i) & 31);
    }
    for (int value : data) {
      chk = step(chk, value);
    }
    return chk;
  }

  private static int step(int chk, int value) {
    int top = chk >>> 25;
    int next = ((chk & 0x1ffffff) << 5) ^ value;
    for (int i = 0; i < 5; i++) {
      if (((top >>> i) & 1) != 0) {
        next ^= GENERATOR[i];
      }
    }
    return next;
  }

  /**
   * The witness program's length in bytes, regrouping the 5-bit values between the version and
   * the checksum into bytes; -1 if the padding is not the zero bits BIP-173 requires.
   */
  private static int programLength(int[] data) {
    int bits = (data.length - 1 - CHECKSUM_CHARS) * 5;
    int padding = bits % 8;
    int lastValue = data[data.length - 1 - CHECKSUM_CHARS];
    if (padding > 4 || (lastValue & ((1 << padding) - 1)) != 0) {
      return -1;
    }
    return bits / 8;
  }

  private static AddressCheck invalid(String address, Network network, String problem) {
    return new AddressCheck.Invalid("address " + address + " for network " + network.name() + " "
        + problem + ": check for a typo or copy the address again from its source");
  }
}
