package io.holdfast.server.screening;

import io.holdfast.core.feature.Feature;
import io.holdfast.core.feature.FeatureStore;
import io.holdfast.core.hold.Hold;
import io.holdfast.core.hold.HoldPolicy;
import io.holdfast.core.screening.Outcome;
import io.holdfast.core.screening.Reason;
import io.holdfast.core.screening.RuleHit;
import io.holdfast.server.support.IdGenerator;
import java.util.List;
import io.holdfast.core.screening.Decision;
import io.holdfast.core.screening.ScreeningEngine;
import io.holdfast.core.transfer.Transfer;
import io.holdfast.server.idempotency.Idempotency;
import io.holdfast.server.idempotency.RequestHash;
import io.holdfast.server.screening.PendingDecision.WriteOutcome;
import io.holdfast.server.web.ApiProblem;
import io.holdfast.server.web.ProblemType;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import tools.jackson.databind.json.JsonMapper;

/**
 * Screens one transfer: decides in memory, commits the transfer, decision and audit record
 * (group commit), then adds the transfer to the feature state and answers. A transfer id is
 * screened once: a retry with the same fields replays the stored answer with
 * {@code Idempotency-Hit: true}; the same id with other fields is refused with 422. Fields are
 * compared as parsed ({@link CanonicalTransfer}), so whitespace and key order do not matter.
 */
public class ScreeningService {
  private static final long COMMIT_TIMEOUT_SECONDS = 10;

  private final TransferParser parser;
  private final ScreeningEngine engine;
  private final FeatureStore features;
  private final DecisionWriter writer;
  private final StoredDecisions stored;
  private final JsonMapper json;
  private final MeterRegistry meters;
  private final HoldPolicy holdPolicy;
  private final IdGenerator ids;
  private final Timer latency;
  private final Counter shadowErrors;
  private final java.util.EnumMap<Outcome, Counter> decisions =
      new java.util.EnumMap<>(Outcome.class);
  private final ConcurrentHashMap<String, CompletableFuture<WriteOutcome>> inFlight =
      new ConcurrentHashMap<>();

  public ScreeningService(TransferParser parser, ScreeningEngine engine, FeatureStore features,
      DecisionWriter writer, StoredDecisions stored, JsonMapper json, MeterRegistry meters,
      HoldPolicy holdPolicy, IdGenerator ids) {
    this.holdPolicy = holdPolicy;
    this.ids = ids;
    this.parser = parser;
    this.engine = engine;
    this.features = features;
    this.writer = writer;
    this.stored = stored;
    this.json = json;
    this.meters = meters;
    for (Outcome outcome : Outcome.values()) {
      decisions.put(outcome, Counter.builder("holdfast.decisions")
          .description("screening decisions by outcome")
          .tag("outcome", outcome.name()).register(meters));
    }
    this.latency = Timer.builder("holdfast.screening.latency")
        .description("time from request to durable decision")
        .publishPercentileHistogram()
        .register(meters);
    this.shadowErrors = Counter.builder("holdfast.rules.shadow_errors")
        .description("shadow rules that could not be evaluated for a screening (recorded on"
            + " the decision's rule hits; they never decide)")
        .register(meters);
  }

