package io.holdfast.server.transfers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.holdfast.server.support.PostgresServerTest;
import java.io.IOException;
import java.io.StringReader;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The bulk import on real PostgreSQL (the COPY path): exactly the valid rows land, every bad
 * row is reported with its line, a re-run adds nothing, and a bad header writes nothing.
 */
class TransferImportIT extends PostgresServerTest {
  static final String HEADER = "transfer_id,created_at,sender_account,recipient_account,"
      + "recipient_address,network,amount_minor,currency";
  static final String GOOD_EVM = "0x01e2919679362dFBC9ee1644Ba9C6da6D6245BB1";

  @Autowired
  DataSource dataSource;

  @Autowired
  JdbcClient jdbc;

  /** A file of good and bad rows; returns the ids that must land. */
  static List<String> sample(String p, StringBuilder csv) {
    List<String> good = new ArrayList<>();
    csv.append(HEADER).append("\r\n");
    String[] rows = {
        p + "-1,2026-01-01T10:00:00Z,s1,r1,,,1500,USD",                     // 2 good
        p + "-2,2026-01-01T10:00:00Z,s1,,,ETH,1500,USD",                   // 3 no recipient
        p + "-3,2026-01-01T10:00:00Z,s1,r1,0xabc0000000000000000000000000000000000001,ETH,1,USD",
        p + "-4,2026-01-01T10:00:00Z,s1,,0x01E2919679362dFBC9ee1644Ba9C6da6D6245BB1,ETH,1,USD",
        p + "-5,2026-01-01T10:00:00Z,s1,r2,,,0,USD",                       // 6 zero amount
        p + "-6,2026-01-01T10:00:00Z,s1,r2,,,10,XYZ",                      // 7 currency
        p + "-7,yesterday,s1,r2,,,10,USD",                                 // 8 bad date
        "bad id!,2026-01-01T10:00:00Z,s1,r2,,,10,USD",                     // 9 bad id
        p + "-9,2026-01-01T10:00:00Z,s1,r2,,,10",                          // 10 columns
        "",                                                                 // 11 blank
        "\"" + p + "-10\",2026-01-01T10:00:00+02:00,s2,,\" " + GOOD_EVM + "\",eth,2500000,USDT",
        p + "-11,2026-01-02T00:00:00Z,s3,r3,,,99,EUR,extra",               // 13 columns
    };
    for (String row : rows) {
      csv.append(row).append("\n");
    }
    good.add(p + "-1");
    good.add(p + "-10");
    return good;
  }

  TransferImporter importer() {
    return new TransferImporter(dataSource, Clock.systemUTC(), "test");
  }

  @Test
  void goodRowsLandBadRowsAreReportedWithTheirLinesAndAReRunAddsNothing() throws IOException {
    String p = id("imp");
    StringBuilder csv = new StringBuilder();
    List<String> good = sample(p, csv);
    List<long[]> progress = new ArrayList<>();
    TransferImporter.Summary first = importer().importCsv(new StringReader(csv.toString()),
        p + ".csv", (rows, imported, rejected, ms) -> progress.add(new long[] {rows, imported}));
    assertThat(first.imported()).isEqualTo(2);
    assertThat(first.rows()).isEqualTo(11);
    assertThat(first.rejections()).extracting(TransferImporter.Rejection::line)
        .containsExactly(3L, 4L, 5L, 6L, 7L, 8L, 9L, 10L, 13L);
    assertThat(first.rejections().get(0).reason()).contains("exactly one of recipient_account");
    assertThat(first.rejections().get(1).reason()).contains("exactly one of recipient_account");
    assertThat(first.rejections().get(2).reason()).containsIgnoringCase("checksum");
    assertThat(first.rejections().get(3).reason()).contains("amount_minor");
    assertThat(first.rejections().get(4).reason()).contains("unknown currency");
    assertThat(first.rejections().get(5).reason()).contains("created_at");
    assertThat(first.rejections().get(6).reason()).contains("transfer_id");
    assertThat(first.rejections().get(7).reason()).contains("7 fields but the header has 8");
    assertThat(progress).isNotEmpty();
    assertThat(jdbc.sql("SELECT transfer_id FROM transfers WHERE transfer_id LIKE :p"
        + " ORDER BY transfer_id").param("p", p + "-%").query(String.class).list())
        .containsExactlyInAnyOrderElementsOf(good);
    var row = jdbc.sql("SELECT recipient_address, network, amount_usd_minor, source, channel,"
        + " created_at FROM transfers WHERE transfer_id = :id").param("id", p + "-10")
        .query((rs, n) -> List.of(rs.getString(1), rs.getString(2), rs.getLong(3),
            rs.getString(4), rs.getString(5), rs.getTimestamp(6).toInstant().toString()))
        .single();
    assertThat(row).containsExactly(GOOD_EVM.toLowerCase(), "ETH", 250L, "import", "import",
        "2026-01-01T08:00:00Z");
    assertThat(jdbc.sql("SELECT after_state FROM audit_log WHERE action = 'transfers.imported'"
        + " AND entity_id = :id").param("id", p + ".csv#1").query(String.class).single())
        .contains("\"imported\":2").contains("\"rejected\":9");

    TransferImporter.Summary again = importer().importCsv(new StringReader(csv.toString()),
        p + ".csv", (rows, imported, rejected, ms) -> { });
    assertThat(again.imported()).isZero();
    assertThat(again.alreadyPresent()).isEqualTo(2);
    assertThat(again.rejected()).isEqualTo(9);
  }

