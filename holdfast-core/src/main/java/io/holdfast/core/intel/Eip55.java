package io.holdfast.core.intel;

import io.holdfast.core.support.Invariants;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import org.bouncycastle.crypto.digests.KeccakDigest;

/**
 * EIP-55 mixed-case checksums for EVM addresses: a hex letter is upper case exactly when the
 * matching nibble of the Keccak-256 hash of the lower-case hex is 8 or more.
 */
final class Eip55 {
  private Eip55() {}

  /** The EIP-55 form of 40 lower-case hex digits (without the 0x prefix). */
  static String checksummed(String lowerHex) {
    Invariants.check(lowerHex.length() == 40, "an EVM address has 40 hex digits");
    byte[] hash = keccak256(lowerHex.getBytes(StandardCharsets.US_ASCII));
    StringBuilder out = new StringBuilder(42).append("0x");
    for (int i = 0; i < 40; i++) {
      char c = lowerHex.charAt(i);
      int nibble = (hash[i / 2] >> (i % 2 == 0 ? 4 : 0)) & 0xf;
      out.append(c >= 'a' && c <= 'f' && nibble >= 8 ? Character.toUpperCase(c) : c);
    }
    return out.toString();
  }

  /** True if 40 hex digits of mixed case carry a correct EIP-55 checksum. */
  static boolean matches(String hex) {
    String expected = checksummed(hex.toLowerCase(Locale.ROOT));
    return expected.regionMatches(2, hex, 0, 40);
  }

  static byte[] keccak256(byte[] data) {
    KeccakDigest digest = new KeccakDigest(256);
    digest.update(data, 0, data.length);
    byte[] out = new byte[32];
    digest.doFinal(out, 0);
    return out;
  }
}
