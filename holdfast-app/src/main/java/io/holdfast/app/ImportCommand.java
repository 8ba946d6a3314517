package io.holdfast.app;

import io.holdfast.server.store.AuditRows;
import io.holdfast.server.store.StoreConnection;
import io.holdfast.server.transfers.TransferImporter;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** Bulk imports into the configured store, whether or not a server runs on it. */
@Command(name = "import", mixinStandardHelpOptions = true,
    description = "Import data in bulk into the configured store.",
    subcommands = ImportCommand.Transfers.class)
public class ImportCommand implements Runnable {
  /** Some rows were refused; the good ones were imported. */
  public static final int EXIT_REJECTIONS = 3;
  /** The file could not be read or its header is wrong; nothing was imported. */
  public static final int EXIT_BAD_FILE = 2;

  @picocli.CommandLine.Spec
  picocli.CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(System.err);
  }

  @Command(name = "transfers", mixinStandardHelpOptions = true,
      description = {"Import historical transfers from CSV with the header",
          "transfer_id,created_at,sender_account,recipient_account,recipient_address,network,"
              + "amount_minor,currency[,channel]",
          "Rows already imported (same transfer_id) are skipped. Exit codes: 0 all rows"
              + " imported or present, 3 some rows rejected (the rest imported),"
              + " 2 unreadable file or bad header (nothing imported), 1 store error."})
  static class Transfers implements Callable<Integer> {
    /** Whether to drop the secondary indexes of transfers for the load. */
    enum DeferIndexes { AUTO, YES, NO }

    @Parameters(index = "0", paramLabel = "FILE", description = "the CSV file")
    Path file;

    @Option(names = "--defer-indexes", paramLabel = "auto|yes|no",
        converter = DeferIndexesConverter.class,
        description = {"On PostgreSQL, drop the secondary indexes of transfers for the load and"
            + " build them again after it: several times faster for a large first import, but"
            + " queries on transfers scan the table meanwhile. auto (the default) does it when"
            + " the file holds about 100,000 rows or more and the table fewer rows than the file;"
            + " ignored on the embedded store."})
    DeferIndexes deferIndexes = DeferIndexes.AUTO;

    /** Reads auto, yes or no in any case. */
    static final class DeferIndexesConverter implements ITypeConverter<DeferIndexes> {
      @Override
      public DeferIndexes convert(String value) {
        return DeferIndexes.valueOf(value.trim().toUpperCase(Locale.ROOT));
      }
    }

    @Override
    public Integer call() {
      if (!Files.isRegularFile(file)) {
        System.err.println("holdfast: " + file + " is not a readable file");
        return EXIT_BAD_FILE;
      }
      try (StoreConnection store = StoreConnection.open();
           Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
        TransferImporter importer = new TransferImporter(store.dataSource(), Clock.systemUTC(),
            AuditRows.cliActor());
        boolean defer = switch (deferIndexes) {
          case YES -> true;
          case NO -> false;
          case AUTO -> importer.deferringPays(Files.size(file) / TransferImporter.BYTES_PER_ROW);
        };
        if (defer) {
          System.err.println("  the secondary indexes of transfers are dropped for the load"
              + " and built again after it");
        }
        TransferImporter.Summary summary = importer.importCsv(reader,
            file.getFileName().toString(), ImportCommand::progress, defer);
        return report(summary);
      } catch (TransferImporter.HeaderException e) {
        System.err.println("holdfast: " + e.getMessage() + "; nothing was imported");
        return EXIT_BAD_FILE;
      } catch (IOException | UncheckedIOException e) {
        System.err.println("holdfast: reading " + file + " failed: " + e.getMessage());
        return EXIT_BAD_FILE;
      }
    }
  }

  static void progress(long rows, long imported, long rejected, long millis) {
    System.err.printf("  %,d rows read, %,d new, %,d rejected, %,d rows/s%n", rows, imported,
        rejected, millis == 0 ? 0 : rows * 1000 / millis);
  }

  static int report(TransferImporter.Summary summary) {
    for (TransferImporter.Rejection rejection : summary.rejections()) {
      System.err.println("rejected " + rejection);
    }
    if (summary.rejected() > summary.rejections().size()) {
      System.err.println("... and " + (summary.rejected() - summary.rejections().size())
          + " more rejected rows");
    }
    if (!summary.indexesRebuilt().isEmpty()) {
      System.err.println("  built again: " + String.join(", ", summary.indexesRebuilt()));
    }
    System.out.printf("%,d rows: %,d new, %,d already present, %,d rejected in %.1f s"
            + " (%,d rows/s)%n", summary.rows(), summary.imported(), summary.alreadyPresent(),
        summary.rejected(), summary.millis() / 1000.0, summary.rowsPerSecond());
    return summary.rejected() == 0 ? 0 : EXIT_REJECTIONS;
  }
}
