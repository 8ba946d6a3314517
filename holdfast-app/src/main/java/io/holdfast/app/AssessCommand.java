package io.holdfast.app;

import io.holdfast.core.prevention.AssessmentPolicy;
import io.holdfast.core.prevention.Assessor;
import io.holdfast.server.assessments.AssessmentBatch;
import io.holdfast.server.store.StoreConnection;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import javax.sql.DataSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * Runs (or continues) the daily risk assessment of one day on the configured store, the same
 * batch the server runs each morning, without a server. Safe beside a running server: the run
 * row's lease lets one runner at a time work on a day, and a finished day is not run again.
 */
@Command(name = "assess", mixinStandardHelpOptions = true,
    description = {"Assess every active account's scam exposure as of the start of --date,"
        + " over the 30 days before; message the top exposures (once a week at most, opt-outs"
        + " respected) and open agents' tasks for the gravest.",
        "Exit codes: 0 done (or done before), 4 another runner holds the day, 2 bad option,"
            + " 1 store error."})
public class AssessCommand implements Callable<Integer> {
  static final int EXIT_BUSY = 4;

  @Option(names = "--date", paramLabel = "ISO-DATE",
      description = "the day, e.g. 2026-11-25 (default: today, UTC)")
  String date;

  @Option(names = "--chunk", defaultValue = "1000",
      description = "accounts per transaction, 1 to 10,000 (default: ${DEFAULT-VALUE})")
  int chunk;

  Clock clock = Clock.systemUTC();

  @Override
  public Integer call() {
    LocalDate today = LocalDate.now(clock.withZone(ZoneOffset.UTC));
    LocalDate day;
    try {
      day = date == null ? today : LocalDate.parse(date);
    } catch (DateTimeParseException e) {
      System.err.println("holdfast: --date is a day such as 2026-11-25");
      return ImportCommand.EXIT_BAD_FILE;
    }
    if (chunk < 1 || chunk > 10_000 || day.isAfter(today)) {
      System.err.println("holdfast: --chunk is 1 to 10,000 and --date a day that has begun");
      return ImportCommand.EXIT_BAD_FILE;
    }
    try (StoreConnection store = StoreConnection.open()) {
      long start = System.nanoTime();
      AssessmentBatch.Result result = batch(store.dataSource(), clock, chunk).run(day);
      double seconds = (System.nanoTime() - start) / 1e9;
      Map<String, Object> run = AssessmentBatch.view(new JdbcTemplate(store.dataSource()), day)
          .orElseThrow();
      System.out.printf(Locale.ROOT, "assessment %s: %s in %.1f s; %s%n", day,
          result.name().toLowerCase(Locale.ROOT), seconds, run);
      return result == AssessmentBatch.Result.LEASED_ELSEWHERE ? EXIT_BUSY : 0;
    }
  }

  /** The batch over a plain data source, as the server builds it over Spring's. */
  public static AssessmentBatch batch(DataSource dataSource, Clock clock, int chunk) {
    JdbcTemplate jdbc = new JdbcTemplate(dataSource);
    TransactionTemplate tx = new TransactionTemplate(new DataSourceTransactionManager(dataSource));
    return new AssessmentBatch(jdbc, tx, clock, Assessor.defaults(), AssessmentPolicy.defaults(),
        chunk, "cli_" + java.util.UUID.randomUUID());
  }
}
