package io.holdfast.app.demo;

import io.holdfast.core.simulation.Platform;
import io.holdfast.core.simulation.ScamKind;
import io.holdfast.core.simulation.SimAccount;
import io.holdfast.core.simulation.SimTransfer;
import io.holdfast.core.support.ManualClock;
import io.holdfast.server.freezes.FreezeSweeper;
import io.holdfast.server.holds.HoldRechecker;
import io.holdfast.server.holds.HoldSweeper;
import io.holdfast.server.holds.LadderRunner;
import io.holdfast.server.instructions.InstructionSequencer;
import io.holdfast.server.sandbox.SandboxAccounts;
import io.holdfast.server.sandbox.SandboxLedger;
import io.holdfast.server.sandbox.SandboxPlatform;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The simulated platform, with Holdfast in front of its payments: screening, holds, reports and
 * analysts go through the real HTTP API; the platform's own ledger is Holdfast's sandbox, which
 * applies the money instructions. The server's timers (sweeper, re-check, ladder, instruction
 * sequencer, sandbox, freeze expiry) are driven from here on every tick of virtual time rather
 * than by wall-clock schedules, so the same seed gives the same run.
 */
final class DemoPlatform implements Platform {
  private final DemoApi api;
  private final ManualClock clock;
  private final HoldSweeper sweeper;
  private final HoldRechecker rechecker;
  private final LadderRunner ladder;
  private final InstructionSequencer sequencer;
  private final SandboxPlatform sandbox;
  private final SandboxLedger ledger;
  private final FreezeSweeper freezes;
  private final io.holdfast.server.sweeps.SweepRunner sweeps;
  private final io.holdfast.server.outreach.OutreachSweeper outreach;
  private final io.holdfast.server.outreach.OutreachSequencer outreachSequencer;
  private final DemoAnalyst analyst;
  private final DemoPrevention prevention;
  private final Instant worldEnd;
  private final io.holdfast.server.register.ChronicRefresh chronic;
  private final io.holdfast.server.calls.CallTaskSweeper interventions;

  /** @param worldEnd when the world's days end, which its campaigns run until */
  DemoPlatform(DemoApi api, ConfigurableApplicationContext context, Instant worldEnd) {
    this.api = api;
    this.worldEnd = worldEnd;
    this.clock = (ManualClock) context.getBean(java.time.Clock.class);
    this.sweeper = context.getBean(HoldSweeper.class);
    this.rechecker = context.getBean(HoldRechecker.class);
    this.ladder = context.getBean(LadderRunner.class);
    this.sequencer = context.getBean(InstructionSequencer.class);
    this.sandbox = context.getBean(SandboxPlatform.class);
    this.ledger = context.getBean(SandboxLedger.class);
    this.freezes = context.getBean(FreezeSweeper.class);
    this.sweeps = context.getBean(io.holdfast.server.sweeps.SweepRunner.class);
    this.outreach = context.getBean(io.holdfast.server.outreach.OutreachSweeper.class);
    this.outreachSequencer = context.getBean(
        io.holdfast.server.outreach.OutreachSequencer.class);
    this.analyst = new DemoAnalyst(api);
    this.prevention = new DemoPrevention(api, context);
    this.chronic = context.getBean(io.holdfast.server.register.ChronicRefresh.class);
    this.interventions = context.getBean(io.holdfast.server.calls.CallTaskSweeper.class);
  }

  /** Calls and wall time per kind of call, to show where a run's time goes. */
  final java.util.Map<String, long[]> timings = new java.util.TreeMap<>();

  private <T> T timed(String name, java.util.function.Supplier<T> call) {
    long start = System.nanoTime();
    try {
      return call.get();
    } finally {
      long[] t = timings.computeIfAbsent(name, k -> new long[2]);
      t[0]++;
      t[1] += System.nanoTime() - start;
    }
  }

  private void timed(String name, Runnable call) {
    timed(name, () -> {
      call.run();
      return null;
    });
  }

  DemoAnalyst analyst() {
    return analyst;
  }

