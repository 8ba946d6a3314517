package io.holdfast.core.hold;

import static org.assertj.core.api.Assertions.assertThat;

import io.holdfast.core.money.CurrencyCatalog;
import io.holdfast.core.money.Money;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every state against every command, with the expected result written out as a table (as
 * TigerBeetle's pending_transfer_already_* and Marble's CanTransition): what the next state is,
 * or why the command is refused. A terminal hold refuses everything with the resolution it has.
 */
class HoldStateTableTest {
  static final Instant T0 = Instant.parse("2026-11-23T10:00:00Z"); // a Monday
  static final Money AMOUNT = new Money(150_000_000, CurrencyCatalog.defaults().find("USDT")
      .orElseThrow());
  static final HoldPolicy POLICY = HoldPolicy.defaults();
  static final Hold.Held HELD = POLICY.place("h-1", "t-1", "a-1", "x:EVM:0xabc", AMOUNT, 0.9,
      false, List.of("CODE"), T0);
  static final Instant DUE = HELD.releaseAt();
  static final Instant LEGAL = HELD.terms().legalDeadline();

  static final Map<String, Hold> STATES = new LinkedHashMap<>();
  static final Map<String, HoldCommand> COMMANDS = new LinkedHashMap<>();

  static {
    STATES.put("held", HELD);
    STATES.put("investigating", new Hold.UnderInvestigation(HELD.terms(), DUE, 1, "report", 2));
    STATES.put("released", new Hold.Released(HELD.terms(), Resolution.RELEASED_AT_DEADLINE, DUE,
        "sweeper", 2));
    STATES.put("returned", new Hold.Returned(HELD.terms(), Resolution.CANCELLED_BY_SENDER,
        T0.plusSeconds(60), "a-1", 2));
    Instant soon = T0.plusSeconds(600);
    COMMANDS.put("cancel", new HoldCommand.Cancel("a-1", soon));
    COMMANDS.put("release", new HoldCommand.Release("analyst", soon, "checked"));
    COMMANDS.put("return", new HoldCommand.ReturnToSender("analyst", soon,
        Resolution.RETURNED_AS_SCAM, "confirmed"));
    COMMANDS.put("escalate", new HoldCommand.Escalate("engine", soon, "answer matched script",
        DUE.plus(Duration.ofHours(12))));
    COMMANDS.put("advance ladder", new HoldCommand.AdvanceLadder("ladder", soon, 2));
    COMMANDS.put("ladder backwards", new HoldCommand.AdvanceLadder("ladder", soon, 0));
    COMMANDS.put("extend", new HoldCommand.Extend("analyst", soon, DUE.plusSeconds(3600), "why"));
    COMMANDS.put("extend past law", new HoldCommand.Extend("analyst", soon,
        LEGAL.plusSeconds(1), "why"));
    COMMANDS.put("shorten", new HoldCommand.Shorten("questionnaire", soon,
        T0.plus(Duration.ofHours(1)), "every question answered no"));
    COMMANDS.put("shorten later", new HoldCommand.Shorten("questionnaire", soon,
        DUE.plusSeconds(1), "why"));
    COMMANDS.put("shorten to now", new HoldCommand.Shorten("questionnaire", soon, soon, "why"));
    COMMANDS.put("deadline early", new HoldCommand.Deadline("sweeper", DUE.minusSeconds(1),
        false, Duration.ofHours(24)));
    COMMANDS.put("deadline clean", new HoldCommand.Deadline("sweeper", DUE, false,
        Duration.ofHours(24)));
    COMMANDS.put("deadline findings", new HoldCommand.Deadline("sweeper", DUE, true,
        Duration.ofHours(24)));
    COMMANDS.put("deadline findings at law", new HoldCommand.Deadline("sweeper", LEGAL, true,
        Duration.ofHours(24)));
  }

