package io.holdfast.server.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import io.holdfast.core.hold.HoldCommand;
import io.holdfast.core.hold.HoldPolicy;
import io.holdfast.core.hold.Resolution;
import io.holdfast.server.audit.AuditLog;
import io.holdfast.server.holds.HoldRows;
import io.holdfast.server.holds.HoldService;
import io.holdfast.server.holds.HoldsController;
import io.holdfast.server.instructions.InstructionSequencer;
import io.holdfast.server.instructions.Instructions;
import io.holdfast.server.support.PostgresServerTest;
import io.holdfast.server.web.ApiProblem;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;

/**
 * The sandbox platform applies the instruction outbox to a double-entry ledger: cancelled and
 * returned money is back with the sender, released money is with the recipient, applying
 * everything again changes nothing, and money is conserved through random concurrent
 * sequences of holds, cancels, releases, returns, sweeps and a crash mid-batch.
 */
class SandboxLedgerIT extends PostgresServerTest {
  @Autowired
  SandboxLedger ledger;
  @Autowired
  SandboxPlatform sandbox;
  @Autowired
  InstructionSequencer sequencer;
  @Autowired
  HoldService holds;
  @Autowired
  HoldRows rows;
  @Autowired
  Instructions instructions;
  @Autowired
  AuditLog audit;
  @Autowired
  TransactionTemplate tx;
  @Autowired
  HoldPolicy policy;
  @Autowired
  JdbcClient jdbc;

  /** Screens a transfer that a rule holds; returns the hold id. */
  private String held(String sender, String recipient, long amountMinor) {
    return screenHeld(sender, recipient, amountMinor, "TEST_HOLD").path("hold").path("hold_id")
        .asString();
  }

  private HoldService later() {
    Clock later = Clock.offset(Clock.systemUTC(), pastAnUnknownRecipientsHold());
    return holds.withClock(later);
  }

  private void sweepAll(HoldService service) {
    for (int batch = 0; batch < 1_000 && service.sweepDue(500, "sweeper") > 0; batch++) {
      assertThat(batch).isLessThan(999);
    }
  }

  /** Numbers everything and lets the sandbox apply it; twice, the second finding nothing. */
  private void catchUp() {
    sequencer.run();
    sandbox.applyPending(1_000_000);
    assertThat(sandbox.applyPending(1_000_000)).as("nothing is applied twice").isZero();
  }

  private Map<String, Long> allBalances() {
    Map<String, Long> all = new LinkedHashMap<>();
    jdbc.sql("SELECT account_id, currency, balance_minor FROM sandbox_accounts")
        .query(rs -> {
          all.put(rs.getString(1) + "/" + rs.getString(2), rs.getLong(3));
        });
    return all;
  }

  private void assertConserved() {
    SandboxInvariants.Report report = ledger.checkInvariants();
    assertThat(report.violations()).isEmpty();
    assertThat(report.ok()).isTrue();
    assertThat(report.pendingInstructions()).as("caught up, so escrow is checked against the"
        + " active holds too").isZero();
  }

