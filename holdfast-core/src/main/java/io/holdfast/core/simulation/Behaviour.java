package io.holdfast.core.simulation;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiConsumer;

/**
 * How the world's people act and react: victims pay, heed or ignore warnings, cancel during a
 * hold, answer (or lie on) the questionnaire, report or stay silent; scammers pass money on to
 * mules; adversaries file false reports. Each reaction is drawn for its own person and
 * question ({@link Draws}), so a change in what the platform did moves only what follows from it.
 */
final class Behaviour {
  private final WorldParameters p;
  private final Platform platform;
  private final Outcomes outcomes;
  private final Draws draws;
  private final BiConsumer<Instant, Runnable> schedule;
  private final ReportGenerator narratives;
  private final java.util.function.Supplier<Instant> now;
  private long launderSerial;
  private final Set<String> stoppedCases = new HashSet<>();
  private final Set<String> registered = new HashSet<>();
  private final Map<String, Laundering> laundering = new HashMap<>();
  private final Map<String, List<ScamCase>> casesByVictim = new HashMap<>();

  /** What a scammer account received and passed on, and its holds not yet known to be over. */
  private static final class Laundering {
    final ScamCase.Scammer scammer;
    long receivedMinor;
    long forwardedMinor;
    final List<Outcomes.Attempt> pendingHolds = new ArrayList<>();

    Laundering(ScamCase.Scammer scammer) {
      this.scammer = scammer;
    }
  }

  Behaviour(WorldParameters p, Platform platform, Outcomes outcomes, Draws draws,
      BiConsumer<Instant, Runnable> schedule, ReportGenerator narratives,
      java.util.function.Supplier<Instant> now) {
    this.now = now;
    this.p = p;
    this.platform = platform;
    this.outcomes = outcomes;
    this.draws = draws;
    this.schedule = schedule;
    this.narratives = narratives;
  }

  void plan(ScamCase c, Instant end) {
    casesByVictim.computeIfAbsent(c.victim().accountId(), k -> new ArrayList<>()).add(c);
    ScamCase.Scammer s = c.scammer();
    launderingOf(s);
    if (s.account() != null && registered.add(s.account().accountId())) {
      Instant opened = s.openedAt().isBefore(p.start()) ? p.start() : s.openedAt();
      schedule.accept(opened, () -> platform.register(List.of(s.account(), s.mule()), opened));
    }
    c.setup().forEach(e -> schedule.accept(e.at(), () -> event(e)));
    Instant last = c.payments().get(0).at();
    for (SimTransfer t : c.payments()) {
      if (t.at().isBefore(end)) {
        schedule.accept(t.at(), () -> scamPayment(c, t));
        last = t.at();
      }
    }
    // A day after the last payment the victim sees what went; a payment still held is waited
    // for (a hold lasts at most a few days).
    schedule.accept(last.plus(Duration.ofDays(1)), () -> afterCase(c, 0));
  }

  void event(PlannedEvent e) {
    platform.accountEvent(e.eventId(), e.accountId(), e.type(), e.at(), e.deviceId(),
        e.amountMinor());
  }

  void honest(SimTransfer t) {
    Outcomes.Attempt a = screen(t);
    switch (a.outcome) {
      case "ALLOW" -> settle(a);
      case "WARN" -> {
        a.heeded = draws.chance(t.transferId(), "heeds-warning") < p.honestHeedsWarning();
        if (!a.heeded) {
          settle(a);
        }
      }
      case "HOLD" -> {
        if (draws.chance(t.transferId(), "cancels-hold") < p.honestCancelsHold()) {
          later(t.transferId() + "/cancel", 1, 6, () -> platform.cancel(a.holdId, t.sender()));
        } else if (draws.chance(t.transferId(), "answers") < p.honestAnswers()) {
          schedule.accept(t.at().plus(Duration.ofMinutes(
                  5 + draws.below(t.transferId(), "answer-delay", 55))),
              () -> platform.answer(a.holdId, t.sender(), false));
        }
      }
      default -> { }
    }
  }

