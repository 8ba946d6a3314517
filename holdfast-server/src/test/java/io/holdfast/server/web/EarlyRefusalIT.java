package io.holdfast.server.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.holdfast.server.security.ApiKeys;
import io.holdfast.server.support.PostgresServerTest;
import io.holdfast.server.support.RawHttp;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A request that may not call its route is refused from its headers alone: the server answers
 * 401 or 403 before reading a byte of the body, and closes the connection instead of draining a
 * body it will never use. Each request here declares 15 MB and sends none of it, so a server
 * that reads (or drains) bodies before deciding would never answer.
 */
class EarlyRefusalIT extends PostgresServerTest {
  private static final String DECLARED = "Content-Length: 15000000";

  @Autowired
  ApiKeys apiKeys;
  @Autowired
  TransactionTemplate tx;

  @Test
  void anUnauthenticatedUploadIsRefusedBeforeItsBodyIsRead() {
    assertRefusedAtOnce(RawHttp.head("POST", "/v1/intel/lists/x/entries",
        "Content-Type: text/plain", DECLARED), 401);
  }

  @Test
  void aWrongKeyIsRefusedBeforeTheBodyIsRead() {
    assertRefusedAtOnce(RawHttp.head("POST", "/v1/intel/lists/x/entries",
        "Authorization: Bearer not-a-key-0123456789", "Content-Type: text/plain", DECLARED), 401);
  }

  @Test
  void aWrongPasswordIsRefusedBeforeTheBodyIsRead() {
    assertRefusedAtOnce(RawHttp.head("POST", "/v1/intel/lists/x/entries",
        "Authorization: Basic YWRtaW46bm9wZQ==", "Content-Type: text/plain", DECLARED), 401);
  }

  @Test
  void aKeyWithoutTheRoutesScopeIsRefusedBeforeTheBodyIsRead() {
    String secret = "screen-only-" + id("s");
    tx.executeWithoutResult(s -> apiKeys.create(id("key"), "screen only", secret,
        List.of("screen")));
    assertRefusedAtOnce(RawHttp.head("POST", "/v1/intel/lists/x/entries",
        "Authorization: Bearer " + secret, "Content-Type: text/plain", DECLARED), 403);
  }

  @Test
  void anUnauthenticatedScreeningIsRefusedBeforeItsBodyIsRead() {
    assertRefusedAtOnce(RawHttp.head("POST", "/v1/transfers/screen",
        "Content-Type: application/json", "Content-Length: 60000"), 401);
  }

  /** A form body is parsed by a servlet filter when nothing stops it, whatever the route. */
  @Test
  void anUnauthenticatedFormIsRefusedBeforeItsBodyIsRead() {
    assertRefusedAtOnce(RawHttp.head("PUT", "/v1/accounts/a-1",
        "Content-Type: application/x-www-form-urlencoded", DECLARED), 401);
  }

  private void assertRefusedAtOnce(String head, int status) {
    try (RawHttp http = RawHttp.connect(port())) {
      http.send(head);
      RawHttp.Response r = http.response();
      assertThat(r.status()).as(r.body()).isEqualTo(status);
      assertThat(r.header("Content-Type")).startsWith("application/problem+json");
      assertThat(r.body()).contains("https://holdfast.dev/problems/");
      assertThat(r.header("Connection")).isEqualToIgnoringCase("close");
      assertThat(http.closedByServer()).as("the server closes instead of draining").isTrue();
    }
  }
}
