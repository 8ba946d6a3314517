package io.holdfast.server.idempotency;

import static org.assertj.core.api.Assertions.assertThat;

import io.holdfast.server.web.RequestBodies;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;

/**
 * A retry matches when its JSON parses to the same values, whatever the whitespace and key
 * order (nested objects too), and never when a value, the method or the path differ; a hash an
 * earlier version stored over the bytes still matches a byte-identical retry.
 */
class RequestHashTest {
  private static RequestHash json(String method, String path, String body) {
    MockHttpServletRequest request = new MockHttpServletRequest(method, path);
    request.setAttribute(RequestBodies.BODY_ATTRIBUTE, body.getBytes(StandardCharsets.UTF_8));
    return RequestHash.ofJson(request);
  }

  private static RequestHash json(String body) {
    return json("POST", "/v1/freezes", body);
  }

  @Test
  void whitespaceAndKeyOrderDoNotMatter() {
    String stored = json("{\"a\":1,\"b\":{\"x\":[1,2],\"y\":\"z\"}}").value();
    assertThat(json("{ \"b\" : { \"y\":\"z\", \"x\":[ 1, 2 ] },\n\t\"a\" : 1 }\n")
        .matches(stored)).isTrue();
    assertThat(json("{\"a\":1,\"b\":{\"x\":[1,2],\"y\":\"\\u007a\"}}").matches(stored))
        .as("an escape is the same string").isTrue();
  }

  @Test
  void anyValueDifferenceMatters() {
    String stored = json("{\"a\":1,\"b\":{\"x\":[1,2],\"y\":\"z\"}}").value();
    for (String other : new String[] {"{\"a\":2,\"b\":{\"x\":[1,2],\"y\":\"z\"}}",
        "{\"a\":1,\"b\":{\"x\":[2,1],\"y\":\"z\"}}", "{\"a\":1,\"b\":{\"x\":[1,2],\"y\":\"Z\"}}",
        "{\"a\":\"1\",\"b\":{\"x\":[1,2],\"y\":\"z\"}}", "{\"a\":1,\"b\":{\"x\":[1,2]}}",
        "{\"a\":1,\"b\":{\"x\":[1,2],\"y\":\"z\"},\"c\":null}"}) {
      assertThat(json(other).matches(stored)).as(other).isFalse();
    }
    assertThat(json("PUT", "/v1/freezes", "{\"a\":1,\"b\":{\"x\":[1,2],\"y\":\"z\"}}")
        .matches(stored)).as("another method").isFalse();
    assertThat(json("POST", "/v1/holds", "{\"a\":1,\"b\":{\"x\":[1,2],\"y\":\"z\"}}")
        .matches(stored)).as("another path").isFalse();
  }

  @Test
  void aBodyThatIsNotJsonIsComparedByItsBytes() {
    String stored = json("not json").value();
    assertThat(json("not json").matches(stored)).isTrue();
    assertThat(json("not  json").matches(stored)).isFalse();
    assertThat(json("").matches(json("").value())).isTrue();
  }

  @Test
  void aHashOfTheBytesFromAnEarlierVersionMatchesOnlyTheSameBytes() throws Exception {
    String body = "{\"a\":1}";
    MessageDigest sha = MessageDigest.getInstance("SHA-256");
    sha.update("POST /v1/freezes\n".getBytes(StandardCharsets.UTF_8));
    sha.update(body.getBytes(StandardCharsets.UTF_8));
    String legacy = HexFormat.of().formatHex(sha.digest());
    assertThat(json(body).matches(legacy)).isTrue();
    assertThat(json("{ \"a\": 1 }").matches(legacy)).isFalse();
    assertThat(json(body).matches(null)).isFalse();
    assertThat(json(body).value()).startsWith(RequestHash.PREFIX).hasSize(67);
  }
}
