package io.holdfast.server.transfers;

import io.holdfast.core.money.CurrencyCatalog;
import io.holdfast.core.transfer.Transfer;
import io.holdfast.server.screening.TransferBody;
import io.holdfast.server.screening.TransferParser;
import io.holdfast.server.store.DeferredIndexes;
import io.holdfast.server.web.ApiProblem;
import java.io.IOException;
import java.io.Reader;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;

/**
 * Imports historical transfers from CSV, streaming: rows are validated with the screening
 * parser, so history holds exactly what screening would have accepted, and written in chunks
 * of {@link #CHUNK_ROWS}, each committed with its audit record. While chunks are written on
 * background threads ({@link WriterLanes}) the next is parsed, so parsing and the database work
 * overlap. Transfer ids already stored are skipped, which makes a re-run of the same file a
 * no-op. A chunk that fails to write stops the import; the chunks committed before it stay and a
 * re-run skips them.
 */
public final class TransferImporter {
  public static final int CHUNK_ROWS = 50_000;
  /** Chunks written at once (see {@link WriterLanes}). */
  static final int LANES = 2;
  public static final int REJECTIONS_KEPT = 50;
  public static final String DEFAULT_CHANNEL = "import";

  private final DataSource dataSource;
  private final TransferParser parser;
  private final Clock clock;
  private final String actor;

  /**
   * A refused row: its 1-based line number in the file, the column at fault (null when the line
   * as a whole is, such as a wrong number of fields) and why.
   */
  public record Rejection(long line, String column, String reason) {
    @Override
    public String toString() {
      return "line " + line + (column == null ? "" : ", column " + column) + ": " + reason;
    }
  }

  /**
   * What an import did; {@code rejections} holds the first {@link #REJECTIONS_KEPT},
   * {@code indexesRebuilt} the indexes built again after a load with deferred indexes, and
   * {@code millis} the whole time, building them included.
   */
  public record Summary(long rows, long imported, long alreadyPresent, long rejected,
      List<Rejection> rejections, List<String> indexesRebuilt, long millis) {
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

  /** Loads smaller than this are not worth slowing queries on transfers for. */
  public static final long DEFER_ROWS_MIN = 100_000;
  /** Bytes per CSV row to estimate a file's rows by: history rows are 90 to 150 bytes. */
  public static final long BYTES_PER_ROW = 100;

  public TransferImporter(DataSource dataSource, Clock clock, String actor) {
    this.dataSource = dataSource;
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
    return importCsv(reader, name, progress, false);
  }

  /**
   * The same, and with {@code deferIndexes} the secondary indexes of
   * {@code transfers} are dropped for the load and built again after it (see
   * {@link DeferredIndexes}): several times faster for a first import of a large history, but
   * queries on transfers by sender, recipient or time scan the table meanwhile. Indexes an
   * earlier import left deferred are built first, either way.
   */
  public Summary importCsv(Reader reader, String name, Progress progress, boolean deferIndexes)
      throws IOException {
    CsvLines lines = new CsvLines(reader);
    CsvColumns columns = CsvColumns.read(lines);
    long start = System.nanoTime();
    DeferredIndexes indexes = new DeferredIndexes(dataSource, clock, actor);
    List<String> rebuilt = new ArrayList<>();
    try {
      rebuilt.addAll(indexes.rebuild());
      boolean deferred = deferIndexes && !indexes.defer("transfers").isEmpty();
      Run run;
      try {
        run = load(lines, columns, name, progress, start);
      } catch (IOException | RuntimeException e) {
        if (deferred) {
          // The load failed: the indexes are built all the same, so queries stay fast.
          rebuildAfterFailure(indexes, e);
        }
        throw e;
      }
      return run.summary(rebuilt, deferred ? indexes : null);
    } catch (SQLException e) {
      throw new IllegalStateException("writing to the store failed: " + e.getMessage(), e);
    }
  }

  /**
   * Whether deferring the indexes pays for a load of about {@code rows}. Measured on this
   * machine (a million rows, two writer lanes): keeping the four secondary indexes while loading
   * cost about 5.5 µs per row loaded, building them afterwards about 2.8 µs per row of the whole
   * table, so deferring pays while the table holds fewer rows than the load brings. This asks
   * for that, and for a load of at least {@link #DEFER_ROWS_MIN} rows.
   */
  public boolean deferringPays(long rows) {
    if (rows < DEFER_ROWS_MIN) {
      return false;
    }
    long bound = rows;
    try (Connection c = dataSource.getConnection();
         PreparedStatement ps = c.prepareStatement(
             "SELECT COUNT(*) FROM (SELECT 1 FROM transfers LIMIT ?) x")) {
      ps.setLong(1, bound);
      try (ResultSet rs = ps.executeQuery()) {
        rs.next();
        return rs.getLong(1) < bound;
      }
    } catch (SQLException e) {
      throw new IllegalStateException("cannot reach the store: " + e.getMessage(), e);
    }
  }

  private static void rebuildAfterFailure(DeferredIndexes indexes, Exception failure) {
    try {
      indexes.rebuild();
    } catch (SQLException | RuntimeException e) {
      // Still listed as deferred: the next import or server start builds them.
      failure.addSuppressed(e);
    }
  }

  private Run load(CsvLines lines, CsvColumns columns, String name, Progress progress,
      long start) throws IOException {
    Run run = new Run(columns, name, progress, start);
    try (WriterLanes lanes = new WriterLanes(LANES,
        () -> new PostgresChunkWriter(dataSource, clock, actor))) {
      run.readAll(lines, lanes);
    } catch (SQLException e) {
      throw new IllegalStateException("writing to the store failed: " + e.getMessage(), e);
    }
    return run;
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

    void readAll(CsvLines lines, WriterLanes lanes) throws IOException, SQLException {
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
          flush(lanes);
        }
        if ((rows & 0xFFF) == 0 && System.nanoTime() - lastReport > 1_000_000_000L) {
          report();
        }
      }
      if (!chunk.isEmpty() || rejectedInChunk > 0) {
        flush(lanes);
      }
      imported += lanes.drain();
      report();
    }

    private Transfer parse(CsvLines lines) {
      String problem;
      String column = null;
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
            column = (String) e.properties().get("field");
          }
        }
      }
      reject(lines.number(), column, problem);
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

    private void reject(long line, String column, String reason) {
      rejected++;
      rejectedInChunk++;
      if (rejections.size() < REJECTIONS_KEPT) {
        rejections.add(new Rejection(line, column, reason));
      }
    }

    private void flush(WriterLanes lanes) throws SQLException {
      chunkNumber++;
      ChunkWriter.Chunk next = new ChunkWriter.Chunk(name + "#" + chunkNumber, chunk,
          rejectedInChunk);
      imported += lanes.submit(next);
      report();
      chunk = new ArrayList<>(CHUNK_ROWS);
      rejectedInChunk = 0;
    }

    private void report() {
      lastReport = System.nanoTime();
      progress.report(rows, imported, rejected, (lastReport - start) / 1_000_000);
    }

    /** The summary, after building the deferred indexes again when there are any. */
    Summary summary(List<String> rebuiltBefore, DeferredIndexes deferred) throws SQLException {
      List<String> rebuilt = new ArrayList<>(rebuiltBefore);
      if (deferred != null) {
        rebuilt.addAll(deferred.rebuild());
      }
      return new Summary(rows, imported, valid - imported, rejected, List.copyOf(rejections),
          List.copyOf(rebuilt), (System.nanoTime() - start) / 1_000_000);
    }
  }
}
