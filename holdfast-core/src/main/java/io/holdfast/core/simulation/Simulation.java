package io.holdfast.core.simulation;

import io.holdfast.core.support.Invariants;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.PriorityQueue;
import java.util.SplittableRandom;
import java.util.function.Consumer;

/**
 * Runs the simulated platform against a {@link Platform} in virtual time. Everything the world
 * does is an event on one queue ordered by (time, sequence), so the same seed makes the same
 * world and, against the same system, the same run. The world's plan (who pays whom, which
 * scams) draws on its own random streams, separate from victims' reactions, so a different
 * system under test faces exactly the same attempts.
 */
public final class Simulation {
  /** A bound on the events of one run, far above the default world's few hundred thousand. */
  public static final long EVENTS_MAX = 50_000_000L;
  static final Duration TICK = Duration.ofMinutes(15);
  /** After the last day, the world keeps running so holds end and late reports arrive. */
  static final Duration TAIL = Duration.ofDays(5);

  /** What a run produced. */
  public record Result(WorldParameters parameters, List<SimAccount> accounts,
      List<ScamCase> cases, Outcomes outcomes, Instant end, long events) {}

  private record Event(Instant at, long seq, Runnable action) {}

  private final WorldParameters p;
  private final PriorityQueue<Event> queue = new PriorityQueue<>((a, b) -> {
    int byTime = a.at().compareTo(b.at());
    return byTime != 0 ? byTime : Long.compare(a.seq(), b.seq());
  });
  private long seq;
  private Instant now;

  public Simulation(WorldParameters p) {
    this.p = p;
  }

  public Result run(Platform platform, Consumer<String> progress) {
    SplittableRandom master = new SplittableRandom(p.seed());
    Population population = new Population(p, master.split());
    Campaigns campaigns = new Campaigns(p, population, master.split());
    List<ScamCase> cases = campaigns.plan();
    HonestActivity honest = new HonestActivity(p, population, master.split());
    Outcomes outcomes = new Outcomes();
    Behaviour behaviour = new Behaviour(p, platform, outcomes,
        new Draws(master.split().nextLong()), this::schedule,
        new ReportGenerator(p.seed() ^ 0x5eedL), () -> now);
    // Split last, so the streams of everything above are the same as before remittances.
    Diaspora diaspora = new Diaspora(p, population, master.split());
    List<SimAccount> accounts = new ArrayList<>(population.users());
    accounts.addAll(population.merchants());
    accounts.addAll(population.adversaries());
    accounts.addAll(diaspora.relatives());
    now = p.start();
    platform.advanceTo(now);
    platform.register(accounts, now);
    Instant end = p.start().plus(Duration.ofDays(p.days()));
    Instant last = end.plus(TAIL);
    scheduleWorld(platform, population, cases, new HonestDay(honest, diaspora), behaviour, end,
        last, progress);
    long events = drain(platform, last);
    behaviour.settleHoldFates();
    List<SimAccount> all = new ArrayList<>(accounts);
    all.addAll(campaigns.scammerAccounts());
    return new Result(p, all, cases, outcomes, last, events);
  }

  /** The honest population's day: everyday payments, then money sent home. */
  private record HonestDay(HonestActivity activity, Diaspora diaspora) {
    void day(Instant dayStart, List<SimTransfer> transfers, List<PlannedEvent> events) {
      activity.day(dayStart, transfers, events);
      diaspora.day(dayStart, transfers);
    }
  }

  private void scheduleWorld(Platform platform, Population population, List<ScamCase> cases,
      HonestDay honest, Behaviour behaviour, Instant end, Instant last,
      Consumer<String> progress) {
    for (int d = 0; d < p.days(); d++) {
      Instant dayStart = p.start().plus(Duration.ofDays(d));
      int day = d + 1;
      schedule(dayStart, () -> {
        progress.accept("day " + day + " of " + p.days());
        List<SimTransfer> transfers = new ArrayList<>();
        List<PlannedEvent> events = new ArrayList<>();
        honest.day(dayStart, transfers, events);
        events.forEach(e -> schedule(e.at(), () -> behaviour.event(e)));
        transfers.forEach(t -> schedule(t.at(), () -> behaviour.honest(t)));
      });
    }
    // The platform's daily prevention batch runs in the early morning, before people wake.
    for (int d = 0; d < p.days(); d++) {
      Instant dayStart = p.start().plus(Duration.ofDays(d));
      schedule(dayStart.plus(Duration.ofHours(2)), () -> platform.dailyPrevention(dayStart));
    }
    // Analysts work every day, through the tail too, so late reports are decided.
    for (Instant review = p.start().plus(Duration.ofHours(10)); review.isBefore(last);
        review = review.plus(Duration.ofDays(1))) {
      schedule(review, () -> platform.analystReview(now));
    }
    for (ScamCase c : cases) {
      behaviour.plan(c, end);
    }
    behaviour.falseReports(population, end);
    for (Instant t = p.start().plus(TICK); !t.isAfter(last); t = t.plus(TICK)) {
      schedule(t, platform::tick);
      int hour = t.atZone(java.time.ZoneOffset.UTC).getHour();
      if (hour >= 8 && hour < 20) {
        // Agents make calls in office hours, every quarter of an hour; users read their inbox
        // (outreach and alerts) in the same hours.
        schedule(t, behaviour::agentShift);
        schedule(t, behaviour::readOutreach);
        schedule(t, behaviour::readAlerts);
      }
    }
  }

  private long drain(Platform platform, Instant last) {
    long events = 0;
    while (!queue.isEmpty()) {
      Invariants.check(++events <= EVENTS_MAX, "the run passed its event bound");
      Event e = queue.poll();
      if (e.at().isAfter(last)) {
        break;
      }
      if (e.at().isAfter(now)) {
        now = e.at();
        platform.advanceTo(now);
      }
      e.action().run();
    }
    return events;
  }

  /** Schedules an action; one in the past runs now (never before what already ran). */
  void schedule(Instant at, Runnable action) {
    Instant when = now != null && at.isBefore(now) ? now : at;
    queue.add(new Event(when, seq++, action));
  }
}
