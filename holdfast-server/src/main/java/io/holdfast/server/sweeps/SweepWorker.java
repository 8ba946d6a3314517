package io.holdfast.server.sweeps;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Lazy;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Runs queued sweeps on one background thread: woken after a sweep is queued on this instance,
 * and polling for sweeps queued elsewhere or left by a worker that died. At most one wake-up is
 * pending at a time, and each run handles a bounded number of sweeps.
 */
@Component
public class SweepWorker implements DisposableBean {
  static final int SWEEPS_PER_RUN = 20;

  private final SweepRunner runner;
  private final boolean enabled;
  private final ExecutorService executor = Executors.newSingleThreadExecutor(r -> {
    Thread t = new Thread(r, "holdfast-sweeps");
    t.setDaemon(true);
    return t;
  });
  private final AtomicBoolean pending = new AtomicBoolean();

  public SweepWorker(@Lazy SweepRunner runner,
      @Value("${holdfast.sweeps.worker:true}") boolean enabled) {
    this.runner = runner;
    this.enabled = enabled;
  }

  /** Asks for a run soon; a run already pending covers this one. */
  public void wake() {
    if (enabled && pending.compareAndSet(false, true)) {
      executor.execute(() -> {
        pending.set(false);
        runner.runPending(SWEEPS_PER_RUN);
      });
    }
  }

  @Scheduled(fixedDelayString = "${holdfast.sweeps.poll-millis:2000}")
  public void poll() {
    wake();
  }

  @Override
  public void destroy() {
    executor.shutdownNow();
  }
}
