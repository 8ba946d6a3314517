package io.holdfast.server.instructions;

import io.holdfast.core.support.Invariants;
import io.holdfast.server.store.ArrayInsert;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

/**
 * The outbox of money instructions. Rows are written in the transaction of the state change
 * that causes them ({@link Propagation#MANDATORY}); the {@link InstructionSequencer} numbers
 * them after commit, and platforms pull them in that order and acknowledge them.
 */
@Repository
public class Instructions {
  public static final int PAGE_MAX = 1_000;

  /** An instruction with its payload as the platform will read it. */
  private record Row(Instruction instruction, String payload) {}

  private static final ArrayInsert<Row> INSERT_ALL = new ArrayInsert<>("instructions", List.of(
      new ArrayInsert.Column<>("instruction_id", "text", r -> r.instruction().instructionId()),
      new ArrayInsert.Column<>("kind", "text", r -> r.instruction().kind().name()),
      new ArrayInsert.Column<>("hold_id", "text", r -> r.instruction().holdId()),
      new ArrayInsert.Column<>("transfer_id", "text", r -> r.instruction().transferId()),
      new ArrayInsert.Column<>("account_id", "text", r -> r.instruction().accountId()),
      new ArrayInsert.Column<>("amount_minor", "int8", r -> r.instruction().amountMinor()),
      new ArrayInsert.Column<>("currency", "text", r -> r.instruction().currency()),
      new ArrayInsert.Column<>("payload", "text", Row::payload),
      new ArrayInsert.Column<>("created_at", "timestamptz",
          r -> Timestamp.from(r.instruction().createdAt()))));

  private final JdbcTemplate jdbc;
  private final JsonMapper json;
  private final Clock clock;

  public Instructions(JdbcTemplate jdbc, JsonMapper json, Clock clock) {
    this.jdbc = jdbc;
    this.json = json;
    this.clock = clock;
  }

  @Transactional(propagation = Propagation.MANDATORY)
  public void insert(List<Instruction> instructions) {
    if (instructions.isEmpty()) {
      return;
    }
    INSERT_ALL.insert(jdbc, instructions.stream()
        .map(i -> new Row(i, json.writeValueAsString(payload(i)))).toList());
  }

  static Map<String, Object> payload(Instruction i) {
    Map<String, Object> p = new LinkedHashMap<>();
    p.put("instruction_id", i.instructionId());
    p.put("kind", i.kind().name());
    p.put("hold_id", i.holdId());
    p.put("transfer_id", i.transferId());
    p.put("account_id", i.accountId());
    p.put("recipient", i.recipientKey());
    p.put("amount_minor", i.amountMinor());
    p.put("currency", i.currency());
    p.put("reason", i.reason());
    p.put("created_at", i.createdAt().toString());
    return p;
  }

  /** Instructions numbered after {@code afterSeq}, in order, at most {@code limit}. */
  public List<Map<String, Object>> page(long afterSeq, int limit) {
    Invariants.check(limit >= 1 && limit <= PAGE_MAX, "page size out of bounds");
    return jdbc.query("SELECT seq, payload, acked_at FROM instructions WHERE seq > ?"
            + " ORDER BY seq LIMIT ?",
        (rs, n) -> {
          Map<String, Object> row = new LinkedHashMap<>();
          row.put("seq", rs.getLong(1));
          row.putAll(json.readValue(rs.getString(2), Map.class));
          Timestamp acked = rs.getTimestamp(3);
          row.put("acknowledged", acked != null);
          return row;
        }, afterSeq, limit);
  }

  /** Marks an instruction applied by the platform; true the first time. */
  @Transactional(propagation = Propagation.MANDATORY)
  public boolean ack(String instructionId, String actor) {
    return jdbc.update("UPDATE instructions SET acked_at = ?, acked_by = ?"
            + " WHERE instruction_id = ? AND acked_at IS NULL",
        Timestamp.from(clock.instant()), actor, instructionId) == 1;
  }

  public boolean exists(String instructionId) {
    Long n = jdbc.queryForObject("SELECT COUNT(*) FROM instructions WHERE instruction_id = ?",
        Long.class, instructionId);
    return n != null && n > 0;
  }
}