  @Test
  void timesOutOfRangeAreRefusedWithTheirLineAndColumnAndNothingElseIsLost()
      throws IOException {
    // Columns out of the usual order, so the column is named, not counted.
    String p = id("rng");
    String csv = "transfer_id,sender_account,recipient_account,recipient_address,network,"
        + "amount_minor,currency,created_at\n"
        + p + "-1,s1,r1,,,1500,USD,-999999999-01-01T00:00:00Z\n"
        + p + "-2,s1,r1,,,1500,USD,1969-12-31T23:59:59Z\n"
        + p + "-3,s1,r1,,,1500,USD,+10000-01-01T00:00:00Z\n"
        + p + "-4,s1,r1,,,1500,USD,2026-01-01T10:00:00Z\n";
    TransferImporter.Summary s = importer().importCsv(new StringReader(csv), p + ".csv",
        (a, b, c, d) -> { });
    assertThat(s.imported()).isEqualTo(1);
    assertThat(s.rejections()).extracting(TransferImporter.Rejection::line)
        .containsExactly(2L, 3L, 4L);
    assertThat(s.rejections()).allSatisfy(r -> assertThat(r.toString())
        .startsWith("line " + r.line() + ", column created_at: ")
        .contains("1970-01-01T00:00:00Z").contains("2200-01-01T00:00:00Z"));
    assertThat(jdbc.sql("SELECT transfer_id FROM transfers WHERE transfer_id LIKE :p")
        .param("p", p + "-%").query(String.class).list()).containsExactly(p + "-4");
  }

  @Test
  void aHeaderWithoutARequiredColumnIsRefusedBeforeAnythingIsWritten() {
    String p = id("hdr");
    String csv = "transfer_id,created_at,sender_account,recipient_account,network,amount_minor,"
        + "currency\n" + p + "-1,2026-01-01T10:00:00Z,s1,r1,,1500,USD\n";
    long auditBefore = auditCount();
    assertThatThrownBy(() -> importer().importCsv(new StringReader(csv), "h.csv",
        (a, b, c, d) -> { }))
        .isInstanceOf(TransferImporter.HeaderException.class)
        .hasMessageContaining("recipient_address");
    assertThat(jdbc.sql("SELECT COUNT(*) FROM transfers WHERE transfer_id LIKE :p")
        .param("p", p + "%").query(Long.class).single()).isZero();
    assertThat(auditCount()).isEqualTo(auditBefore);
  }

  @Test
  void columnsMayComeInAnyOrderWithAChannel() throws IOException {
    String p = id("ord");
    String csv = "currency,amount_minor,channel,network,recipient_address,recipient_account,"
        + "sender_account,created_at,transfer_id\n"
        + "USD,700,p2p,,,r9,s9,2026-02-01T00:00:00Z," + p + "\n";
    TransferImporter.Summary s = importer().importCsv(new StringReader(csv), "o.csv",
        (a, b, c, d) -> { });
    assertThat(s.imported()).isEqualTo(1);
    assertThat(jdbc.sql("SELECT channel FROM transfers WHERE transfer_id = :id")
        .param("id", p).query(String.class).single()).isEqualTo("p2p");
  }

  @Test
  void moreRowsThanAChunkAreAllImported() throws IOException {
    long rows = TransferImporter.CHUNK_ROWS + 123;
    long seed = System.nanoTime();
    java.io.StringWriter out = new java.io.StringWriter();
    TransferCsvGenerator.write(out, rows, seed);
    TransferImporter.Summary s = importer().importCsv(new StringReader(out.toString()),
        "gen.csv", (a, b, c, d) -> { });
    assertThat(s.rows()).isEqualTo(rows);
    assertThat(s.imported() + s.rejected()).isEqualTo(rows);
    assertThat(jdbc.sql("SELECT COUNT(*) FROM transfers WHERE transfer_id LIKE :p")
        .param("p", "g" + seed + "-%").query(Long.class).single()).isEqualTo(s.imported());
  }