  @Override
  public void register(List<SimAccount> accounts, Instant now) {
    // Registration order does not matter, so it is the one step run on several threads.
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      List<Future<?>> done = new java.util.ArrayList<>();
      for (SimAccount a : accounts) {
        done.add(pool.submit(() -> registerOne(a, now)));
      }
      for (Future<?> f : done) {
        f.get();
      }
    } catch (Exception e) {
      throw new IllegalStateException("registering accounts failed", e);
    } finally {
      pool.shutdownNow();
    }
  }

  private void registerOne(SimAccount a, Instant now) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("created_at", now.minus(Duration.ofDays(a.ageDays())).toString());
    body.put("country", a.country());
    if (a.ageBand() != null) {
      body.put("age_band", a.ageBand());
    }
    body.put("kyc_level", a.kycLevel());
    if (a.vulnerable()) {
      body.put("vulnerability_flags", List.of("other"));
    }
    expect(api.platform("PUT", "/v1/accounts/" + a.accountId(), body, Map.of()), 200, 201);
  }

  @Override
  public void advanceTo(Instant at) {
    clock.set(at);
  }

  @Override
  public void tick() {
    timed("tick", () -> {
      sweeper.sweepAll();
      rechecker.recheckAll();
      ladder.run();
      freezes.expireAll();
      sweeps.runPending(100);
      outreach.sweep();
      outreachSequencer.run();
      sequencer.run();
      sandbox.applyPending(100_000);
      prevention.tick();
      chronic.refreshChanged();
      interventions.sweep();
    });
  }

  @Override
  public void dailyPrevention(Instant dayStart) {
    timed("daily assessment", () -> prevention.daily(dayStart, worldEnd));
  }

  @Override
  public List<Alert> newAlerts() {
    return timed("alerts inbox", prevention::newAlerts);
  }

  @Override
  public void alertRead(Alert alert) {
    timed("alert read", () -> prevention.read(alert));
  }

  @Override
  public void accountEvent(String eventId, String accountId, String type, Instant at,
      String deviceId, long amountMinor) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("event_id", eventId);
    body.put("type", type);
    body.put("occurred_at", at.toString());
    if (deviceId != null) {
      body.put("device_id", deviceId);
    }
    if (type.equals("deposit")) {
      body.put("amount_minor", amountMinor);
      body.put("currency", "USD");
      ledger.deposit(SandboxAccounts.user(accountId), "USD", amountMinor, eventId);
    }
    timed("account event", () -> expect(api.platform("POST", "/v1/accounts/" + accountId
        + "/events", body, Map.of()), 200, 201));
  }

  @Override
  public Screened screen(SimTransfer t) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("transfer_id", t.transferId());
    body.put("sender_account", t.sender());
    if (t.recipientAccount() != null) {
      body.put("recipient_account", t.recipientAccount());
    } else {
      body.put("recipient_address", t.recipientAddress());
      body.put("network", t.network());
    }
    body.put("amount_minor", t.amountMinor());
    body.put("currency", "USD");
    body.put("channel", t.channel());
    body.put("created_at", t.at().toString());
    DemoApi.Reply r = timed("screen", () -> expect(api.platform("POST", "/v1/transfers/screen",
        body, Map.of()), 200));
    String holdId = r.body().path("hold").path("hold_id").asString(null);
    return new Screened(r.body().path("outcome").asString(), holdId);
  }

  @Override
  public void settle(SimTransfer t) {
    if (t.honest()) {
      // Honest payments between honest people never meet a freeze or a refund; the ledger
      // follows the money that scams, freezes and restitution touch, which keeps the demo fast.
      return;
    }
    ledger.settle(t.transferId(), SandboxAccounts.user(t.sender()),
        SandboxAccounts.recipient(t.recipientKey()), "USD", t.amountMinor());
  }

  @Override
  public void cancel(String holdId, String sender) {
    // A hold may have ended already (released, returned); the 409 then is the honest answer.
    expect(api.platform("POST", "/v1/holds/" + holdId + "/cancel", null,
        Map.of("Holdfast-Account", sender)), 200, 409);
  }

  @Override
  public void answer(String holdId, String sender, boolean admitsScript) {
    Map<String, Boolean> answers = new LinkedHashMap<>();
    answers.put("met_online_asked_to_move_money", admitsScript);
    answers.put("promised_a_return", admitsScript);
    answers.put("told_to_hurry_or_keep_secret", false);
    answers.put("contacted_by_support_or_authority", false);
    expect(api.platform("POST", "/v1/holds/" + holdId + "/answers", Map.of("answers", answers),
        Map.of("Holdfast-Account", sender)), 200, 409);
  }

  @Override
  public boolean report(String reporter, List<String> transferIds, ScamKind kind,
      String narrative) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("reporter_account", reporter);
    body.put("transfer_ids", transferIds);
    body.put("scam_type", kind.apiName());
    body.put("narrative", narrative);
    DemoApi.Reply r = expect(api.platform("POST", "/v1/reports", body, Map.of()), 201, 429);
    return r.body().hasNonNull("freeze_id");
  }

  @Override
  public boolean falseReport(String reporter, String target, String narrative) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("reporter_account", reporter);
    body.put("recipient_account", target);
    body.put("narrative", narrative);
    DemoApi.Reply r = expect(api.platform("POST", "/v1/reports", body, Map.of()), 201, 429);
    return r.body().hasNonNull("freeze_id");
  }

  @Override
  public void analystReview(Instant at) {
    timed("analyst review", () -> analyst.review(at));
    tick();
  }

  @Override
  public HoldFate holdFate(String holdId) {
    String state = timed("hold fate", () -> expect(api.analyst("GET", "/v1/holds/" + holdId,
        null), 200)).body().path("state").asString();
    return switch (state) {
      case "released" -> HoldFate.RELEASED;
      case "returned" -> HoldFate.RETURNED;
      default -> HoldFate.ACTIVE;
    };
  }

  @Override
  public List<CallTask> openCalls() {
    List<CallTask> open = new java.util.ArrayList<>();
    for (tools.jackson.databind.JsonNode t : timed("call queue", () -> expect(api.analyst("GET",
        "/v1/call-tasks?limit=1000", null), 200)).body().path("call_tasks")) {
      open.add(new CallTask(t.path("task_id").asString(),
          t.hasNonNull("hold_id") ? t.path("hold_id").asString() : null,
          t.path("account_id").asString()));
    }
    return open;
  }

  @Override
  public void recordCall(String taskId, String outcome) {
    timed("call", () -> expect(api.analyst("POST", "/v1/call-tasks/" + taskId + "/outcome",
        Map.of("outcome", outcome, "note", "demo agent")), 200));
  }

  /** The platform's cursor in Holdfast's outreach outbox. */
  private long outreachCursor;

  @Override
  public List<OutreachMessage> newOutreachMessages() {
    List<OutreachMessage> out = new java.util.ArrayList<>();
    for (int page = 0; page < 100; page++) {
      DemoApi.Reply r = timed("outreach inbox", () -> expect(api.platform("GET",
          "/v1/outreach/messages?limit=1000&after=" + outreachCursor, null, Map.of()), 200));
      tools.jackson.databind.JsonNode messages = r.body().path("messages");
      for (tools.jackson.databind.JsonNode m : messages) {
        outreachCursor = Math.max(outreachCursor, m.path("seq").asLong());
        out.add(new OutreachMessage(m.path("outreach_id").asString(),
            m.path("message_id").asString(), m.path("victim_account").asString(),
            m.path("step").asString()));
      }
      if (messages.size() < 1000) {
        break;
      }
    }
    return out;
  }

  @Override
  public void outreachRead(OutreachMessage m) {
    timed("outreach read", () -> expect(api.platform("POST", "/v1/outreach/" + m.outreachId()
        + "/messages/" + m.messageId() + "/shown", Map.of("channel", "inbox"),
        Map.of("Holdfast-Account", m.victimAccount())), 200, 201, 409));
  }

  @Override
  public void outreachReply(OutreachMessage m, String intent) {
    timed("outreach reply", () -> expect(api.platform("POST", "/v1/outreach/" + m.outreachId()
        + "/replies", Map.of("intent", intent), Map.of("Holdfast-Account", m.victimAccount())),
        201, 409, 422));
  }

  static DemoApi.Reply expect(DemoApi.Reply r, int... statuses) {
    for (int s : statuses) {
      if (r.status() == s) {
        return r;
      }
    }
    throw new IllegalStateException("unexpected answer " + r.status() + ": " + r.body());
  }
}
