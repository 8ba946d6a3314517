package io.holdfast.core.simulation;

import java.util.SplittableRandom;

/** External addresses for the simulated world: lower-case EVM addresses, valid on ETH. */
final class Addresses {
  private static final char[] HEX = "0123456789abcdef".toCharArray();

  private Addresses() {}

  static String evm(SplittableRandom random) {
    char[] address = new char[42];
    address[0] = '0';
    address[1] = 'x';
    for (int i = 2; i < address.length; i++) {
      address[i] = HEX[random.nextInt(16)];
    }
    return new String(address);
  }
}
