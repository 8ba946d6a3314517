package io.holdfast.server.sandbox;

import io.holdfast.core.support.Invariants;
import io.holdfast.server.freezes.FreezeService;
import io.holdfast.server.instructions.Instructions;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * A built-in platform for the demo and the tests: it consumes the instruction outbox as a real
 * platform would, after its own cursor and in seq order, applies each instruction to the
 * {@link SandboxLedger} and acknowledges it, in one transaction per instruction, so a crash
 * leaves the cursor, the ledger and the acknowledgements consistent.
 *
 * <p>A sender without enough money in the sandbox is funded from {@code world} with the
 * missing amount, in the same transaction and recorded as postings of the instruction: the
 * sandbox never refuses a hold, so demos need no set-up, and the conservation checks still
 * see every unit that entered.
 */
@Component
public class SandboxPlatform {
  public static final String ACTOR = "sandbox";
  private static final Logger LOG = LoggerFactory.getLogger(SandboxPlatform.class);

  private final Instructions instructions;
  private final SandboxLedger ledger;
  private final JdbcTemplate jdbc;
  private final TransactionTemplate tx;
  private final JsonMapper json;
  private final boolean enabled;
  private final FreezeService freezes;

  public SandboxPlatform(Instructions instructions, SandboxLedger ledger, JdbcTemplate jdbc,
      TransactionTemplate tx, JsonMapper json, FreezeService freezes,
      @Value("${holdfast.sandbox.enabled:false}") boolean enabled) {
    this.freezes = freezes;
    this.instructions = instructions;
    this.ledger = ledger;
    this.jdbc = jdbc;
    this.tx = tx;
    this.json = json;
    this.enabled = enabled;
  }

  public boolean enabled() {
    return enabled;
  }

  @Scheduled(fixedDelayString = "${holdfast.sandbox.poll-millis:500}")
  public void run() {
    if (enabled) {
      int applied = applyPending(10_000);
      if (applied > 0) {
        LOG.info("sandbox applied {} instructions", applied);
      }
    }
  }

  /**
   * Applies up to {@code limit} instructions after the cursor; returns how many it read. Each
   * instruction has a transaction of its own: one holding the balances of several instructions
   * at once could lock them out of order against a concurrent deposit and deadlock.
   */
  public int applyPending(int limit) {
    Invariants.check(limit >= 1 && limit <= 1_000_000, "limit out of bounds");
    int total = 0;
    while (total < limit) {
      Boolean applied = tx.execute(status -> applyNext());
      if (!Boolean.TRUE.equals(applied)) {
        break;
      }
      total++;
    }
    return total;
  }

  /** Applies and acknowledges the instruction after the cursor; false when there is none. */
  private boolean applyNext() {
    long cursor = jdbc.queryForObject(
        "SELECT last_seq FROM sandbox_cursor WHERE id = 1 FOR UPDATE", Long.class);
    List<Map<String, Object>> page = instructions.page(cursor, 1);
    if (page.isEmpty()) {
      return false;
    }
    Map<String, Object> next = page.get(0);
    apply(next);
    instructions.ack((String) next.get("instruction_id"), ACTOR);
    jdbc.update("UPDATE sandbox_cursor SET last_seq = ? WHERE id = 1",
        ((Number) next.get("seq")).longValue());
    return true;
  }

  /** Applies one instruction (a payload map); false when it had been applied before. */
  boolean apply(Map<String, Object> i) {
    String id = (String) i.get("instruction_id");
    String kind = (String) i.get("kind");
    String holdId = (String) i.get("hold_id");
    String currency = (String) i.get("currency");
    long amount = ((Number) i.get("amount_minor")).longValue();
    String sender = SandboxAccounts.user((String) i.get("account_id"));
    return switch (kind) {
      case "HOLD_FUNDS" -> holdFunds(id, holdId, sender, currency, amount);
      case "RELEASE" -> resolve(i, SandboxAccounts.recipient((String) i.get("recipient")));
      case "RETURN" -> resolve(i, sender);
      case "FREEZE" -> freeze(id, (String) i.get("account_id"));
      case "UNFREEZE" -> unfreeze(id, (String) i.get("account_id"));
      case "REFUND" -> refund(id, (String) i.get("recipient"), sender, currency, amount);
      default -> throw new IllegalStateException("unknown instruction kind " + kind);
    };
  }