  private void scamPayment(ScamCase c, SimTransfer t) {
    if (stoppedCases.contains(c.caseId())) {
      return;
    }
    Outcomes.Attempt a = screen(t);
    switch (a.outcome) {
      case "ALLOW" -> settle(a);
      case "WARN" -> {
        a.heeded = draws.chance(t.transferId(), "heeds-warning") < p.scamVictimHeedsWarning();
        if (a.heeded) {
          stoppedCases.add(c.caseId());
        } else {
          settle(a);
        }
      }
      case "HOLD" -> reactToHold(c, a);
      default -> stoppedCases.add(c.caseId());
    }
  }

  private void reactToHold(ScamCase c, Outcomes.Attempt a) {
    String sender = a.transfer.sender();
    String id = a.transfer.transferId();
    if (draws.chance(id, "answers") < p.scamVictimAnswers()) {
      boolean truthful = draws.chance(id, "answers-truthfully") < p.scamVictimAnswersTruthfully();
      schedule.accept(a.transfer.at().plus(Duration.ofMinutes(
              5 + draws.below(id, "answer-delay", 55))),
          () -> platform.answer(a.holdId, sender, truthful));
    }
    if (draws.chance(id, "cancels-hold") < p.scamVictimCancelsHold()) {
      stoppedCases.add(c.caseId());
      later(id + "/cancel", 1, 12, () -> platform.cancel(a.holdId, sender));
    }
    launderingOf(c.scammer()).ifPresent(l -> l.pendingHolds.add(a));
    if (c.scammer().account() != null) {
      // Released money reaches the scammer later; they pass it on after the hold's longest run.
      schedule.accept(a.transfer.at().plus(Duration.ofHours(74)), () -> forward(c.scammer()));
    }
  }

  private Outcomes.Attempt screen(SimTransfer t) {
    Outcomes.Attempt a = outcomes.add(t);
    Platform.Screened s = platform.screen(t);
    a.outcome = s.outcome();
    a.holdId = s.holdId();
    if (a.holdId != null) {
      outcomes.held(a);
    }
    return a;
  }

  private void settle(Outcomes.Attempt a) {
    platform.settle(a.transfer);
    a.settled = true;
    SimTransfer t = a.transfer;
    if (t.scam() != null && t.recipientAccount() != null) {
      Laundering l = laundering.get(t.recipientAccount());
      if (l != null) {
        l.receivedMinor += t.amountMinor();
        later(t.transferId() + "/forward", p.muleForwardMinHours(), p.muleForwardMaxHours(),
            () -> forward(l.scammer));
      }
    }
  }

  private java.util.Optional<Laundering> launderingOf(ScamCase.Scammer s) {
    if (s.account() == null) {
      return java.util.Optional.empty();
    }
    return java.util.Optional.of(laundering.computeIfAbsent(s.account().accountId(),
        k -> new Laundering(s)));
  }

  /** The scammer moves what it holds on to its mule, which cashes out to its own wallet. */
  private void forward(ScamCase.Scammer s) {
    Laundering l = launderingOf(s).orElseThrow();
    for (Outcomes.Attempt hold : List.copyOf(l.pendingHolds)) {
      Platform.HoldFate fate = platform.holdFate(hold.holdId);
      if (fate != Platform.HoldFate.ACTIVE) {
        l.pendingHolds.remove(hold);
        l.receivedMinor += fate == Platform.HoldFate.RELEASED ? hold.transfer.amountMinor() : 0;
      }
    }
    long amount = Math.round((l.receivedMinor - l.forwardedMinor) * p.muleForwardShare());
    if (amount < 100) {
      return;
    }
    l.forwardedMinor += amount;
    SimTransfer out = launder(s.account().accountId(), s.mule().accountId(), null, amount, s);
    if (moves(screen(out))) {
      later(out.transferId() + "/cash-out", p.muleForwardMinHours(), p.muleForwardMaxHours(),
          () -> moves(screen(
          launder(s.mule().accountId(), null, s.mule().wallet(), amount, s))));
    }
  }

  private boolean moves(Outcomes.Attempt a) {
    if (a.outcome.equals("ALLOW") || a.outcome.equals("WARN")) {
      settle(a);
      return true;
    }
    return false;
  }

