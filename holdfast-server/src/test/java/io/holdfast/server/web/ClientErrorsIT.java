package io.holdfast.server.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.holdfast.server.support.PostgresServerTest;
import io.holdfast.server.support.RawHttp;
import java.util.Base64;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every error a client can cause, wherever it is caught (Tomcat's parser, Spring Security's
 * firewall, the authentication filters, the error page, an actuator endpoint, the JSON
 * reader), is a 4xx {@code application/problem+json} with a Holdfast type, and its text names
 * no Java class or library internals. Requests go over a raw socket, since the JDK client
 * refuses to send most of them.
 */
class ClientErrorsIT extends PostgresServerTest {
  /** Java packages, exception names, Jackson's quoted types and its feature names. */
  private static final Pattern INTERNALS = Pattern.compile(
      "(?i)(java|javax|jakarta|tools\\.jackson|com\\.fasterxml|org\\.apache|org\\.springframework"
          + "|io\\.holdfast)\\.|exception|`|streamreadfeature|tomcat|<html|stack");

  record Case(String name, String request, int status, String type) {
    @Override
    public String toString() {
      return name;
    }
  }

  private static String admin(String user, String password) {
    return "Authorization: Basic " + Base64.getEncoder().encodeToString(
        (user + ":" + password).getBytes(java.nio.charset.StandardCharsets.UTF_8));
  }

  private static String asAdmin() {
    return admin("admin", ADMIN_PASSWORD);
  }

  private static String screen(String body) {
    return RawHttp.head("POST", "/v1/transfers/screen", "Authorization: Bearer " + PLATFORM_KEY,
        "Content-Type: application/json", "Content-Length: " + body.length()) + body;
  }

  private static final String TRANSFER = "{\"transfer_id\":\"ce-%s\",\"sender_account\":\"s-1\","
      + "\"recipient_account\":\"r-1\",\"amount_minor\":%s,\"currency\":\"USD\","
      + "\"channel\":\"p2p\"}";

  static Stream<Arguments> cases() {
    return Stream.of(
        c("wrong Basic password", RawHttp.head("GET", "/v1/rules", admin("admin", "nope")),
            401, "unauthenticated"),
        c("unknown Basic user", RawHttp.head("GET", "/v1/rules", admin("nobody", "nope")),
            401, "unauthenticated"),
        c("Basic header that is not base64", RawHttp.head("GET", "/v1/rules",
            "Authorization: Basic !!!"), 401, "unauthenticated"),
        c("double slash", RawHttp.head("GET", "//v1/rules", asAdmin()), 400, "bad-request"),
        c("semicolon", RawHttp.head("GET", "/v1/rules;x=1", asAdmin()), 400, "bad-request"),
        c("encoded NUL", RawHttp.head("GET", "/v1/rules%00", asAdmin()), 400, "bad-request"),
        c("encoded slash", RawHttp.head("GET", "/v1/intel/lists/a%2Fb", asAdmin()), 400,
            "bad-request"),
        c("encoded backslash", RawHttp.head("GET", "/v1/intel/lists/a%5Cb", asAdmin()), 400,
            "bad-request"),
        c("dot segment", RawHttp.head("GET", "/v1/rules/%2e%2e/x", asAdmin()), 400,
            "bad-request"),
        c("over-long header", RawHttp.head("GET", "/v1/rules", asAdmin(),
            "X-Padding: " + "x".repeat(20_000)), 400, "bad-request"),
        c("control character in a header", RawHttp.head("GET", "/v1/rules", asAdmin(),
            "X-Note: a\u0001b"), 400, "bad-request"),
        c("bad request line", "GET /v1/rules HTTP/1.1 extra\r\nHost: 127.0.0.1\r\n\r\n", 400,
            "bad-request"),
        c("bad method", "G{T /v1/rules HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n", 400,
            "bad-request"),
        c("no Host header", "GET /v1/rules HTTP/1.1\r\n\r\n", 400, "bad-request"),
        c("unauthenticated /error", RawHttp.head("GET", "/error"), 404, "not-found"),
        c("authenticated /error", RawHttp.head("GET", "/error", asAdmin()), 404, "not-found"),
        c("unknown metric", RawHttp.head("GET", "/actuator/metrics/no.such.metric", asAdmin()),
            404, "not-found"),
        c("malformed JSON", screen("{\"transfer_id\":"), 400, "malformed-json"),
        c("malformed JSON token", screen("{\"transfer_id\": nope}"), 400, "malformed-json"),
        c("amount as a string", screen(TRANSFER.formatted("a", "\"100\"")), 400, "wrong-type"),
        c("amount as a fraction", screen(TRANSFER.formatted("b", "1.5")), 400, "wrong-type"),
        c("amount beyond a long", screen(TRANSFER.formatted("c", "99999999999999999999")), 400,
            "wrong-type"),
        c("amount as an object", screen(TRANSFER.formatted("d", "{}")), 400, "wrong-type"),
        c("body as an array", screen("[1]"), 400, "wrong-type"),
        c("intel upload that is not JSON", RawHttp.head("POST", "/v1/intel/lists/x/entries",
            asAdmin(), "Content-Type: application/json", "Content-Length: 3") + "[1,", 400,
            "malformed-json"),
        c("nothing acceptable", RawHttp.head("GET", "/v1/rules", asAdmin(),
            "Accept: text/html"), 406, "not-acceptable"),
        c("parameter of the wrong type", RawHttp.head("GET", "/v1/instructions?after=abc",
            "Authorization: Bearer " + PLATFORM_KEY), 400, "invalid-field"));
  }

  private static Arguments c(String name, String request, int status, String type) {
    return Arguments.of(new Case(name, request, status, type));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void isAProblemWithoutInternals(Case c) {
    RawHttp.Response r = RawHttp.exchange(port(), c.request());
    assertThat(r.status()).as(r.body()).isEqualTo(c.status());
    assertThat(r.header("Content-Type")).as(r.body()).startsWith("application/problem+json");
    tools.jackson.databind.JsonNode problem = tools.jackson.databind.json.JsonMapper.builder()
        .build().readTree(r.body());
    assertThat(problem.path("type").asString())
        .isEqualTo("https://holdfast.dev/problems/" + c.type());
    assertThat(problem.path("status").asInt()).isEqualTo(c.status());
    assertThat(problem.path("detail").asString()).isNotBlank();
    assertThat(INTERNALS.matcher(r.body()).find()).as(r.body()).isFalse();
  }
}
