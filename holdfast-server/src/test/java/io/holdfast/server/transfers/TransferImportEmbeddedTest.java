package io.holdfast.server.transfers;

import static org.assertj.core.api.Assertions.assertThat;

import io.holdfast.server.store.EmbeddedPostgres;
import io.holdfast.server.store.StoreConnection;
import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The import on the embedded default store, as {@code holdfast import} runs it with no server:
 * a fresh data directory gets its own PostgreSQL, migrated by the store connection, takes the
 * same file as a PostgreSQL server does with the same results, and is stopped at the end.
 */
class TransferImportEmbeddedTest {
  @TempDir
  Path dir;

  @Test
  void importsIntoAFreshEmbeddedStoreIdempotently() throws IOException {
    StringBuilder csv = new StringBuilder();
    List<String> good = TransferImportIT.sample("embedded", csv);
    try (StoreConnection store = StoreConnection.openEmbedded(dir)) {
      assertThat(store.embedded()).isTrue();
      TransferImporter importer = new TransferImporter(store.dataSource(), Clock.systemUTC(),
          "test");
      TransferImporter.Summary first = importer.importCsv(new StringReader(csv.toString()),
          "embedded.csv", (a, b, c, d) -> { });
      assertThat(first.imported()).isEqualTo(2);
      assertThat(first.rejections()).extracting(TransferImporter.Rejection::line)
          .containsExactly(3L, 4L, 5L, 6L, 7L, 8L, 9L, 10L, 13L);
      JdbcClient jdbc = JdbcClient.create(store.dataSource());
      assertThat(jdbc.sql("SELECT transfer_id FROM transfers").query(String.class).list())
          .containsExactlyInAnyOrderElementsOf(good);
      assertThat(jdbc.sql("SELECT COUNT(*) FROM audit_log WHERE action = 'transfers.imported'")
          .query(Long.class).single()).isEqualTo(1);

      TransferImporter.Summary again = importer.importCsv(new StringReader(csv.toString()),
          "embedded.csv", (a, b, c, d) -> { });
      assertThat(again.imported()).isZero();
      assertThat(again.alreadyPresent()).isEqualTo(2);
      assertThat(jdbc.sql("SELECT COUNT(*) FROM transfers").query(Long.class).single())
          .isEqualTo(2);
    }
    assertThat(EmbeddedPostgres.running(dir)).as("the tool stopped the store it started")
        .isFalse();
  }

  @Test
  void aRowLongerThanTheBoundIsRejectedAndTheNextLineStillCounts() throws IOException {
    StringBuilder csv = new StringBuilder(TransferImportIT.HEADER).append('\n');
    csv.append("x".repeat(CsvLines.MAX_CHARS + 10)).append('\n');
    csv.append("ok-1,2026-01-01T00:00:00Z,s,r,,,5,USD");
    try (StoreConnection store = StoreConnection.openEmbedded(dir)) {
      List<String> seen = new ArrayList<>();
      TransferImporter.Summary s = new TransferImporter(store.dataSource(), Clock.systemUTC(),
          "test").importCsv(new StringReader(csv.toString()), "long.csv",
          (a, b, c, d) -> seen.add(a + "/" + b));
      assertThat(s.rejections()).extracting(TransferImporter.Rejection::line).containsExactly(2L);
      assertThat(s.rejections().get(0).reason()).contains("longer than");
      assertThat(s.imported()).isEqualTo(1);
      assertThat(seen).contains("2/1");
    }
  }
}