  @Test
  void cancelledMoneyIsBackWithTheSenderAndReleasedMoneyWithTheRecipient() {
    String sender = id("s");
    String user = SandboxAccounts.user(sender);
    assertThat(ledger.deposit(user, "USD", 100_000, "fund-" + sender)).isTrue();
    assertThat(ledger.deposit(user, "USD", 100_000, "fund-" + sender)).as("once per ref")
        .isFalse();
    List<String> recipients = List.of(id("r"), id("r"), id("r"), id("r"));
    List<String> ids = new ArrayList<>();
    for (String recipient : recipients) {
      ids.add(held(sender, recipient, 25_000));
    }
    catchUp();
    assertThat(ledger.balance(user, "USD")).as("all four held").isZero();
    assertConserved();

    Map<String, String> asSender = Map.of(HoldsController.ACCOUNT_HEADER, sender);
    assertThat(platform().post("/v1/holds/" + ids.get(0) + "/cancel", "{}", asSender).status())
        .isEqualTo(200);
    assertThat(admin().post("/v1/holds/" + ids.get(1) + "/release", "{\"note\":\"ok\"}")
        .status()).isEqualTo(200);
    assertThat(admin().post("/v1/holds/" + ids.get(2) + "/return", "{\"note\":\"scam\"}")
        .status()).isEqualTo(200);
    sweepAll(later());
    catchUp();

    assertThat(ledger.balance(user, "USD")).as("cancelled and returned money is back")
        .isEqualTo(50_000);
    assertThat(ledger.balance(SandboxAccounts.user(recipients.get(0)), "USD")).isZero();
    assertThat(ledger.balance(SandboxAccounts.user(recipients.get(1)), "USD")).isEqualTo(25_000);
    assertThat(ledger.balance(SandboxAccounts.user(recipients.get(2)), "USD")).isZero();
    assertThat(ledger.balance(SandboxAccounts.user(recipients.get(3)), "USD"))
        .as("released by the sweeper at the deadline").isEqualTo(25_000);
    assertThat(jdbc.sql("SELECT COUNT(*) FROM sandbox_entries WHERE account_id = :a"
        + " AND memo = 'auto-funded'").param("a", user).query(Long.class).single())
        .as("the sender had the money").isZero();
    String in = "('" + String.join("','", ids) + "')";
    assertThat(jdbc.sql("SELECT COUNT(*) FROM instructions WHERE acked_at IS NULL"
        + " AND hold_id IN " + in).query(Long.class).single()).as("all acknowledged").isZero();
    assertConserved();

    Map<String, Long> before = allBalances();
    long entries = jdbc.sql("SELECT COUNT(*) FROM sandbox_entries").query(Long.class).single();
    jdbc.sql("UPDATE sandbox_cursor SET last_seq = 0 WHERE id = 1").update();
    assertThat(sandbox.applyPending(1_000_000)).as("everything read again").isPositive();
    assertThat(allBalances()).as("re-applying changes nothing").isEqualTo(before);
    assertThat(jdbc.sql("SELECT COUNT(*) FROM sandbox_entries").query(Long.class).single())
        .isEqualTo(entries);

    JsonNode view = admin().get("/v1/sandbox/ledger").json();
    assertThat(view.path("invariants").path("ok").asBoolean()).as(view.toString()).isTrue();
    assertThat(view.path("balances").isArray()).isTrue();
    assertThat(platform().get("/v1/sandbox/ledger").status()).isEqualTo(403);
  }

  @Test
  void moneyIsConservedThroughRandomConcurrentSequencesAndACrash() throws Exception {
    Random random = new Random(20_240_601L);
    List<String> senders = List.of(id("s"), id("s"), id("s"), id("s"), id("s"));
    for (int i = 1; i < senders.size(); i++) {
      // The first sender gets nothing, so the sandbox has to fund its holds itself.
      ledger.deposit(SandboxAccounts.user(senders.get(i)), "USD", 60_000L * i, id("dep"));
    }
    List<String> ids = new ArrayList<>();
    List<String> owners = new ArrayList<>();
    for (int h = 0; h < 50; h++) {
      String sender = senders.get(random.nextInt(senders.size()));
      // A quarter of the transfers go to another sender, whose money then also comes in.
      String other = senders.get(random.nextInt(senders.size()));
      String recipient = random.nextInt(4) == 0 && !other.equals(sender) ? other : id("r");
      ids.add(held(sender, recipient, 1_000 + random.nextInt(40_000)));
      owners.add(sender);
    }
    int[] commands = random.ints(ids.size(), 0, 6).toArray();
    ExecutorService pool = Executors.newFixedThreadPool(5);
    CountDownLatch start = new CountDownLatch(1);
    AtomicBoolean done = new AtomicBoolean();
    Future<Integer> platformSide = pool.submit(() -> {
      start.await();
      int rounds = 0;
      while (!done.get() && rounds < 10_000) {
        sequencer.run();
        sandbox.applyPending(37);
        rounds++;
      }
      return rounds;
    });
    List<Future<Integer>> workers = new ArrayList<>();
    for (int w = 0; w < 4; w++) {
      int worker = w;
      workers.add(pool.submit(() -> {
        start.await();
        int applied = 0;
        for (int h = 0; h < ids.size(); h++) {
          // Two workers share each hold, so commands race on every hold.
          if (h % 2 == worker % 2) {
            applied += command(ids.get(h), owners.get(h), (commands[h] + worker) % 6);
          }
        }
        return applied;
      }));
    }
    start.countDown();
    int applied = 0;
    for (Future<Integer> worker : workers) {
      applied += worker.get();
    }
    done.set(true);
    assertThat(platformSide.get()).isPositive();
    pool.shutdown();
    assertThat(applied).as("some commands won").isPositive();

    crashMidBatch();
    sweepAll(later());
    catchUp();
    assertConserved();
    assertThat(jdbc.sql("SELECT COUNT(*) FROM sandbox_entries WHERE account_id = :a"
        + " AND memo = 'auto-funded'").param("a", SandboxAccounts.user(senders.get(0)))
        .query(Long.class).single()).as("the unfunded sender was funded by the sandbox")
        .isPositive();
    for (String sender : senders) {
      assertThat(ledger.balance(SandboxAccounts.user(sender), "USD")).as(sender)
          .isEqualTo(expectedBalance(sender));
    }
  }