  /**
   * Moves the account's whole balance, in every currency, into its frozen sub-account and
   * reports each amount to Holdfast as the freeze's frozen funds, as a platform would.
   */
  private boolean freeze(String id, String accountId) {
    if (ledger.applied(id + ":marker")) {
      return false;
    }
    String user = SandboxAccounts.user(accountId);
    String frozen = SandboxAccounts.frozen(accountId);
    String freezeId = id.substring(0, id.lastIndexOf(':'));
    for (String currency : ledger.currenciesOf(user)) {
      long[] moved = {0};
      ledger.post(id + ":" + currency, "FREEZE", null, "frozen", List.of(user, frozen), currency,
          balances -> {
            moved[0] = balances.get(user);
            return moved[0] == 0 ? List.of() : List.of(
                new Posting(user, currency, -moved[0], "frozen"),
                new Posting(frozen, currency, moved[0], "frozen"));
          });
      freezes.recordFunds(freezeId, currency, moved[0], ACTOR);
    }
    return ledger.post(id + ":marker", "FREEZE", null, "account frozen", List.of(), "ALL",
        balances -> List.of());
  }

  /** Gives back what is left in the frozen sub-account once the freeze ends. */
  private boolean unfreeze(String id, String accountId) {
    if (ledger.applied(id + ":marker")) {
      return false;
    }
    String user = SandboxAccounts.user(accountId);
    String frozen = SandboxAccounts.frozen(accountId);
    for (String currency : ledger.currenciesOf(frozen)) {
      ledger.post(id + ":" + currency, "UNFREEZE", null, "unfrozen", List.of(user, frozen),
          currency, balances -> {
            long left = balances.get(frozen);
            return left == 0 ? List.of() : List.of(new Posting(frozen, currency, -left, "unfrozen"),
                new Posting(user, currency, left, "unfrozen"));
          });
    }
    return ledger.post(id + ":marker", "UNFREEZE", null, "account unfrozen", List.of(), "ALL",
        balances -> List.of());
  }

  /** Pays a victim from the frozen sub-account of the account the money was frozen on. */
  private boolean refund(String id, String sourceKey, String victim, String currency,
      long amount) {
    String frozen = SandboxAccounts.frozen(sourceKey.substring(2));
    boolean[] rejected = {false};
    boolean fresh = ledger.post(id, "REFUND", null, "refund to " + victim,
        List.of(frozen, victim), currency, balances -> {
          if (balances.get(frozen) < amount) {
            rejected[0] = true;
            return List.of();
          }
          return List.of(new Posting(frozen, currency, -amount, "refund"),
              new Posting(victim, currency, amount, "refund"));
        });
    if (rejected[0]) {
      jdbc.update("UPDATE sandbox_applied SET note = ? WHERE instruction_id = ?",
          "rejected: frozen funds lack " + amount + " " + currency, id);
    }
    return fresh;
  }

  private boolean holdFunds(String id, String holdId, String sender, String currency,
      long amount) {
    String world = SandboxAccounts.WORLD;
    String escrow = SandboxAccounts.ESCROW;
    return ledger.post(id, "HOLD_FUNDS", holdId, "funds held", List.of(sender, escrow, world),
        currency, balances -> {
          long missing = Math.max(0, amount - balances.get(sender));
          if (missing == 0) {
            return List.of(new Posting(sender, currency, -amount, "held"),
                new Posting(escrow, currency, amount, "held"));
          }
          return List.of(new Posting(world, currency, -missing, "auto-funded"),
              new Posting(sender, currency, missing, "auto-funded"),
              new Posting(sender, currency, -amount, "held"),
              new Posting(escrow, currency, amount, "held"));
        });
  }

  /**
   * Pays escrow out to {@code target}. Should the resolution come before its hold's funds were
   * taken (the sequencer orders by creation time, which the client's transfer time sets), the
   * hold's HOLD_FUNDS is applied first, so escrow never pays what it never received.
   */
  private boolean resolve(Map<String, Object> i, String target) {
    String id = (String) i.get("instruction_id");
    String kind = (String) i.get("kind");
    String holdId = (String) i.get("hold_id");
    String currency = (String) i.get("currency");
    long amount = ((Number) i.get("amount_minor")).longValue();
    String fundsId = holdId + ":hold_funds";
    if (!ledger.applied(fundsId)) {
      List<String> payload = jdbc.queryForList(
          "SELECT payload FROM instructions WHERE instruction_id = ?", String.class, fundsId);
      if (!payload.isEmpty()) {
        apply(json.readValue(payload.get(0), Map.class));
      }
    }
    String escrow = SandboxAccounts.ESCROW;
    boolean[] rejected = {false};
    boolean fresh = ledger.post(id, kind, holdId, kind.equals("RELEASE") ? "released to "
        + target : "returned to sender", List.of(escrow, target), currency, balances -> {
          if (balances.get(escrow) < amount) {
            rejected[0] = true;
            return List.of();
          }
          return List.of(new Posting(escrow, currency, -amount, kind.toLowerCase(Locale.ROOT)),
              new Posting(target, currency, amount, kind.toLowerCase(Locale.ROOT)));
        });
    if (rejected[0]) {
      jdbc.update("UPDATE sandbox_applied SET note = ? WHERE instruction_id = ?",
          "rejected: escrow lacks " + amount + " " + currency, id);
    }
    return fresh;
  }
}