  /** What each cell must give: the next state's type and resolution, or the rejection. */
  static final Map<String, String> ACTIVE_ROW = Map.ofEntries(
      Map.entry("advance ladder", "SAME_STATE_LADDER_MOVED"),
      Map.entry("ladder backwards", "NotAllowed"),
      Map.entry("cancel", "Returned:cancelled_by_sender"),
      Map.entry("release", "Released:released_by_analyst"),
      Map.entry("return", "Returned:returned_as_scam"),
      Map.entry("escalate", "UnderInvestigation"),
      Map.entry("extend", "SAME_STATE_EXTENDED"),
      Map.entry("extend past law", "NotAllowed"),
      Map.entry("shorten", "SAME_STATE_SHORTENED"),
      Map.entry("shorten later", "NotAllowed"),
      Map.entry("shorten to now", "NotAllowed"),
      Map.entry("deadline early", "NotAllowed"),
      Map.entry("deadline clean", "Released:released_at_deadline"),
      Map.entry("deadline findings", "SAME_STATE_EXTENDED"),
      Map.entry("deadline findings at law", "Returned:returned_at_deadline"));

  static Stream<Arguments> cells() {
    List<Arguments> cells = new ArrayList<>();
    STATES.forEach((state, hold) -> COMMANDS.forEach((command, c) ->
        cells.add(Arguments.of(state, command))));
    return cells.stream();
  }

  static String expected(String state, String command) {
    if (state.equals("released")) {
      return "AlreadyResolved:released_at_deadline";
    }
    if (state.equals("returned")) {
      return "AlreadyResolved:cancelled_by_sender";
    }
    if (state.equals("investigating") && command.equals("escalate")) {
      return "SAME_STATE_EXTENDED";
    }
    if (state.equals("investigating") && command.equals("shorten")) {
      // A finding, not the sender's word, decides when an investigated hold ends.
      return "NotAllowed";
    }
    return ACTIVE_ROW.get(command);
  }

  @ParameterizedTest(name = "{0} x {1}")
  @MethodSource("cells")
  void everyStateAnswersEveryCommand(String state, String command) {
    Hold hold = STATES.get(state);
    HoldOutcome outcome = hold.handle(COMMANDS.get(command));
    assertThat(describe(hold, outcome)).isEqualTo(expected(state, command));
    if (outcome instanceof HoldOutcome.Changed changed) {
      assertThat(changed.next().version()).isEqualTo(hold.version() + 1);
      assertThat(changed.event().holdId()).isEqualTo(hold.holdId());
    }
  }

  private static String describe(Hold before, HoldOutcome outcome) {
    Function<Hold, String> resolution = h -> h instanceof Hold.Released r ? r.resolution().wire()
        : h instanceof Hold.Returned r ? r.resolution().wire() : "";
    if (outcome instanceof HoldOutcome.Rejected r) {
      if (r.rejection() instanceof HoldRejection.AlreadyResolved a) {
        return "AlreadyResolved:" + a.resolution().wire();
      }
      return "NotAllowed";
    }
    Hold next = ((HoldOutcome.Changed) outcome).next();
    if (next.getClass() == before.getClass() && !(next instanceof Hold.Released)
        && !(next instanceof Hold.Returned)) {
      Instant was = before instanceof Hold.Held h ? h.releaseAt()
          : ((Hold.UnderInvestigation) before).releaseAt();
      Instant now = next instanceof Hold.Held h ? h.releaseAt()
          : ((Hold.UnderInvestigation) next).releaseAt();
      if (now.isAfter(was)) {
        return "SAME_STATE_EXTENDED";
      }
      if (now.isBefore(was)) {
        return "SAME_STATE_SHORTENED";
      }
      int stepWas = before instanceof Hold.Held h ? h.ladderStep()
          : ((Hold.UnderInvestigation) before).ladderStep();
      int stepNow = next instanceof Hold.Held h ? h.ladderStep()
          : ((Hold.UnderInvestigation) next).ladderStep();
      return stepNow > stepWas ? "SAME_STATE_LADDER_MOVED" : "SAME_STATE_UNCHANGED";
    }
    String type = next.getClass().getSimpleName();
    String r = resolution.apply(next);
    return r.isEmpty() ? type : type + ":" + r;
  }
}
