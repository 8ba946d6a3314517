package io.holdfast.server.recovery;

import static org.assertj.core.api.Assertions.assertThat;

import io.holdfast.server.support.Api;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/**
 * Restitution rounds run at once from many threads, with frozen funds growing between rounds:
 * no victim is ever paid more than their loss, and the refunds never exceed the frozen funds.
 */
class RestitutionConcurrencyIT extends RecoveryTestSupport {
  @Test
  void concurrentRoundsNeverPayAVictimTwice() throws Exception {
    String scammer = id("scammer");
    account(scammer, 2, 0);
    String freezeId = admin().post("/v1/freezes", "{\"recipient_account\":\"" + scammer
        + "\",\"reason\":\"known scammer\"}").json().path("freeze_id").asString();
    String caseId = admin().get("/v1/freezes/" + freezeId).json().path("case_id").asString();
    long totalLoss = 0;
    for (int i = 0; i < 6; i++) {
      String victim = id("victim");
      long loss = 10_000L * (i + 1);
      totalLoss += loss;
      // The recipient is frozen, so new payments are blocked; these losses predate the freeze.
      jdbc.sql("INSERT INTO transfers (transfer_id, created_at, sender_account,"
              + " recipient_account, amount_minor, currency, amount_usd_minor, channel, source)"
              + " VALUES (:t, CURRENT_TIMESTAMP - INTERVAL '2' DAY, :s, :r, :a, 'USD', :a, 'p2p',"
              + " 'import')").param("t", id("t")).param("s", victim).param("r", scammer)
          .param("a", loss).update();
      Api.Response r = reportAccount(victim, scammer, SCAM_STORY);
      assertThat(r.status()).as(r.body()).isEqualTo(201);
      assertThat(r.json().path("claim_ids").size()).isOne();
    }
    assertThat(confirmCase(caseId, null).status()).isEqualTo(200);
    long pool = 0;
    for (long frozen : new long[] {70_000, 150_000, 400_000}) {
      Api.Response funds = platform().post("/v1/freezes/" + freezeId + "/funds",
          "{\"currency\":\"USD\",\"amount_minor\":" + frozen + "}");
      assertThat(funds.status()).as(funds.body()).isEqualTo(200);
      pool = frozen;
      runRoundsAtOnce(caseId, 8);
      long paid = jdbc.sql("SELECT COALESCE(SUM(amount_minor), 0) FROM refunds WHERE case_id = :c")
          .param("c", caseId).query(Long.class).single();
      assertThat(paid).as("everything frozen so far, up to the losses")
          .isEqualTo(Math.min(pool, totalLoss));
      long overpaid = jdbc.sql("SELECT COUNT(*) FROM claims WHERE case_id = :c"
          + " AND paid_minor > loss_minor").param("c", caseId).query(Long.class).single();
      assertThat(overpaid).isZero();
      long mismatched = jdbc.sql("SELECT COUNT(*) FROM claims c WHERE c.case_id = :c AND"
          + " c.paid_minor <> (SELECT COALESCE(SUM(r.amount_minor), 0) FROM refunds r"
          + " WHERE r.claim_id = c.claim_id)").param("c", caseId).query(Long.class).single();
      assertThat(mismatched).as("every payment is a refund row").isZero();
    }
  }

  private void runRoundsAtOnce(String caseId, int threads) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      List<Future<Integer>> results = new ArrayList<>();
      for (int i = 0; i < threads; i++) {
        results.add(pool.submit(() -> admin().post("/v1/cases/" + caseId + "/restitution", null)
            .status()));
      }
      for (Future<Integer> f : results) {
        assertThat(f.get()).isEqualTo(200);
      }
    } finally {
      pool.shutdownNow();
    }
  }
}
