package io.holdfast.core.simulation;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The simulator on its own, against a platform that follows a fixed policy (hold every payment
 * to an address, allow the rest), so its own behaviour is what is tested: the same seed makes
 * the same world, every scam type appears with its ground truth, scammers launder what they
 * receive, and only victims who lost money report.
 */
class SimulationTest {
  private static final WorldParameters SMALL = WorldParameters.defaults().resized(3_000, 12, 7);

  /** A platform with a fixed, simple policy that records what it was asked. */
  static class FixedPolicyPlatform implements Platform {
    final List<String> calls = new ArrayList<>();
    final Map<String, HoldFate> holds = new HashMap<>();
    int reports;
    Instant now;

    @Override
    public void register(List<SimAccount> accounts, Instant at) {
      calls.add("register " + accounts.size() + " " + at);
    }

    @Override
    public void advanceTo(Instant at) {
      assertThat(now == null || !at.isBefore(now)).as("time never goes back").isTrue();
      now = at;
    }

    @Override
    public void tick() {
      holds.replaceAll((id, fate) -> HoldFate.RELEASED);
    }

    @Override
    public void accountEvent(String eventId, String accountId, String type, Instant at,
        String deviceId, long amountMinor) {
      calls.add("event " + eventId + " " + type + " " + at);
    }

    @Override
    public Screened screen(SimTransfer t) {
      calls.add("screen " + t.transferId() + " " + t.amountMinor() + " " + t.at());
      if (t.recipientAddress() != null) {
        holds.put("hold-" + t.transferId(), HoldFate.ACTIVE);
        return new Screened("HOLD", "hold-" + t.transferId());
      }
      return new Screened("ALLOW", null);
    }

    @Override
    public void settle(SimTransfer transfer) {
      calls.add("settle " + transfer.transferId());
    }

    @Override
    public void cancel(String holdId, String sender) {
      holds.put(holdId, HoldFate.RETURNED);
    }

    @Override
    public void answer(String holdId, String sender, boolean admitsScript) {
      calls.add("answer " + holdId + " " + admitsScript);
    }

    @Override
    public boolean report(String reporter, List<String> transferIds, ScamKind kind,
        String narrative) {
      reports++;
      calls.add("report " + reporter + " " + transferIds);
      return false;
    }

    @Override
    public boolean falseReport(String reporter, String target, String narrative) {
      calls.add("false report " + reporter + " " + target);
      return false;
    }

    @Override
    public void analystReview(Instant at) {
      calls.add("review " + at);
    }

    @Override
    public HoldFate holdFate(String holdId) {
      return holds.getOrDefault(holdId, HoldFate.ACTIVE);
    }
  }

  @Test
  void theSameSeedMakesTheSameRun() {
    FixedPolicyPlatform first = new FixedPolicyPlatform();
    FixedPolicyPlatform second = new FixedPolicyPlatform();
    new Simulation(SMALL).run(first, day -> { });
    new Simulation(SMALL).run(second, day -> { });
    assertThat(first.calls).hasSizeGreaterThan(5_000).isEqualTo(second.calls);
    FixedPolicyPlatform other = new FixedPolicyPlatform();
    new Simulation(WorldParameters.defaults().resized(3_000, 12, 8)).run(other, day -> { });
    assertThat(other.calls).isNotEqualTo(first.calls);
  }

  /**
   * Common random numbers: a platform that also warns on many honest payments (each warning a
   * draw: does the user heed it?) leaves every scam victim's reactions as they were, because
   * each reaction is drawn for its own payment and question, not from one shared stream.
   */
  @Test
  void warningHonestPaymentsLeavesEveryVictimsReactionsAsTheyWere() {
    FixedPolicyPlatform plain = new FixedPolicyPlatform();
    FixedPolicyPlatform warning = new FixedPolicyPlatform() {
      @Override
      public Screened screen(SimTransfer t) {
        Screened s = super.screen(t);
        return t.honest() && t.transferId().endsWith("7") && s.outcome().equals("ALLOW")
            ? new Screened("WARN", null) : s;
      }
    };
    Simulation.Result a = new Simulation(SMALL).run(plain, day -> { });
    Simulation.Result b = new Simulation(SMALL).run(warning, day -> { });
    Map<String, String> before = victimReactions(a, plain);
    assertThat(before).hasSizeGreaterThan(20);
    assertThat(victimReactions(b, warning)).isEqualTo(before);
    assertThat(b.outcomes().attempts().stream().filter(x -> x.transfer.honest() && x.heeded))
        .as("some honest users heeded the extra warnings").isNotEmpty();
  }

