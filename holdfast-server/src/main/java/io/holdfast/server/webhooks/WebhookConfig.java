package io.holdfast.server.webhooks;

import java.time.Duration;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Reads the {@code holdfast.webhook.*} settings into one checked record. */
@Configuration
public class WebhookConfig {

  @Bean
  WebhookSettings webhookSettings(
      @Value("${holdfast.webhook.url:}") String url,
      @Value("${holdfast.webhook.secret:}") String secret,
      @Value("${holdfast.webhook.attempts-max:12}") int attemptsMax,
      @Value("${holdfast.webhook.backoff-base:1s}") Duration backoffBase,
      @Value("${holdfast.webhook.backoff-cap:1h}") Duration backoffCap,
      @Value("${holdfast.webhook.lease:2m}") Duration lease,
      @Value("${holdfast.webhook.timeout:10s}") Duration timeout,
      @Value("${holdfast.webhook.batch-size:50}") int batchSize) {
    if (!url.isBlank() && secret.isBlank()) {
      throw new IllegalStateException("holdfast.webhook.secret is required when"
          + " holdfast.webhook.url is set: the platform must be able to verify the sender");
    }
    return new WebhookSettings(url, secret, attemptsMax, backoffBase, backoffCap, lease, timeout,
        batchSize);
  }
}
