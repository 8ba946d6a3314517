package io.holdfast.server.webhooks;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Pushes sequenced instructions to the platform's webhook, signed, at least once. A batch is
 * claimed in one short transaction (row locks with SKIP LOCKED, then a lease written in the
 * row), the calls happen with no transaction open, and each result is recorded in a
 * transaction of its own: no database lock is held while waiting for the network. A crash
 * between the call and the record sends the instruction again after the lease; the platform
 * recognises it by the instruction id.
 */
@Component
public class WebhookDispatcher {
  public static final String ID_HEADER = "Holdfast-Instruction-Id";
  public static final String SEQ_HEADER = "Holdfast-Instruction-Seq";
  static final int ENQUEUE_BATCH = 1_000;
  static final int BATCHES_PER_RUN = 20;
  private static final Logger LOG = LoggerFactory.getLogger(WebhookDispatcher.class);

  private final WebhookDeliveries deliveries;
  private final TransactionTemplate tx;
  private final WebhookSettings settings;
  private final Clock clock;
  private final HttpClient http;

  public WebhookDispatcher(WebhookDeliveries deliveries, TransactionTemplate tx,
      WebhookSettings settings, Clock clock) {
    this.deliveries = deliveries;
    this.tx = tx;
    this.settings = settings;
    this.clock = clock;
    this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
        .connectTimeout(settings.timeout()).followRedirects(HttpClient.Redirect.NEVER).build();
  }

  @Scheduled(fixedDelayString = "${holdfast.webhook.poll-millis:1000}")
  public void run() {
    if (!settings.enabled()) {
      return;
    }
    for (int batch = 0; batch < BATCHES_PER_RUN; batch++) {
      if (runOnce() < settings.batchSize()) {
        return;
      }
    }
  }

  /** Enqueues new instructions, then claims and sends one batch; returns how many it sent. */
  public int runOnce() {
    Instant now = clock.instant();
    tx.execute(status -> deliveries.enqueueNew(now, ENQUEUE_BATCH));
    List<WebhookDeliveries.Claim> claims = tx.execute(status -> deliveries.claimDue(now,
        now.plus(settings.lease()), settings.attemptsMax(), settings.batchSize()));
    if (claims == null) {
      return 0;
    }
    for (WebhookDeliveries.Claim claim : claims) {
      deliver(claim);
    }
    return claims.size();
  }

  private void deliver(WebhookDeliveries.Claim claim) {
    Integer status = null;
    String error = null;
    try {
      HttpResponse<Void> response = http.send(request(claim),
          HttpResponse.BodyHandlers.discarding());
      status = response.statusCode();
      if (status >= 200 && status < 300) {
        int ok = status;
        tx.execute(s -> deliveries.delivered(claim, ok, clock.instant()));
        return;
      }
      error = "HTTP " + status;
    } catch (IOException | IllegalArgumentException e) {
      error = e.getClass().getSimpleName() + ": " + e.getMessage();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return;
    }
    recordFailure(claim, status, error);
  }

  private void recordFailure(WebhookDeliveries.Claim claim, Integer status, String error) {
    Instant retryAt = clock.instant().plus(settings.backoff(claim.attempt(),
        claim.instructionId()));
    String state = tx.execute(s -> deliveries.failed(claim, status, error, retryAt,
        settings.attemptsMax()).orElse("LOST"));
    if ("DEAD".equals(state)) {
      LOG.warn("webhook for {} is dead after {} attempts: {}", claim.instructionId(),
          claim.attempt(), error);
    }
  }

  private HttpRequest request(WebhookDeliveries.Claim claim) {
    long t = clock.instant().getEpochSecond();
    return HttpRequest.newBuilder(URI.create(settings.url()))
        .timeout(settings.timeout())
        .header("Content-Type", "application/json")
        .header(ID_HEADER, claim.instructionId())
        .header(SEQ_HEADER, Long.toString(claim.seq()))
        .header(WebhookSignature.HEADER,
            WebhookSignature.sign(settings.secret(), t, claim.payload()))
        .POST(HttpRequest.BodyPublishers.ofString(claim.payload(), StandardCharsets.UTF_8))
        .build();
  }
}