  public ResponseEntity<byte[]> screen(TransferBody body, RequestHash requestHash, String actor,
      String idempotencyKey) {
    long startNanos = System.nanoTime();
    if (idempotencyKey != null) {
      Optional<StoredDecisions.Stored> byKey = stored.byIdempotencyKey(actor, idempotencyKey);
      if (byKey.isPresent()) {
        return replay(byKey.get(), requestHash, ProblemType.IDEMPOTENCY_KEY_REUSED);
      }
    }
    Transfer transfer = parser.parse(body);
    CompletableFuture<WriteOutcome> done = new CompletableFuture<>();
    CompletableFuture<WriteOutcome> earlier = inFlight.putIfAbsent(transfer.transferId(), done);
    if (earlier != null) {
      await(earlier);
      return duplicate(transfer.transferId(), requestHash, actor, idempotencyKey);
    }
    try {
      Decision decision = engine.screen(transfer);
      Hold.Held hold = decision.outcome() == Outcome.HOLD ? place(transfer, decision) : null;
      // Bytes for the answer (written as they are, no second encoding), text for the store.
      byte[] answer = json.writeValueAsBytes(DecisionBody.of(decision, hold));
      String response = new String(answer, java.nio.charset.StandardCharsets.UTF_8);
      long amountUsd = transfer.amount().usdCents();
      PendingDecision pending = new PendingDecision(transfer, amountUsd, requestHash.value(),
          decision, response, actor, idempotencyKey, hold, done);
      if (!writer.offer(pending)) {
        done.complete(WriteOutcome.DUPLICATE);
        throw new ApiProblem(ProblemType.OVERLOADED, "the screening queue is full; retry");
      }
      if (await(done) == WriteOutcome.DUPLICATE) {
        return duplicate(transfer.transferId(), requestHash, actor, idempotencyKey);
      }
      features.recordTransfer(transfer, amountUsd);
      if (hold != null) {
        features.recordHold(transfer.senderKey(), transfer.recipient().key(),
            transfer.createdAt().getEpochSecond(), amountUsd);
      }
      decisions.get(decision.outcome()).increment();
      countShadowErrors(decision.ruleHits());
      latency.record(System.nanoTime() - startNanos, TimeUnit.NANOSECONDS);
      return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(answer);
    } finally {
      inFlight.remove(transfer.transferId(), done);
    }
  }

  // Indexed, so that the common decision (no hits at all) allocates no iterator here.
  private void countShadowErrors(List<RuleHit> hits) {
    for (int i = 0; i < hits.size(); i++) {
      if (!hits.get(i).matched()) {
        shadowErrors.increment();
      }
    }
  }

  /** A HOLD decision places a hold, committed with the decision in the same transaction. */
  private Hold.Held place(Transfer transfer, Decision decision) {
    List<String> codes = decision.reasons().stream().map(Reason::code).distinct().toList();
    return holdPolicy.place(ids.next("hold"), transfer.transferId(), transfer.senderAccount(),
        transfer.recipient().key(), transfer.amount(), decision.riskScore(),
        decision.features().flag(Feature.SENDER_VULNERABLE),
        holdPolicy.unknownRecipient().unknown(decision.features()), codes, decision.decidedAt());
  }

  private ResponseEntity<byte[]> duplicate(String transferId, RequestHash requestHash,
      String actor, String idempotencyKey) {
    Optional<StoredDecisions.Stored> byId = stored.byTransferId(transferId);
    if (byId.isPresent()) {
      return replay(byId.get(), requestHash, ProblemType.TRANSFER_ID_REUSED);
    }
    if (idempotencyKey != null) {
      Optional<StoredDecisions.Stored> byKey = stored.byIdempotencyKey(actor, idempotencyKey);
      if (byKey.isPresent()) {
        return replay(byKey.get(), requestHash, ProblemType.IDEMPOTENCY_KEY_REUSED);
      }
    }
    throw new ApiProblem(ProblemType.CONFLICT,
        "an identical request is still being processed; retry shortly");
  }

  private static ResponseEntity<byte[]> replay(StoredDecisions.Stored s,
      RequestHash requestHash, ProblemType onMismatch) {
    if (!requestHash.matches(s.requestHash())) {
      String detail = onMismatch == ProblemType.TRANSFER_ID_REUSED
          ? "this transfer_id was already screened with different fields; use a new transfer_id"
          : "this Idempotency-Key was used for a different request; use a new key";
      throw new ApiProblem(onMismatch, detail);
    }
    return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON)
        .header(Idempotency.HIT_HEADER, "true")
        .body(s.response().getBytes(java.nio.charset.StandardCharsets.UTF_8));
  }

  private static WriteOutcome await(CompletableFuture<WriteOutcome> future) {
    try {
      return future.get(COMMIT_TIMEOUT_SECONDS, TimeUnit.SECONDS);
    } catch (TimeoutException e) {
      throw new ApiProblem(ProblemType.OVERLOADED, "the decision was not committed in time; retry"
          + " with the same transfer_id: it is safe");
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new ApiProblem(ProblemType.OVERLOADED, "interrupted; retry with the same transfer_id");
    } catch (ExecutionException e) {
      throw new IllegalStateException("the decision could not be committed", e.getCause());
    }
  }

  public Optional<String> decision(String transferId) {
    return stored.byTransferId(transferId).map(StoredDecisions.Stored::response);
  }
}
