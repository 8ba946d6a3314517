package io.holdfast.server.transfers;

import io.holdfast.core.money.CurrencyCatalog;
import io.holdfast.core.transfer.Transfer;
import io.holdfast.server.screening.TransferBody;
import io.holdfast.server.screening.TransferParser;
import io.holdfast.server.store.StoreConnection;
import io.holdfast.server.web.ApiProblem;
import java.io.IOException;
import java.io.Reader;
import java.sql.SQLException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import javax.sql.DataSource;

/**
 * Imports historical transfers from CSV, streaming: rows are validated with the screening
 * parser, so history holds exactly what screening would have accepted, and written in chunks
 * of {@link #CHUNK_ROWS}, each committed with its audit record. While one chunk is written on
 * a background thread the next is parsed, so parsing and the database work overlap. Transfer
 * ids already stored are skipped, which makes a re-run of the same file a no-op. A chunk that
 * fails to write stops the import; the chunks before it stay committed and a re-run skips them.
 */
public final class TransferImporter {
  public static final int CHUNK_ROWS = 50_000;
  public static final int REJECTIONS_KEPT = 50;
  public static final String DEFAULT_CHANNEL = "import";

  private final DataSource dataSource;
  private final boolean postgres;
  private final TransferParser parser;
  private final Clock clock;
  private final String actor;

  /** A refused row: its 1-based line number in the file and why. */
  public record Rejection(long line, String reason) {
    @Override
    public String toString() {
      return "line " + line + ": " + reason;
    }
  }

  /** What an import did; {@code rejections} holds the first {@link #REJECTIONS_KEPT}. */
  public record Summary(long rows, long imported, long alreadyPresent, long rejected,
      List<Rejection> rejections, long millis) {
    public long rowsPerSecond() {
      return millis == 0 ? rows * 1000 : rows * 1000 / millis;
    }
  }

  /** Told of the progress after each chunk and about once a second. */
  public interface Progress {
    void report(long rows, long imported, long rejected, long elapsedMillis);
  }

  /** The file cannot be imported at all: its header is wrong. Nothing was written. */
  public static final class HeaderException extends IllegalArgumentException {
    public HeaderException(String message) {
      super(message);
    }
  }

  public TransferImporter(DataSource dataSource, Clock clock, String actor) {
    this.dataSource = dataSource;
    this.postgres = StoreConnection.isPostgres(dataSource);
    this.parser = new TransferParser(CurrencyCatalog.defaults(), clock);
    this.clock = clock;
    this.actor = actor;
  }

  /**
   * Imports one CSV file read from {@code reader}, which the caller closes.
   *
   * @param name the file's name, recorded in the audit log with each chunk's number
   */
  public Summary importCsv(Reader reader, String name, Progress progress) throws IOException {
    CsvLines lines = new CsvLines(reader);
    CsvColumns columns = CsvColumns.read(lines);
    Run run = new Run(columns, name, progress, System.nanoTime());
    ExecutorService background = Executors.newSingleThreadExecutor(r -> {
      Thread thread = new Thread(r, "transfer-import-writer");
      thread.setDaemon(true);
      return thread;
    });
    try (ChunkWriter writer = postgres ? new PostgresChunkWriter(dataSource, clock, actor)
        : new JdbcChunkWriter(dataSource, clock, actor)) {
      run.readAll(lines, writer, background);
    } catch (SQLException e) {
      throw new IllegalStateException("writing to the store failed: " + e.getMessage(), e);
    } finally {
      background.shutdownNow();
    }
    return run.summary();
  }

  /** The state of one import; used by one thread, with writes handed to the background. */
  private final class Run {
    private final CsvColumns columns;
    private final String name;
    private final Progress progress;
    private final long start;
    private final String[] fields;
    private final List<Rejection> rejections = new ArrayList<>();
    private List<Transfer> chunk = new ArrayList<>(CHUNK_ROWS);
    private Future<Long> pending;
    private long rows;
    private long valid;
    private long imported;
    private long rejected;
    private long rejectedInChunk;
    private int chunkNumber;
    private long lastReport;

    Run(CsvColumns columns, String name, Progress progress, long start) {
      this.columns = columns;
      this.name = name.length() > 200 ? name.substring(name.length() - 200) : name;
      this.progress = progress;
      this.start = start;
      this.fields = new String[columns.width()];
      this.lastReport = start;
    }

