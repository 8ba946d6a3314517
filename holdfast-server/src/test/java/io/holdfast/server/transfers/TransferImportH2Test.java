package io.holdfast.server.transfers;

import static org.assertj.core.api.Assertions.assertThat;

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
 * The import on the embedded store: a fresh H2 directory is migrated by the store connection
 * and then takes the same file as PostgreSQL does, with the same results (batched inserts).
 */
class TransferImportH2Test {
  @TempDir
  Path dir;

  @Test
  void importsIntoAFreshEmbeddedStoreIdempotently() throws IOException {
    StringBuilder csv = new StringBuilder();
    List<String> good = TransferImportIT.sample("h2", csv);
    try (StoreConnection store = StoreConnection.open(
        StoreConnection.embeddedUrl(dir.toString()), "sa", "")) {
      assertThat(store.postgres()).isFalse();
      TransferImporter importer = new TransferImporter(store.dataSource(), Clock.systemUTC(),
          "test");
      TransferImporter.Summary first = importer.importCsv(new StringReader(csv.toString()),
          "h2.csv", (a, b, c, d) -> { });
      assertThat(first.imported()).isEqualTo(2);
      assertThat(first.rejections()).extracting(TransferImporter.Rejection::line)
          .containsExactly(3L, 4L, 5L, 6L, 7L, 8L, 9L, 10L, 13L);
      JdbcClient jdbc = JdbcClient.create(store.dataSource());
      assertThat(jdbc.sql("SELECT transfer_id FROM transfers").query(String.class).list())
          .containsExactlyInAnyOrderElementsOf(good);
      assertThat(jdbc.sql("SELECT COUNT(*) FROM audit_log WHERE action = 'transfers.imported'")
          .query(Long.class).single()).isEqualTo(1);

      TransferImporter.Summary again = importer.importCsv(new StringReader(csv.toString()),
          "h2.csv", (a, b, c, d) -> { });
      assertThat(again.imported()).isZero();
      assertThat(again.alreadyPresent()).isEqualTo(2);
      assertThat(jdbc.sql("SELECT COUNT(*) FROM transfers").query(Long.class).single())
          .isEqualTo(2);
    }
  }

  @Test
  void aRowLongerThanTheBoundIsRejectedAndTheNextLineStillCounts() throws IOException {
    StringBuilder csv = new StringBuilder(TransferImportIT.HEADER).append('\n');
    csv.append("x".repeat(CsvLines.MAX_CHARS + 10)).append('\n');
    csv.append("ok-1,2026-01-01T00:00:00Z,s,r,,,5,USD");
    try (StoreConnection store = StoreConnection.open(
        StoreConnection.embeddedUrl(dir.toString()), "sa", "")) {
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