  /** Applies one random command; 1 if it changed the hold, 0 if the hold refused it. */
  private int command(String holdId, String sender, int which) {
    try {
      switch (which) {
        case 0 -> holds.apply(holdId, sender, at -> new HoldCommand.Cancel("user:" + sender, at));
        case 1 -> holds.apply(holdId, null, at -> new HoldCommand.Release("analyst", at, "ok"));
        case 2 -> holds.apply(holdId, null, at -> new HoldCommand.ReturnToSender("analyst", at,
            Resolution.RETURNED_BY_ANALYST, "scam"));
        case 3 -> holds.apply(holdId, null, at -> new HoldCommand.Escalate("analyst", at,
            "report", null));
        case 4 -> ledger.deposit(SandboxAccounts.user(sender), "USD", 777, id("dep"));
        default -> {
          return 0;
        }
      }
      return 1;
    } catch (ApiProblem refused) {
      return 0;
    }
  }

  /** A batch that dies before commit leaves no trace: ledger, acks and cursor roll back. */
  private void crashMidBatch() {
    sequencer.run();
    long cursor = jdbc.sql("SELECT last_seq FROM sandbox_cursor").query(Long.class).single();
    Map<String, Long> before = allBalances();
    tx.executeWithoutResult(status -> {
      assertThat(sandbox.applyPending(1_000)).isPositive();
      status.setRollbackOnly();
    });
    assertThat(jdbc.sql("SELECT last_seq FROM sandbox_cursor").query(Long.class).single())
        .isEqualTo(cursor);
    assertThat(allBalances()).isEqualTo(before);
  }

  /**
   * What the sender must hold, computed from Holdfast's holds rather than from the ledger:
   * all that came in (deposits and auto-funding) less the holds that did not come back.
   */
  private long expectedBalance(String sender) {
    String user = SandboxAccounts.user(sender);
    long in = jdbc.sql("SELECT COALESCE(SUM(amount_minor), 0) FROM sandbox_entries"
        + " WHERE account_id = :a AND memo IN ('deposit in', 'auto-funded')")
        .param("a", user).query(Long.class).single();
    long kept = jdbc.sql("SELECT COALESCE(SUM(amount_minor), 0) FROM holds"
        + " WHERE sender_account = :s AND state <> 'RETURNED'").param("s", sender)
        .query(Long.class).single();
    long received = jdbc.sql("SELECT COALESCE(SUM(amount_minor), 0) FROM holds"
        + " WHERE recipient_key = :r AND state = 'RELEASED'").param("r", "a:" + sender)
        .query(Long.class).single();
    return in - kept + received;
  }
}