    void readAll(CsvLines lines, ChunkWriter writer, ExecutorService background)
        throws IOException, SQLException {
      // Bounded by the input: each iteration consumes one line.
      while (lines.next()) {
        if (lines.blank()) {
          continue;
        }
        rows++;
        Transfer transfer = parse(lines);
        if (transfer != null) {
          chunk.add(transfer);
          valid++;
        }
        if (chunk.size() == CHUNK_ROWS) {
          flush(writer, background);
        }
        if ((rows & 0xFFF) == 0 && System.nanoTime() - lastReport > 1_000_000_000L) {
          report();
        }
      }
      if (!chunk.isEmpty() || rejectedInChunk > 0) {
        flush(writer, background);
      }
      await();
      report();
    }

    private Transfer parse(CsvLines lines) {
      String problem;
      if (lines.overlong()) {
        problem = "the line is longer than " + CsvLines.MAX_CHARS + " characters";
      } else {
        int count = lines.split(fields);
        if (count == CsvLines.UNCLOSED_QUOTE) {
          problem = "the line has a double quote that is not closed";
        } else if (count != fields.length) {
          problem = "the line has " + count + " fields but the header has " + fields.length;
        } else {
          try {
            return parser.parse(body());
          } catch (ApiProblem e) {
            problem = e.getMessage();
          }
        }
      }
      reject(lines.number(), problem);
      return null;
    }

    private TransferBody body() {
      String createdAt = columns.get(fields, CsvColumns.CREATED_AT);
      if (createdAt.isEmpty()) {
        throw ApiProblem.invalidField("created_at", "created_at is required for an imported"
            + " transfer: ISO-8601 with an offset, such as 2026-11-25T10:00:00Z");
      }
      String channel = columns.get(fields, CsvColumns.CHANNEL);
      return new TransferBody(columns.get(fields, CsvColumns.TRANSFER_ID),
          columns.get(fields, CsvColumns.SENDER), columns.get(fields, CsvColumns.RECIPIENT),
          columns.get(fields, CsvColumns.ADDRESS), columns.get(fields, CsvColumns.NETWORK),
          amount(columns.get(fields, CsvColumns.AMOUNT)),
          columns.get(fields, CsvColumns.CURRENCY),
          channel.isEmpty() ? DEFAULT_CHANNEL : channel, createdAt);
    }

    private static Long amount(String text) {
      if (text.isEmpty()) {
        return null;
      }
      try {
        return Long.parseLong(text);
      } catch (NumberFormatException e) {
        throw ApiProblem.invalidField("amount_minor", "amount_minor must be a whole number of"
            + " minor units, was '" + (text.length() > 30 ? text.substring(0, 30) : text) + "'");
      }
    }

    private void reject(long line, String reason) {
      rejected++;
      rejectedInChunk++;
      if (rejections.size() < REJECTIONS_KEPT) {
        rejections.add(new Rejection(line, reason));
      }
    }

    private void flush(ChunkWriter writer, ExecutorService background)
        throws SQLException {
      await();
      chunkNumber++;
      ChunkWriter.Chunk next = new ChunkWriter.Chunk(name + "#" + chunkNumber, chunk,
          rejectedInChunk);
      pending = background.submit(() -> writer.write(next));
      chunk = new ArrayList<>(CHUNK_ROWS);
      rejectedInChunk = 0;
    }

    /** Waits for the chunk being written, so at most one is in flight while one is parsed. */
    private void await() throws SQLException {
      if (pending == null) {
        return;
      }
      try {
        imported += pending.get();
        pending = null;
        report();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new SQLException("interrupted while writing", e);
      } catch (ExecutionException e) {
        throw e.getCause() instanceof SQLException sql ? sql
            : new SQLException(e.getCause().getMessage(), e.getCause());
      }
    }

    private void report() {
      lastReport = System.nanoTime();
      progress.report(rows, imported, rejected, (lastReport - start) / 1_000_000);
    }

    Summary summary() {
      return new Summary(rows, imported, valid - imported, rejected, List.copyOf(rejections),
          (System.nanoTime() - start) / 1_000_000);
    }
  }
}
