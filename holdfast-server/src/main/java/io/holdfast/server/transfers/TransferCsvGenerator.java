package io.holdfast.server.transfers;

import java.io.IOException;
import java.io.Writer;
import java.time.Instant;
import java.util.SplittableRandom;

/**
 * Writes a synthetic import CSV, deterministic for a seed: for measuring the importer and for
 * trying Holdfast without real history. Recipients are platform accounts or lower-case EVM
 * addresses, amounts span several currencies, and times step forward from 2025-01-01.
 */
public final class TransferCsvGenerator {
  public static final long MAX_ROWS = 100_000_000L;
  private static final String[] CURRENCIES = {"USD", "EUR", "USDT", "USDC", "ETH", "BTC"};
  private static final String[] NETWORKS = {"ETH", "BSC", "POLYGON", "ARB"};
  private static final char[] HEX = "0123456789abcdef".toCharArray();
  private static final long START = Instant.parse("2025-01-01T00:00:00Z").getEpochSecond();

  private TransferCsvGenerator() {}

  public static void write(Writer out, long rows, long seed) throws IOException {
    if (rows < 0 || rows > MAX_ROWS) {
      throw new IllegalArgumentException("rows must be 0 to " + MAX_ROWS);
    }
    SplittableRandom random = new SplittableRandom(seed);
    out.write(String.join(",", CsvColumns.REQUIRED));
    out.write('\n');
    StringBuilder line = new StringBuilder(160);
    for (long i = 0; i < rows; i++) {
      line.setLength(0);
      line.append("g").append(seed).append('-').append(i).append(',');
      line.append(Instant.ofEpochSecond(START + i * 7 + random.nextInt(7))).append(',');
      int sender = random.nextInt(200_000);
      line.append("acct-").append(sender).append(',');
      if (random.nextInt(10) < 6) {
        // Never the sender: a transfer to oneself is refused, and the file must import cleanly.
        int recipient = (sender + 1 + random.nextInt(199_999)) % 200_000;
        line.append("acct-").append(recipient).append(",,,");
      } else {
        line.append(",0x");
        for (int h = 0; h < 40; h++) {
          line.append(HEX[random.nextInt(16)]);
        }
        line.append(',').append(NETWORKS[random.nextInt(NETWORKS.length)]).append(',');
      }
      line.append(1 + random.nextLong(5_000_000)).append(',');
      line.append(CURRENCIES[random.nextInt(CURRENCIES.length)]).append('\n');
      out.append(line);
    }
  }
}
