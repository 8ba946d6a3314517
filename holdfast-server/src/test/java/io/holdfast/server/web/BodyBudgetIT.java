package io.holdfast.server.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.holdfast.server.support.Api;
import io.holdfast.server.support.PostgresServerTest;
import io.holdfast.server.support.RawHttp;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Large authenticated bodies share one server-wide budget: while uploads hold it, another is
 * refused at once with 503 and Retry-After (its body unread, its connection closed), screening
 * still answers, and once the uploads end their bytes are given back.
 */
class BodyBudgetIT extends PostgresServerTest {
  /** Within the 16 MiB limit of an upload, and a few of them fill the default budget. */
  private static final long DECLARED_BYTES = 12_000_000;

  @Autowired
  BodyBudget budget;

  private static String upload(String list) {
    String basic = Base64.getEncoder().encodeToString(
        ("admin:" + ADMIN_PASSWORD).getBytes(StandardCharsets.UTF_8));
    return RawHttp.head("POST", "/v1/intel/lists/" + list + "/entries",
        "Authorization: Basic " + basic, "Content-Type: text/plain",
        "Content-Length: " + DECLARED_BYTES);
  }

  @Test
  void uploadsBeyondTheBudgetAreRefusedAtOnceWhileScreeningAnswers() {
    int fitting = (int) (budget.capacityBytes() / DECLARED_BYTES);
    assertThat(fitting).as("the test needs a budget of one to eight uploads").isBetween(1, 8);
    List<RawHttp> held = new ArrayList<>();
    try {
      for (int i = 0; i < fitting; i++) {
        RawHttp upload = RawHttp.connect(port());
        // The head and the start of a body that never ends: the server holds the reservation
        // while it waits for the rest.
        upload.send(upload("budget") + "0x01e2919679362dFBC9ee1644Ba9C6da6D6245BB1\n");
        held.add(upload);
      }
      await().atMost(Duration.ofSeconds(30))
          .until(() -> budget.reservedBytes() == fitting * DECLARED_BYTES);

      try (RawHttp oneMore = RawHttp.connect(port())) {
        oneMore.send(upload("budget"));
        RawHttp.Response refused = oneMore.response();
        assertThat(refused.status()).as(refused.body()).isEqualTo(503);
        assertThat(refused.header("Content-Type")).startsWith("application/problem+json");
        assertThat(refused.body()).contains("https://holdfast.dev/problems/overloaded");
        assertThat(refused.header("Retry-After")).isEqualTo("5");
        assertThat(refused.header("Connection")).isEqualToIgnoringCase("close");
        assertThat(oneMore.closedByServer()).isTrue();
      }
      assertThat(budget.reservedBytes()).isEqualTo(fitting * DECLARED_BYTES);
      screenPayment(id("t"), id("s"), id("r"), 1_000);
    } finally {
      held.forEach(RawHttp::close);
    }
    await().atMost(Duration.ofSeconds(30)).until(() -> budget.reservedBytes() == 0);
    Api.Response after = admin().send("POST", "/v1/intel/lists/" + id("budget") + "/entries",
        "0x01e2919679362dFBC9ee1644Ba9C6da6D6245BB1\n", "text/plain", Map.of());
    assertThat(after.status()).as(after.body()).isNotEqualTo(503);
  }
}
