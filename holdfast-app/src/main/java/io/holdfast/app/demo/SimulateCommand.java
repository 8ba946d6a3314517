package io.holdfast.app.demo;

import io.holdfast.core.simulation.Platform;
import io.holdfast.core.simulation.ScamKind;
import io.holdfast.core.simulation.SimAccount;
import io.holdfast.core.simulation.SimTransfer;
import io.holdfast.core.simulation.Simulation;
import io.holdfast.core.simulation.WorldParameters;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * Writes a simulated world to files, as it happens with no safety net (every payment goes
 * through): its accounts, its transfers in the import format, its account events, the reports its victims
 * and adversaries file in the verdict format, and the ground truth of every transfer. These are
 * the training, evaluation and backtesting data.
 */
@Command(name = "simulate", mixinStandardHelpOptions = true,
    description = "Write a simulated world's transfers, events, reports and ground truth.")
public class SimulateCommand implements Callable<Integer> {
  @Option(names = "--users", description = "simulated users (default: the world file's)")
  Integer users;

  @Option(names = "--days", description = "simulated days (default: the world file's)")
  Integer days;

  @Option(names = "--seed", description = "the world's seed (default: the world file's)")
  Long seed;

  @Option(names = "--out", required = true, description = "the directory to write")
  Path out;

  @Override
  public Integer call() throws IOException {
    WorldParameters d = WorldParameters.defaults();
    WorldParameters world = d.resized(users == null ? d.users() : users,
        days == null ? d.days() : days, seed == null ? d.seed() : seed);
    Files.createDirectories(out);
    long started = System.nanoTime();
    try (FilePlatform files = new FilePlatform(out)) {
      Simulation.Result run = new Simulation(world).run(files, day -> { });
      double seconds = (System.nanoTime() - started) / 1e9;
      System.err.printf(Locale.ROOT, "wrote %,d transfers, %,d events and %,d reports of %,d"
          + " users over %d days to %s in %.1f s (%,.0f events/s)%n", files.transfers,
          files.events, files.reports, world.users(), world.days(), out, seconds,
          run.events() / seconds);
    }
    return 0;
  }

  /** A platform with no safety net that writes everything down. */
  static final class FilePlatform implements Platform, AutoCloseable {
    private final BufferedWriter transfersCsv;
    private final BufferedWriter eventsCsv;
    private final BufferedWriter reportsJsonl;
    private final BufferedWriter truthCsv;
    private final BufferedWriter reportTruthCsv;
    private final BufferedWriter accountsCsv;
    long transfers;
    long events;
    long reports;

    FilePlatform(Path dir) throws IOException {
      transfersCsv = Files.newBufferedWriter(dir.resolve("transfers.csv"), StandardCharsets.UTF_8);
      transfersCsv.write("transfer_id,created_at,sender_account,recipient_account,"
          + "recipient_address,network,amount_minor,currency,channel\n");
      eventsCsv = Files.newBufferedWriter(dir.resolve("events.csv"), StandardCharsets.UTF_8);
      eventsCsv.write("event_id,account_id,type,occurred_at,device_id,amount_minor\n");
      reportsJsonl = Files.newBufferedWriter(dir.resolve("reports.jsonl"), StandardCharsets.UTF_8);
      truthCsv = Files.newBufferedWriter(dir.resolve("truth.csv"), StandardCharsets.UTF_8);
      truthCsv.write("transfer_id,scam_type,case_id,laundering,scammer\n");
      reportTruthCsv = Files.newBufferedWriter(dir.resolve("report_truth.csv"),
          StandardCharsets.UTF_8);
      reportTruthCsv.write("id,reporter,label,kind\n");
      accountsCsv = Files.newBufferedWriter(dir.resolve("accounts.csv"), StandardCharsets.UTF_8);
      accountsCsv.write("account_id,created_at,country,age_band,kyc_level,vulnerable\n");
    }

    @Override
    public void register(List<SimAccount> accounts, Instant now) {
      for (SimAccount a : accounts) {
        write(accountsCsv, String.join(",", a.accountId(),
            now.minus(java.time.Duration.ofDays(a.ageDays())).toString(), nz(a.country()),
            nz(a.ageBand()), Integer.toString(a.kycLevel()), Boolean.toString(a.vulnerable())));
      }
    }

    @Override
    public void advanceTo(Instant at) { }

    @Override
    public void accountEvent(String eventId, String accountId, String type, Instant at,
        String deviceId, long amountMinor) {
      write(eventsCsv, String.join(",", eventId, accountId, type, at.toString(),
          deviceId == null ? "" : deviceId, Long.toString(amountMinor)));
      events++;
    }

    @Override
    public Screened screen(SimTransfer t) {
      write(transfersCsv, String.join(",", t.transferId(), t.at().toString(), t.sender(),
          nz(t.recipientAccount()), nz(t.recipientAddress()), nz(t.network()),
          Long.toString(t.amountMinor()), "USD", t.channel()));
      write(truthCsv, String.join(",", t.transferId(), t.scam() == null ? ""
          : t.scam().apiName(), nz(t.caseId()), Boolean.toString(t.laundering()),
          nz(t.scammerKey())));
      transfers++;
      return new Screened("ALLOW", null);
    }

    @Override
    public boolean report(String reporter, List<String> transferIds, ScamKind kind,
        String narrative) {
      return writeReport(reporter, narrative, true, kind.apiName());
    }

    @Override
    public boolean falseReport(String reporter, String target, String narrative) {
      return writeReport(reporter, narrative, false, "weaponised_false_report");
    }

    private boolean writeReport(String reporter, String text, boolean scam, String kind) {
      // The reports file is exactly what `holdfast verdict --in` reads; labels go beside it.
      Map<String, Object> line = new LinkedHashMap<>();
      String id = "r" + (++reports);
      line.put("id", id);
      line.put("text", text);
      write(reportsJsonl, DemoApi.json(line));
      write(reportTruthCsv, String.join(",", id, reporter, scam ? "SCAM" : "NOT_SCAM", kind));
      return false;
    }

    private static String nz(String s) {
      return s == null ? "" : s;
    }

    private static void write(BufferedWriter w, String line) {
      try {
        w.write(line);
        w.write('\n');
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }

    @Override
    public void close() throws IOException {
      transfersCsv.close();
      eventsCsv.close();
      reportsJsonl.close();
      truthCsv.close();
      reportTruthCsv.close();
      accountsCsv.close();
    }
  }
}
