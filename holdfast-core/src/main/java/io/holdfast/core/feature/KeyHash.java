package io.holdfast.core.feature;

/**
 * 64-bit FNV-1a hash of a key. Feature state remembers counterparties as hashes rather than
 * strings to keep memory per account small; at 64 bits a collision among the few hundred
 * counterparties one account remembers is vanishingly unlikely.
 */
final class KeyHash {
  private KeyHash() {}

  static long of(String key) {
    long hash = 0xcbf29ce484222325L;
    int length = key.length();
    for (int i = 0; i < length; i++) {
      hash ^= key.charAt(i);
      hash *= 0x100000001b3L;
    }
    return hash == 0 ? 1 : hash;
  }
}