  private SimTransfer launder(String from, String toAccount, String toAddress, long amountMinor,
      ScamCase.Scammer s) {
    return new SimTransfer("l" + from + "-" + (++launderSerial), now.get(), from,
        toAccount, toAddress, toAddress == null ? null : "ETH", amountMinor, "p2p", null, true,
        s.key(), null);
  }

  private void afterCase(ScamCase c, int waited) {
    List<String> lost = new ArrayList<>();
    long lostMinor = 0;
    for (SimTransfer t : c.payments()) {
      Outcomes.Attempt a = outcomes.get(t.transferId());
      if (a == null) {
        continue;
      }
      if (a.holdId != null && (a.fate == null || a.fate == Platform.HoldFate.ACTIVE)) {
        a.fate = platform.holdFate(a.holdId);
        if (a.fate == Platform.HoldFate.ACTIVE && waited < 3) {
          later(c.caseId() + "/wait" + waited, 24, 25, () -> afterCase(c, waited + 1));
          return;
        }
      }
      if (a.moved()) {
        lost.add(t.transferId());
        lostMinor += t.amountMinor();
      }
    }
    if (lost.isEmpty() || draws.chance(c.caseId(), "reports") >= p.victimReports()) {
      return;
    }
    String text = narratives.narrative(c.kind().reportKind(), lostMinor);
    later(c.caseId() + "/report", 6, 24 * 5, () -> outcomes.report(new Outcomes.Filed(c.victim().accountId(),
        c.caseId(), c.kind(), platform.report(c.victim().accountId(), lost, c.kind(), text),
        false)));
  }

  void falseReports(Population population, Instant end) {
    for (SimAccount adversary : population.adversaries()) {
      for (int i = 0; i < p.falseReportsEach(); i++) {
        String who = adversary.accountId() + "/" + i;
        SimAccount target = population.merchants().get(draws.below(who, "false-report-target",
            population.merchants().size()));
        Instant at = p.start().plus(Duration.ofMinutes(draws.below(who, "false-report-time",
            (int) Duration.between(p.start(), end).toMinutes())));
        String text = narratives.narrative(ReportKind.WEAPONISED_FALSE_REPORT, 50_000);
        schedule.accept(at, () -> outcomes.report(new Outcomes.Filed(adversary.accountId(), null,
            null, platform.falseReport(adversary.accountId(), target.accountId(), text), true)));
      }
    }
  }

  /**
   * Agents work the call queue: a scam victim reached may cancel; an honest sender reached, or
   * a scammer moving money, goes ahead.
   */
  void agentShift() {
    // The platform orders its queue by ids it made up itself; the world walks the calls in the
    // order of its own transfer ids, so what it does falls in the same order on every run.
    List<Platform.CallTask> calls = new ArrayList<>(platform.openCalls());
    calls.sort(java.util.Comparator.comparing((Platform.CallTask c) -> {
      Outcomes.Attempt a = outcomes.byHold(c.holdId());
      return a == null ? "~" + c.taskId() : a.transfer.transferId();
    }));
    for (Platform.CallTask call : calls) {
      Outcomes.Attempt a = outcomes.byHold(call.holdId());
      // A call is about a payment, or (an assessment's) about a person on a day.
      String who = a != null ? a.transfer.transferId()
          : call.accountId() + "@" + now.get().truncatedTo(java.time.temporal.ChronoUnit.DAYS);
      String outcome;
      if (draws.chance(who, "call-reaches") >= p.callReachesSender()) {
        outcome = "unreachable";
      } else if (call.holdId() == null) {
        outcome = preventionCall(who, call.accountId());
      } else if (a != null && a.transfer.scam() != null
          && draws.chance(who, "reached-cancels") < p.reachedScamVictimCancels()) {
        outcome = "sender_cancelled";
      } else {
        outcome = "sender_proceeds";
      }
      platform.recordCall(call.taskId(), outcome);
    }
  }

  /**
   * A call about no payment (a daily assessment's): a victim part-way through a scam who is
   * reached stops with the same chance as one reached about a held payment.
   */
  private String preventionCall(String who, String accountId) {
    List<ScamCase> ongoing = casesByVictim.getOrDefault(accountId, List.of()).stream()
        .filter(this::ongoing).toList();
    if (!ongoing.isEmpty()
        && draws.chance(who, "reached-cancels") < p.reachedScamVictimCancels()) {
      ongoing.forEach(this::stopBeforeNextPayment);
      return "dissuaded";
    }
    return "reached";
  }

