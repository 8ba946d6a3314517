package io.holdfast.app;

import io.holdfast.core.graph.SweepBounds;
import io.holdfast.core.graph.SweepResult;
import io.holdfast.core.graph.Victim;
import io.holdfast.core.graph.VictimSweep;
import io.holdfast.core.intel.AddressCheck;
import io.holdfast.core.intel.AddressNormalizer;
import io.holdfast.server.graph.SqlTransferGraph;
import io.holdfast.server.store.StoreConnection;
import io.holdfast.server.web.Ids;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * Sweeps a file of scammers over the stored transfer graph and writes every victim found, the
 * same walk the server's sweeps make (core {@link VictimSweep} over {@link SqlTransferGraph}),
 * without opening outreach: an export for investigators, or a dry run before declaring the
 * scammers through the API. Works on the embedded store or PostgreSQL, with or without a server
 * running on it.
 */
@Command(name = "sweep", mixinStandardHelpOptions = true,
    description = {"Find every account that paid the scammers in FILE (one a line: an account"
        + " id, an address with its network as NETWORK:address, a Tron or Bitcoin address, or"
        + " a counterparty key a:<id> / x:<NETWORK>:<address>; # starts a comment)"
        + " and write victim_account,scammer,amount_minor,currency,first_paid_at,"
        + "last_paid_at,hops to --out.",
        "hops: 0 paid the scammer itself; 1 or more paid a mule or an account sharing its"
            + " devices, that many links from the scammer.",
        "Exit codes: 0 done, 3 some lines of FILE were not scammers (the rest were swept),"
            + " 2 unreadable FILE or bad option, 1 store error."})
public class SweepCommand implements Callable<Integer> {
  static final String HEADER = "victim_account,scammer,amount_minor,currency,first_paid_at,"
      + "last_paid_at,hops";
  /** A bound on one run; a larger list is split into several files. */
  static final int SCAMMERS_MAX = 10_000;

  @Option(names = "--scammers", required = true, paramLabel = "FILE",
      description = "the scammers, one a line")
  Path scammers;

  @Option(names = "--since", paramLabel = "ISO-DATE",
      description = "first day of the window, e.g. 2026-01-31 (default: 180 days ago)")
  String since;

  @Option(names = "--until", paramLabel = "ISO-DATE",
      description = "end of the window, exclusive (default: now)")
  String until;

  @Option(names = "--depth", defaultValue = "2",
      description = "links from each scammer to mules and shared devices (default: 2; 0: only"
          + " direct payers)")
  int depth;

  @Option(names = "--out", required = true, paramLabel = "FILE", description = "victims CSV")
  Path out;

  Clock clock = Clock.systemUTC();

  @Override
  public Integer call() {
    Instant to;
    Instant from;
    try {
      to = until == null ? clock.instant() : instant(until);
      from = since == null ? to.minus(Duration.ofDays(180)) : instant(since);
    } catch (DateTimeParseException e) {
      System.err.println("holdfast: --since and --until are ISO dates (2026-01-31) or"
          + " timestamps with an offset");
      return ImportCommand.EXIT_BAD_FILE;
    }
    if (!from.isBefore(to) || depth < 0 || depth > 4) {
      System.err.println("holdfast: the window must end after it starts, and --depth is 0 to 4");
      return ImportCommand.EXIT_BAD_FILE;
    }
    List<String> rejected = new ArrayList<>();
    List<String> keys;
    try {
      keys = read(scammers, rejected);
    } catch (IOException | UncheckedIOException e) {
      System.err.println("holdfast: reading " + scammers + " failed: " + e.getMessage());
      return ImportCommand.EXIT_BAD_FILE;
    }
    rejected.forEach(r -> System.err.println("not a scammer: " + r));
    try (StoreConnection store = StoreConnection.open()) {
      sweep(store, keys, from, to);
    } catch (IOException e) {
      System.err.println("holdfast: writing " + out + " failed: " + e.getMessage());
      return 1;
    }
    return rejected.isEmpty() ? 0 : ImportCommand.EXIT_REJECTIONS;
  }