  private static Map<String, String> victimReactions(Simulation.Result run,
      FixedPolicyPlatform platform) {
    Map<String, String> reactions = new java.util.TreeMap<>();
    for (Outcomes.Attempt x : run.outcomes().attempts()) {
      if (x.transfer.scam() != null) {
        reactions.put(x.transfer.transferId(), x.outcome + " heeded=" + x.heeded + " fate="
            + (x.holdId == null ? "-" : platform.holds.get(x.holdId)));
      }
    }
    return reactions;
  }

  @Test
  void everyScamTypeAppearsWithItsGroundTruth() {
    Simulation.Result run = new Simulation(SMALL).run(new FixedPolicyPlatform(), day -> { });
    Set<ScamKind> seen = EnumSet.noneOf(ScamKind.class);
    int honest = 0;
    int laundering = 0;
    for (Outcomes.Attempt a : run.outcomes().attempts()) {
      SimTransfer t = a.transfer;
      if (t.scam() != null) {
        seen.add(t.scam());
        assertThat(t.caseId()).isNotNull();
        assertThat(t.scammerKey()).isEqualTo(t.recipientKey());
      } else if (t.laundering()) {
        laundering++;
      } else {
        honest++;
      }
    }
    assertThat(seen).containsExactlyInAnyOrder(ScamKind.values());
    assertThat(honest).as("ordinary life dominates").isGreaterThan(50 * seen.size());
    assertThat(laundering).as("scammers move received money on to mules").isPositive();
    for (ScamCase c : run.cases()) {
      assertThat(c.payments()).allSatisfy(p -> assertThat(p.scam()).isEqualTo(c.kind()));
    }
  }

  @Test
  void familiesAbroadAreHonestSoPayingAbroadIsNotOnlyAScammersMark() {
    Simulation.Result run = new Simulation(SMALL).run(new FixedPolicyPlatform(), day -> { });
    Map<String, SimAccount> byId = new HashMap<>();
    run.accounts().forEach(a -> byId.put(a.accountId(), a));
    Set<String> romanceCountries = new java.util.HashSet<>();
    Set<String> honestAbroadCountries = new java.util.HashSet<>();
    int toYoungAccountsAbroad = 0;
    for (Outcomes.Attempt a : run.outcomes().attempts()) {
      SimTransfer t = a.transfer;
      SimAccount sender = byId.get(t.sender());
      SimAccount recipient = t.recipientAccount() == null ? null : byId.get(t.recipientAccount());
      if (recipient == null || sender.country().equals(recipient.country())) {
        continue;
      }
      if (t.scam() == ScamKind.ROMANCE) {
        romanceCountries.add(recipient.country());
      } else if (t.honest() && recipient.accountId().startsWith("r")) {
        assertThat(recipient.role()).isEqualTo(SimAccount.Role.USER);
        honestAbroadCountries.add(recipient.country());
        toYoungAccountsAbroad += recipient.ageDays() < 30 ? 1 : 0;
      }
    }
    assertThat(romanceCountries).as("romance scammers receive abroad").isNotEmpty();
    assertThat(honestAbroadCountries).as("families live where romance scammers do")
        .containsAll(romanceCountries);
    assertThat(toYoungAccountsAbroad).as("some relatives opened their account lately")
        .isPositive();
  }

  @Test
  void onlyVictimsWhoLostMoneyReportAndFalseReportsComeFromAdversaries() {
    FixedPolicyPlatform platform = new FixedPolicyPlatform();
    Simulation.Result run = new Simulation(SMALL).run(platform, day -> { });
    for (Outcomes.Filed f : run.outcomes().reports()) {
      if (f.falseReport()) {
        assertThat(f.reporter()).startsWith("adv");
        continue;
      }
      boolean lost = run.outcomes().attempts().stream().anyMatch(a ->
          f.caseId().equals(a.transfer.caseId()) && a.moved());
      assertThat(lost).as("case %s reported only after a loss", f.caseId()).isTrue();
    }
    assertThat(platform.reports).isPositive();
  }
}
