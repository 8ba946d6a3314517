package io.holdfast.core.intel;

import io.holdfast.core.support.Invariants;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;

/** Base58 decoding for one alphabet, plus the double SHA-256 checksum of base58check. */
final class Base58 {
  static final Base58 BITCOIN =
      new Base58("123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz");
  static final Base58 RIPPLE =
      new Base58("rpshnaf39wBUDNEGHJKLM4PQRST7VWXYZ2bcdeCg65jkm8oFqi1tuvAxyz");

  /** Decoding is quadratic in the input, so inputs are bounded before any work is done. */
  static final int MAX_CHARS = 200;

  private static final int CHECKSUM_BYTES = 4;

  private final String alphabet;
  private final int[] indexes = new int[128];

  private Base58(String alphabet) {
    Invariants.check(alphabet.length() == 58, "a base58 alphabet has 58 characters");
    this.alphabet = alphabet;
    Arrays.fill(indexes, -1);
    for (int i = 0; i < alphabet.length(); i++) {
      indexes[alphabet.charAt(i)] = i;
    }
  }

  /** True if every character of the text is in this alphabet. */
  boolean isAlphabet(String text) {
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c >= 128 || indexes[c] < 0) {
        return false;
      }
    }
    return true;
  }

  /** Decodes the text to bytes, or returns null if it holds a character outside the alphabet. */
  byte[] decode(String text) {
    Invariants.check(text.length() <= MAX_CHARS, "base58 input longer than %s", MAX_CHARS);
    if (!isAlphabet(text)) {
      return null;
    }
    int zeros = 0;
    while (zeros < text.length() && text.charAt(zeros) == alphabet.charAt(0)) {
      zeros++;
    }
    // log(58) / log(256) is about 0.733, so this many bytes always hold the number.
    byte[] number = new byte[text.length() * 733 / 1000 + 1];
    int used = 0;
    for (int i = zeros; i < text.length(); i++) {
      int carry = indexes[text.charAt(i)];
      int written = 0;
      for (int k = number.length - 1; (carry != 0 || written < used) && k >= 0; k--) {
        carry += 58 * (number[k] & 0xff);
        number[k] = (byte) (carry & 0xff);
        carry >>>= 8;
        written++;
      }
      Invariants.check(carry == 0, "base58 buffer too small");
      used = written;
    }
    byte[] result = new byte[zeros + used];
    System.arraycopy(number, number.length - used, result, zeros, used);
    return result;
  }

  /** True if the last four bytes are the first four of the double SHA-256 of the rest. */
  static boolean checksumMatches(byte[] decoded) {
    if (decoded.length <= CHECKSUM_BYTES) {
      return false;
    }
    int bodyLength = decoded.length - CHECKSUM_BYTES;
    byte[] hash = sha256(sha256(Arrays.copyOf(decoded, bodyLength)));
    for (int i = 0; i < CHECKSUM_BYTES; i++) {
      if (hash[i] != decoded[bodyLength + i]) {
        return false;
      }
    }
    return true;
  }

  private static byte[] sha256(byte[] data) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(data);
    } catch (NoSuchAlgorithmException e) {
      // Every Java platform is required to ship SHA-256, so this is a broken runtime.
      throw new IllegalStateException("SHA-256 is not available", e);
    }
  }
}
