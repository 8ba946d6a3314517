package io.holdfast.app.bench;

import static org.assertj.core.api.Assertions.assertThat;

import io.holdfast.bench.SyntheticHistory;
import io.holdfast.core.transfer.Transfer;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The load benchmark's request bodies, answer parsing and SQL parameters, without a server. */
class BenchPlumbingTest {
  private final SyntheticHistory history =
      new SyntheticHistory(2_000, 1, Instant.parse("2026-11-25T12:00:00Z"));

  @Test
  void everyBodyIsValidJsonWithOneKindOfRecipient() {
    JsonMapper json = JsonMapper.builder().build();
    for (int n = 0; n < 500; n++) {
      Transfer t = history.screeningTransfer(7, n, Instant.EPOCH);
      JsonNode body = json.readTree(HttpLoad.body(t));
      assertThat(body.get("transfer_id").asText()).isEqualTo("b-7-" + n);
      assertThat(body.has("recipient_account")).isNotEqualTo(body.has("recipient_address"));
      assertThat(body.get("amount_minor").asLong()).isPositive();
    }
  }

  @Test
  void theOutcomeIsReadFromTheAnswer() {
    assertThat(HttpLoad.outcome("{\"transfer_id\":\"t\",\"outcome\":\"HOLD\",\"risk\":1}"))
        .isEqualTo("HOLD");
    assertThat(HttpLoad.outcome("{\"type\":\"problem\"}")).isEqualTo("?");
  }

  @Test
  void namedParametersBecomePositionalInOrder() {
    SqlBaseline.Statement s = SqlBaseline.Statement.of(
        "SELECT 1 FROM t WHERE a = :sender AND b > :h24 AND c = :sender");
    assertThat(s.sql()).isEqualTo("SELECT 1 FROM t WHERE a = ? AND b > ? AND c = ?");
    assertThat(s.names()).containsExactly("sender", "h24", "sender");
    assertThat(SqlBaseline.Statement.of(SqlBaseline.TEMPLATE).sql()).doesNotContain(":");
  }

  @Test
  void theDemoBenchTableHasARowPerWorldAndTheirMean() {
    String table = DemoBenchCommand.seedTable(java.util.List.of(
        new io.holdfast.app.demo.DemoCommand.Headline(42, 400_000_00, 300_000_00, 100_000_00,
            120_000, 600, 9_000, 200.4),
        new io.holdfast.app.demo.DemoCommand.Headline(7, 200_000_00, 100_000_00, 100_000_00,
            100_000, 400, 8_000, 199.6)));
    assertThat(table).contains("| 42 | $400,000 | $100,000 | 75.0% | 600 of 120,000 (0.50%)"
        + " | 9,000 | 200 s |");
    assertThat(table).contains("| 7 | $200,000 | $100,000 | 50.0% | 400 of 100,000 (0.40%)");
    assertThat(table).contains("| mean | | | **62.5%** | **0.45%** | | |");
    assertThat(table.lines().count()).isEqualTo(5);
  }
}
