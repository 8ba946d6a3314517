package io.holdfast.app.backtest;

import io.holdfast.core.account.AccountEventType;
import io.holdfast.core.account.AccountProfile;
import io.holdfast.core.account.AccountStatus;
import io.holdfast.core.account.AgeBand;
import io.holdfast.core.feature.FeatureStore;
import io.holdfast.core.money.Currency;
import io.holdfast.core.money.CurrencyCatalog;
import io.holdfast.core.money.Money;
import io.holdfast.core.transfer.Counterparty;
import io.holdfast.core.transfer.Transfer;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Reads a world written by `holdfast simulate`: accounts into the feature store, then events and
 * transfers merged in time order, each transfer handed on with its ground truth. The files are
 * the simulator's own, comma-separated without quoting, so a split is enough.
 */
final class WorldFiles {
  /** A transfer from the file, and whether it was scam money and how much it was in cents. */
  record Labelled(Transfer transfer, boolean scam, boolean honest) {}

  static final long ROWS_MAX = 50_000_000L;

  private WorldFiles() {}

  static Map<String, String[]> truth(Path file) throws IOException {
    Map<String, String[]> truth = new HashMap<>();
    try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      in.readLine();
      String line;
      for (long n = 0; (line = in.readLine()) != null && n < ROWS_MAX; n++) {
        String[] f = line.split(",", -1);
        truth.put(f[0], f);
      }
    }
    return truth;
  }

  static void accounts(Path file, FeatureStore features) throws IOException {
    try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      in.readLine();
      String line;
      for (long n = 0; (line = in.readLine()) != null && n < ROWS_MAX; n++) {
        String[] f = line.split(",", -1);
        features.putProfile(new AccountProfile(f[0], Instant.parse(f[1]),
            f[2].isEmpty() ? null : f[2], null, AgeBand.byLabel(f[3]).orElse(null),
            Integer.parseInt(f[4]), Boolean.parseBoolean(f[5]) ? Set.of("other") : Set.of(),
            AccountStatus.ACTIVE));
      }
    }
  }

  /** Replays events and transfers in time order; {@code sink} sees each transfer once. */
  static long replay(Path events, Path transfers, Map<String, String[]> truth,
      FeatureStore features, Consumer<Labelled> sink) throws IOException {
    Currency usd = CurrencyCatalog.defaults().find("USD").orElseThrow();
    long count = 0;
    try (BufferedReader ev = Files.newBufferedReader(events, StandardCharsets.UTF_8);
        BufferedReader tr = Files.newBufferedReader(transfers, StandardCharsets.UTF_8)) {
      ev.readLine();
      tr.readLine();
      String[] e = next(ev);
      String[] t = next(tr);
      while (t != null && count < ROWS_MAX) {
        if (e != null && !Instant.parse(e[3]).isAfter(Instant.parse(t[1]))) {
          features.recordEvent(e[1], AccountEventType.byWireName(e[2]).orElseThrow(),
              Instant.parse(e[3]), Long.parseLong(e[5]));
          e = next(ev);
          continue;
        }
        Counterparty to = t[3].isEmpty() ? new Counterparty.ExternalAddress(t[5], t[4])
            : new Counterparty.PlatformAccount(t[3]);
        Transfer transfer = new Transfer(t[0], t[2], to, new Money(Long.parseLong(t[6]), usd),
            t[8], Instant.parse(t[1]));
        String[] truthRow = truth.get(t[0]);
        boolean scam = truthRow != null && !truthRow[1].isEmpty();
        boolean laundering = truthRow != null && Boolean.parseBoolean(truthRow[3]);
        sink.accept(new Labelled(transfer, scam, !scam && !laundering));
        features.recordTransfer(transfer, transfer.amount().usdCents());
        count++;
        t = next(tr);
      }
    }
    return count;
  }

  private static String[] next(BufferedReader in) throws IOException {
    String line = in.readLine();
    return line == null ? null : line.split(",", -1);
  }
}
