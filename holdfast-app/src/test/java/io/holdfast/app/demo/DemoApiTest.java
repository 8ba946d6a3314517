package io.holdfast.app.demo;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The demo sends a request again after a broken connection only when that is safe. */
class DemoApiTest {
  @Test
  void readsUpsertsScreeningAndAccountEventsAreSentAgain() {
    assertThat(DemoApi.idempotent("GET", "/v1/holds/hold_1")).isTrue();
    assertThat(DemoApi.idempotent("PUT", "/v1/accounts/u1")).isTrue();
    assertThat(DemoApi.idempotent("POST", "/v1/transfers/screen")).isTrue();
    assertThat(DemoApi.idempotent("POST", "/v1/accounts/u1/events")).isTrue();
  }

  @Test
  void reportsCampaignsAndHoldCommandsAreNot() {
    assertThat(DemoApi.idempotent("POST", "/v1/reports")).isFalse();
    assertThat(DemoApi.idempotent("POST", "/v1/campaigns")).isFalse();
    assertThat(DemoApi.idempotent("POST", "/v1/holds/hold_1/cancel")).isFalse();
  }
}