  @Test
  void chunksWrittenAtOnceThatRepeatEachOthersIdsStoreEachTransferOnce() throws IOException {
    // Two chunks of the same rows go to two writer lanes at once: one stores them, the other
    // finds them stored (its fast insert meets the unique key and retries the careful way).
    long seed = System.nanoTime();
    java.io.StringWriter one = new java.io.StringWriter();
    TransferCsvGenerator.write(one, TransferImporter.CHUNK_ROWS, seed);
    String text = one.toString();
    String body = text.substring(text.indexOf('\n') + 1);
    TransferImporter.Summary s = importer().importCsv(new StringReader(text + body),
        "twice.csv", (a, b, c, d) -> { });
    assertThat(s.rows()).isEqualTo(2L * TransferImporter.CHUNK_ROWS);
    assertThat(s.imported() + s.alreadyPresent() + s.rejected()).isEqualTo(s.rows());
    assertThat(s.imported()).isEqualTo(s.alreadyPresent());
    assertThat(jdbc.sql("SELECT COUNT(*) FROM transfers WHERE transfer_id LIKE :p")
        .param("p", "g" + seed + "-%").query(Long.class).single()).isEqualTo(s.imported());
  }

  @Test
  void aLoadWithDeferredIndexesLandsTheRowsAndBuildsTheSameIndexesAgain() throws Exception {
    java.util.Map<String, String> before = indexes();
    long rows = TransferImporter.CHUNK_ROWS + 123;
    long seed = System.nanoTime();
    java.io.StringWriter out = new java.io.StringWriter();
    TransferCsvGenerator.write(out, rows, seed);
    TransferImporter.Summary s = importer().importCsv(new StringReader(out.toString()),
        "deferred.csv", (a, b, c, d) -> { }, true);
    assertThat(s.imported() + s.rejected()).isEqualTo(rows);
    assertThat(s.indexesRebuilt()).containsExactlyInAnyOrderElementsOf(before.keySet());
    assertThat(indexes()).isEqualTo(before);
    assertThat(jdbc.sql("SELECT COUNT(*) FROM deferred_indexes").query(Long.class).single())
        .isZero();
    assertThat(jdbc.sql("SELECT COUNT(*) FROM transfers WHERE transfer_id LIKE :p")
        .param("p", "g" + seed + "-%").query(Long.class).single()).isEqualTo(s.imported());
  }

  @Test
  void aLoadWithDeferredIndexesThatFailsStillBuildsThemAgain() throws Exception {
    java.util.Map<String, String> before = indexes();
    long seed = System.nanoTime();
    java.io.StringWriter out = new java.io.StringWriter();
    TransferCsvGenerator.write(out, TransferImporter.CHUNK_ROWS + 10_000, seed);
    String text = out.toString();
    // The file breaks (a disk error, a dropped network mount) after the first chunk was sent.
    java.io.Reader failing = new java.io.FilterReader(new StringReader(text)) {
      private long read;

      @Override
      public int read(char[] buffer, int offset, int length) throws IOException {
        if (read > text.length() * 9L / 10) {
          throw new IOException("the file went away");
        }
        int n = super.read(buffer, offset, length);
        read += Math.max(n, 0);
        return n;
      }
    };
    assertThatThrownBy(() -> importer().importCsv(failing, "broken.csv", (a, b, c, d) -> { },
        true)).isInstanceOf(IOException.class).hasMessageContaining("went away");
    assertThat(indexes()).isEqualTo(before);
    assertThat(jdbc.sql("SELECT COUNT(*) FROM deferred_indexes").query(Long.class).single())
        .isZero();
  }

  @Test
  void deferringPaysForALargeLoadIntoASmallerTableOnly() {
    long stored = jdbc.sql("SELECT COUNT(*) FROM transfers").query(Long.class).single();
    assertThat(importer().deferringPays(TransferImporter.DEFER_ROWS_MIN - 1)).isFalse();
    long large = Math.max(TransferImporter.DEFER_ROWS_MIN, stored + 1);
    assertThat(importer().deferringPays(large)).isTrue();
    if (stored >= TransferImporter.DEFER_ROWS_MIN) {
      assertThat(importer().deferringPays(stored)).isFalse();
    }
  }

  private java.util.Map<String, String> indexes() {
    java.util.Map<String, String> found = new java.util.TreeMap<>();
    jdbc.sql("SELECT indexname, indexdef FROM pg_indexes WHERE tablename = 'transfers'")
        .query((rs, n) -> found.put(rs.getString(1), rs.getString(2))).list();
    found.remove("transfers_pkey");
    return found;
  }

  private long auditCount() {
    return jdbc.sql("SELECT COUNT(*) FROM audit_log").query(Long.class).single();
  }
}