  /**
   * Victims found by sweeps read the outreach guide in their inbox or not; a real victim who
   * reads the first message may confirm the loss, someone who was not scammed declines.
   */
  void readOutreach() {
    List<Platform.OutreachMessage> messages = new ArrayList<>(platform.newOutreachMessages());
    // Walked in an order of the world's own making, so it happens the same way every run.
    if (messages.isEmpty()) {
      return;
    }
    messages.sort(java.util.Comparator.comparing((Platform.OutreachMessage m) -> m.victimAccount())
        .thenComparing(m -> m.step()));
    java.util.Set<String> lost = victimsWhoLost();
    for (Platform.OutreachMessage m : messages) {
      String who = m.victimAccount() + "/" + m.step();
      if (!m.step().equals("happened")
          || draws.chance(who, "reads-outreach") >= p.victimReadsOutreach()) {
        continue;
      }
      platform.outreachRead(m);
      if (!lost.contains(m.victimAccount())) {
        platform.outreachReply(m, "decline");
      } else if (draws.chance(who, "confirms-loss") < p.silentVictimConfirmsLoss()) {
        platform.outreachReply(m, "confirm_loss");
      }
    }
  }

  /**
   * Users read the alerts in their inbox or not; a victim part-way through a scam who reads one
   * may stop before the next payment. The money they had still planned to send is what the
   * alert prevented.
   */
  void readAlerts() {
    List<Platform.Alert> alerts = new ArrayList<>(platform.newAlerts());
    // Walked in an order of the world's own making (campaign ids in message ids are the
    // platform's), so it happens the same way every run.
    alerts.sort(java.util.Comparator.comparing(Platform.Alert::accountId)
        .thenComparing(Platform.Alert::source).thenComparing(Platform.Alert::title));
    for (Platform.Alert alert : alerts) {
      String who = alert.accountId() + "/" + alert.source() + "/" + alert.title() + "@"
          + now.get().truncatedTo(java.time.temporal.ChronoUnit.DAYS);
      if (draws.chance(who, "reads-alert") >= p.prevention().userReadsAlert()) {
        continue;
      }
      platform.alertRead(alert);
      outcomes.alertRead();
      for (ScamCase c : casesByVictim.getOrDefault(alert.accountId(), List.of())) {
        if (ongoing(c) && draws.chance(who + "/" + c.caseId(), "heeds-alert")
            < p.prevention().scamVictimHeedsAlert()) {
          stopBeforeNextPayment(c);
        }
      }
    }
  }

  /** A case the victim has not stopped, with payments still to come. */
  private boolean ongoing(ScamCase c) {
    return !stoppedCases.contains(c.caseId())
        && c.payments().get(c.payments().size() - 1).at().isAfter(now.get());
  }

  /** The victim stops; what they had still planned to pay was prevented. */
  private void stopBeforeNextPayment(ScamCase c) {
    stoppedCases.add(c.caseId());
    long unpaid = c.payments().stream().filter(t -> t.at().isAfter(now.get()))
        .mapToLong(SimTransfer::amountMinor).sum();
    outcomes.prevented(c.caseId(), unpaid);
  }

  private java.util.Set<String> victimsWhoLost() {
    java.util.Set<String> lost = new java.util.HashSet<>();
    for (Outcomes.Attempt a : outcomes.attempts()) {
      if (a.transfer.scam() != null && a.moved()) {
        lost.add(a.transfer.sender());
      }
    }
    return lost;
  }

  /** Asks how every hold ended, once the world has stopped. */
  void settleHoldFates() {
    for (Outcomes.Attempt a : outcomes.attempts()) {
      if (a.holdId != null) {
        a.fate = platform.holdFate(a.holdId);
      }
    }
  }

  /** Runs {@code action} between the two hours from now, at a time drawn for {@code who}. */
  private void later(String who, int minHours, int maxHours, Runnable action) {
    int minutes = minHours * 60
        + draws.below(who, "delay", Math.max(1, (maxHours - minHours) * 60));
    schedule.accept(now.get().plus(Duration.ofMinutes(minutes)), action);
  }
}
