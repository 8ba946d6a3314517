package io.holdfast.app;

import io.holdfast.core.intel.IntelList;
import io.holdfast.core.intel.LineRejection;
import io.holdfast.core.intel.Network;
import io.holdfast.core.intel.ParseResult;
import io.holdfast.core.screening.Outcome;
import io.holdfast.server.intel.IntelFormat;
import io.holdfast.server.intel.IntelImporter;
import io.holdfast.server.intel.IntelStore;
import io.holdfast.server.store.AuditRows;
import io.holdfast.server.store.StoreConnection;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.Callable;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** Intel lists from the command line, on the configured store. */
@Command(name = "intel", mixinStandardHelpOptions = true,
    description = "Manage intel lists (known-bad addresses and accounts).",
    subcommands = IntelCommand.Import.class)
public class IntelCommand implements Runnable {
  /** A file larger than this is refused: lists are read whole, so memory must stay bounded. */
  static final long MAX_FILE_BYTES = 512L * 1024 * 1024;
  static final int REJECTIONS_PRINTED = 50;

  @picocli.CommandLine.Spec
  picocli.CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(System.err);
  }

  @Command(name = "import", mixinStandardHelpOptions = true,
      description = {"Add a file's addresses or accounts to an intel list, creating it if needed.",
          "Formats: one address a line (.txt), CSV with an address and/or account column (.csv),"
              + " JSON (.json). A running server picks the entries up within seconds.",
          "Exit codes: 0 all lines loaded, 3 some lines rejected (the rest loaded),"
              + " 2 unreadable file or every line rejected (nothing loaded)."})
  static class Import implements Callable<Integer> {
    @Option(names = "--source", required = true, description = "the list's name, e.g. ofac")
    String source;

    @Option(names = "--network", description = "network of addresses without one, e.g. ETH")
    String network;

    @Option(names = "--action", description = "HOLD or BLOCK for a new or existing list"
        + " (default for a new list: BLOCK if the name contains ofac or sanction, else HOLD)")
    Outcome action;

    @Option(names = "--format", description = "txt, csv or json (default: by file extension)")
    String format;

    @Parameters(index = "0", paramLabel = "FILE", description = "the list file")
    Path file;

    @Override
    public Integer call() {
      String problem = check();
      if (problem != null) {
        System.err.println("holdfast: " + problem);
        return ImportCommand.EXIT_BAD_FILE;
      }
      IntelFormat chosen = IntelFormat.byName(format != null ? format : file.toString())
          .orElse(IntelFormat.TEXT);
      ParseResult parsed;
      try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
        parsed = chosen.parse(reader, network);
      } catch (IOException | UncheckedIOException | IllegalArgumentException e) {
        System.err.println("holdfast: reading " + file + " failed: " + e.getMessage());
        return ImportCommand.EXIT_BAD_FILE;
      }
      printLines("rejected", parsed.rejections());
      printLines("notice", parsed.notices());
      if (parsed.entries().isEmpty()) {
        System.err.println("holdfast: no line of " + file + " was accepted; nothing was loaded");
        return ImportCommand.EXIT_BAD_FILE;
      }
      IntelImporter.Report report = write(parsed);
      System.out.printf("%s: %,d added, %,d already present, %,d rejected%s%n", report.list(),
          report.added(), report.alreadyPresent(), report.rejected().size(),
          report.listCreated() ? " (list created)" : "");
      return report.rejected().isEmpty() ? 0 : ImportCommand.EXIT_REJECTIONS;
    }

    private String check() {
      if (!source.matches("[A-Za-z0-9][A-Za-z0-9._:@-]{0,63}")) {
        return "--source must be 1-64 letters, digits and . _ : @ -";
      }
      if (network != null && Network.parse(network).isEmpty()) {
        return "unknown network " + network + "; known: " + Network.knownNames();
      }
      if (action != null && action != Outcome.HOLD && action != Outcome.BLOCK) {
        return "--action must be HOLD or BLOCK";
      }
      if (format != null && IntelFormat.byName(format).isEmpty()) {
        return "--format must be txt, csv or json";
      }
      try {
        if (!Files.isRegularFile(file) || Files.size(file) > MAX_FILE_BYTES) {
          return file + " is not a readable file of at most " + MAX_FILE_BYTES + " bytes";
        }
      } catch (IOException e) {
        return "cannot read " + file + ": " + e.getMessage();
      }
      return null;
    }

    private IntelImporter.Report write(ParseResult parsed) {
      try (StoreConnection store = StoreConnection.open()) {
        JdbcTemplate jdbc = new JdbcTemplate(store.dataSource());
        TransactionTemplate tx =
            new TransactionTemplate(new DataSourceTransactionManager(store.dataSource()));
        IntelImporter importer = new IntelImporter(new IntelStore(jdbc), jdbc, Clock.systemUTC());
        String actor = AuditRows.cliActor();
        return tx.execute(status -> {
          if (action != null) {
            // An existing list keeps its description; only its action changes.
            String description = new IntelStore(jdbc).findForUpdate(source)
                .map(IntelList::description).orElse("imported from " + file.getFileName());
            importer.putList(new IntelList(source, action, description), actor);
          }
          return importer.addEntries(source, IntelImporter.defaultAction(source), parsed, actor,
              file.getFileName().toString());
        });
      }
    }
  }

  static void printLines(String label, List<LineRejection> lines) {
    lines.stream().limit(REJECTIONS_PRINTED)
        .forEach(r -> System.err.println(label + " line " + r.line() + ": " + r.reason()));
    if (lines.size() > REJECTIONS_PRINTED) {
      System.err.println("... and " + (lines.size() - REJECTIONS_PRINTED) + " more");
    }
  }
}
