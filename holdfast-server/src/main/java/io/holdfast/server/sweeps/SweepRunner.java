package io.holdfast.server.sweeps;

import io.holdfast.core.graph.ClusterMember;
import io.holdfast.core.graph.FundTrace;
import io.holdfast.core.graph.SweepBounds;
import io.holdfast.core.graph.SweepResult;
import io.holdfast.core.graph.TraceBounds;
import io.holdfast.core.graph.TraceResult;
import io.holdfast.core.graph.Victim;
import io.holdfast.core.graph.VictimSweep;
import io.holdfast.server.audit.AuditLog;
import io.holdfast.server.graph.SqlTransferGraph;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Runs one claimed sweep: reads the graph (the cluster, every victim, and the trace of the
 * scammer's money) without a transaction open, then writes the victims in chunks of
 * {@link #CHUNK_ACCOUNTS} accounts, each chunk one transaction that also bumps the sweep's
 * progress, so the counts are visible while it runs. Every write is idempotent, so a sweep whose
 * worker died is simply run again; after {@link #ATTEMPTS_MAX} failed attempts it is FAILED,
 * with the error, for an analyst to look at.
 */
@Component
public class SweepRunner {
  static final int CHUNK_ACCOUNTS = 1_000;
  static final int ATTEMPTS_MAX = 3;
  static final Duration LEASE = Duration.ofMinutes(10);
  private static final Logger LOG = LoggerFactory.getLogger(SweepRunner.class);

  private final SweepRows rows;
  private final VictimWriter writer;
  private final SqlTransferGraph graph;
  private final SweepBounds sweepBounds;
  private final TraceBounds traceBounds;
  private final AuditLog audit;
  private final TransactionTemplate tx;
  private final Clock clock;
  private final MeterRegistry meters;
  private final String owner = "worker_" + java.util.UUID.randomUUID();

  public SweepRunner(SweepRows rows, VictimWriter writer, SqlTransferGraph graph,
      SweepBounds sweepBounds, TraceBounds traceBounds, AuditLog audit, TransactionTemplate tx,
      Clock clock, MeterRegistry meters) {
    this.meters = meters;
    this.rows = rows;
    this.writer = writer;
    this.graph = graph;
    this.sweepBounds = sweepBounds;
    this.traceBounds = traceBounds;
    this.audit = audit;
    this.tx = tx;
    this.clock = clock;
  }

  /** Runs up to {@code max} queued sweeps, one after the other; returns how many it ran. */
  public int runPending(int max) {
    int ran = 0;
    for (int i = 0; i < max; i++) {
      Optional<SweepRows.Sweep> claimed = tx.execute(status -> {
        Instant now = clock.instant();
        return rows.claim(owner, now, now.plus(LEASE));
      });
      if (claimed == null || claimed.isEmpty()) {
        break;
      }
      run(claimed.get());
      ran++;
    }
    return ran;
  }

  private void run(SweepRows.Sweep sweep) {
    SweepRows.Scammer scammer = rows.scammer(sweep.scammerId()).orElseThrow();
    try {
      long started = System.nanoTime();
      SweepResult found = new VictimSweep(graph, sweepBounds).run(scammer.subjectKey(),
          sweep.since(), sweep.until());
      long swept = System.nanoTime();
      TraceResult trace = scammer.subjectKey().startsWith("a:")
          ? new FundTrace(graph, traceBounds).run(scammer.subjectKey().substring(2),
              sweep.since(), sweep.until()) : null;
      long traced = System.nanoTime();
      writeFound(sweep, found, trace);
      Set<String> clusterKeys = found.cluster().stream().map(ClusterMember::key)
          .collect(Collectors.toSet());
      for (List<Victim> chunk : chunks(found.victims())) {
        writer.write(sweep, owner, scammer, chunk, clusterKeys);
      }
      finish(sweep, "DONE", null);
      meters.counter("holdfast.sweep.victims").increment(found.victims().size());
      meters.timer("holdfast.sweep.duration").record(java.time.Duration.ofNanos(
          System.nanoTime() - started));
      LOG.info("sweep {} of {}: {} accounts in the cluster, {} victims; walk {} ms, trace {} ms,"
          + " writes {} ms", sweep.sweepId(), scammer.subjectKey(), found.cluster().size(),
          found.victims().size(), (swept - started) / 1_000_000, (traced - swept) / 1_000_000,
          (System.nanoTime() - traced) / 1_000_000);
    } catch (VictimWriter.LeaseLost e) {
      LOG.warn("sweep {} was taken over by another worker: {}", sweep.sweepId(), e.getMessage());
    } catch (RuntimeException e) {
      LOG.warn("sweep {} attempt {} failed", sweep.sweepId(), sweep.attempts(), e);
      finish(sweep, sweep.attempts() >= ATTEMPTS_MAX ? "FAILED" : "QUEUED",
          e.getClass().getSimpleName() + ": " + e.getMessage());
    }
  }

  private void writeFound(SweepRows.Sweep sweep, SweepResult found, TraceResult trace) {
    tx.executeWithoutResult(status -> {
      rows.lockOwned(sweep.sweepId(), owner).orElseThrow(() ->
          new VictimWriter.LeaseLost(sweep.sweepId()));
      rows.lockScammer(sweep.scammerId());
      writer.replaceCluster(sweep, found.cluster());
      if (trace != null) {
        writer.replaceHoldings(sweep, trace);
      }
      List<String> notes = new ArrayList<>(found.truncations());
      if (trace != null) {
        trace.truncations().forEach(t -> notes.add("trace: " + t));
      }
      rows.found(sweep.sweepId(), found.cluster().size(), found.victims().size(),
          notes.isEmpty() ? null : String.join("; ", notes), clock.instant().plus(LEASE));
    });
  }

  /** Victims in chunks of whole accounts (all of an account's currencies together). */
  static List<List<Victim>> chunks(List<Victim> victims) {
    List<List<Victim>> chunks = new ArrayList<>();
    List<Victim> chunk = new ArrayList<>();
    int accounts = 0;
    String last = null;
    for (Victim v : victims) {
      if (!v.victimAccount().equals(last)) {
        if (accounts == CHUNK_ACCOUNTS) {
          chunks.add(chunk);
          chunk = new ArrayList<>();
          accounts = 0;
        }
        accounts++;
        last = v.victimAccount();
      }
      chunk.add(v);
    }
    if (!chunk.isEmpty()) {
      chunks.add(chunk);
    }
    return chunks;
  }

  private void finish(SweepRows.Sweep sweep, String state, String error) {
    tx.executeWithoutResult(status -> {
      if (rows.lockOwned(sweep.sweepId(), owner).isEmpty()) {
        return;
      }
      rows.end(sweep.sweepId(), state, error, clock.instant());
      meters.counter("holdfast.sweeps", "state", state.toLowerCase(java.util.Locale.ROOT))
          .increment();
      SweepRows.Sweep done = rows.sweep(sweep.sweepId()).orElseThrow();
      audit.record("sweeper", "sweep." + state.toLowerCase(java.util.Locale.ROOT), "sweep",
          sweep.sweepId(), "RUNNING", state, error != null ? error : done.victimsFound()
              + " victims (" + done.silentVictims() + " silent, " + done.reportersLinked()
              + " reporters), " + done.outreachOpened() + " outreach opened, "
              + done.claimsOpened() + " claims opened");
    });
  }
}