  private void sweep(StoreConnection store, List<String> keys, Instant from, Instant to)
      throws IOException {
    SweepBounds bounds = SweepBounds.defaults();
    bounds = new SweepBounds(depth, bounds.fanOut(), bounds.nodesMax(), bounds.sharingMax(),
        bounds.payersPerNodeMax(), bounds.victimsMax());
    VictimSweep sweep = new VictimSweep(SqlTransferGraph.over(store.dataSource()), bounds);
    long rows = 0;
    long started = System.nanoTime();
    try (Writer w = Files.newBufferedWriter(out, StandardCharsets.UTF_8)) {
      w.write(HEADER + "\n");
      for (String key : keys) {
        SweepResult result = sweep.run(key, from, to);
        for (Victim v : result.victims()) {
          w.write(csv(v.victimAccount()) + "," + csv(key) + "," + v.amountMinor() + ","
              + csv(v.currency()) + "," + v.firstPaidAt() + "," + v.lastPaidAt() + ","
              + v.hops() + "\n");
          rows++;
        }
        result.truncations().forEach(t -> System.err.println(key + ": " + t));
      }
    }
    System.out.printf("%,d scammers swept from %s to %s: %,d victim rows in %.1f s -> %s%n",
        keys.size(), from, to, rows, (System.nanoTime() - started) / 1e9, out);
  }

  /** The counterparty keys of the file's lines; refused lines are added to {@code rejected}. */
  static List<String> read(Path file, List<String> rejected) throws IOException {
    List<String> keys = new ArrayList<>();
    try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      String line;
      int number = 0;
      while ((line = reader.readLine()) != null && keys.size() < SCAMMERS_MAX) {
        number++;
        String text = line.strip();
        if (text.isEmpty() || text.startsWith("#")) {
          continue;
        }
        Optional<String> key = key(text);
        if (key.isPresent()) {
          if (!keys.contains(key.get())) {
            keys.add(key.get());
          }
        } else {
          rejected.add("line " + number + ": " + (text.length() > 80
              ? text.substring(0, 80) + "..." : text));
        }
      }
      if (line != null) {
        rejected.add("more than " + SCAMMERS_MAX + " scammers; the rest were not read");
      }
    }
    return keys;
  }

  /** A line as a counterparty key: an explicit key, an address on its network, or an id. */
  static Optional<String> key(String text) {
    if (text.startsWith("x:")) {
      int colon = text.indexOf(':', 2);
      if (colon < 0) {
        return Optional.empty();
      }
      AddressCheck check = AddressNormalizer.normalize(text.substring(2, colon),
          text.substring(colon + 1));
      return check instanceof AddressCheck.Valid v
          ? Optional.of("x:" + v.network() + ":" + v.address()) : Optional.empty();
    }
    if (text.startsWith("a:")) {
      return Ids.valid(text.substring(2)) ? Optional.of(text) : Optional.empty();
    }
    int colon = text.indexOf(':');
    if (colon > 0 && AddressNormalizer.normalize(text.substring(0, colon),
        text.substring(colon + 1)) instanceof AddressCheck.Valid v) {
      return Optional.of("x:" + v.network() + ":" + v.address());
    }
    if (text.length() >= 25) {
      // A bare address is taken only where its format names one network (Tron, Bitcoin); an
      // EVM address could be on any EVM chain, so it needs its network written before it.
      Optional<AddressCheck.Valid> address = AddressNormalizer.detect(text);
      if (address.isPresent()) {
        return address.get().network().equals("EVM") ? Optional.empty()
            : Optional.of("x:" + address.get().network() + ":" + address.get().address());
      }
    }
    return Ids.valid(text) ? Optional.of("a:" + text) : Optional.empty();
  }

  private static Instant instant(String text) {
    return text.length() == 10 ? LocalDate.parse(text).atStartOfDay(ZoneOffset.UTC).toInstant()
        : OffsetDateTime.parse(text).toInstant();
  }

  private static String csv(String value) {
    return value.contains(",") || value.contains("\"")
        ? "\"" + value.replace("\"", "\"\"") + "\"" : value;
  }
}
