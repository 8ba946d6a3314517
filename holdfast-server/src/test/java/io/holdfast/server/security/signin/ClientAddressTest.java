package io.holdfast.server.security.signin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;

/** Whose address a request is counted under, with and without trusted proxies. */
class ClientAddressTest {
  private static MockHttpServletRequest from(String peer, String... forwardedFor) {
    MockHttpServletRequest request = new MockHttpServletRequest();
    request.setRemoteAddr(peer);
    for (String header : forwardedFor) {
      request.addHeader("X-Forwarded-For", header);
    }
    return request;
  }

  @Test
  void withoutTrustedProxiesTheHeaderIsIgnored() {
    ClientAddress none = new ClientAddress("");
    assertThat(none.of(from("203.0.113.5", "198.51.100.1"))).isEqualTo("203.0.113.5");
  }

  @Test
  void aTrustedProxysHeaderIsReadFromTheRightSkippingTrustedHops() {
    ClientAddress proxies = new ClientAddress("10.0.0.0/8, 192.168.1.1");
    assertThat(proxies.of(from("10.1.2.3", "198.51.100.1"))).isEqualTo("198.51.100.1");
    assertThat(proxies.of(from("10.1.2.3", "6.6.6.6, 198.51.100.1, 192.168.1.1")))
        .as("what the client wrote left of the real hop is ignored").isEqualTo("198.51.100.1");
    assertThat(proxies.of(from("10.1.2.3", "6.6.6.6", "198.51.100.1, 10.9.9.9")))
        .as("several headers are one list").isEqualTo("198.51.100.1");
    assertThat(proxies.of(from("10.1.2.3"))).as("no header: the proxy itself")
        .isEqualTo("10.1.2.3");
  }

  @Test
  void anUntrustedPeerCannotChooseItsAddress() {
    ClientAddress proxies = new ClientAddress("10.0.0.0/8");
    assertThat(proxies.of(from("203.0.113.5", "10.1.1.1"))).isEqualTo("203.0.113.5");
  }

  @Test
  void aHopThatIsNotAnAddressEndsTheWalkAtTheLastKnownAddress() {
    ClientAddress proxies = new ClientAddress("10.0.0.0/8");
    assertThat(proxies.of(from("10.1.2.3", "198.51.100.1, unknown, 10.2.2.2")))
        .isEqualTo("10.2.2.2");
    assertThat(proxies.of(from("10.1.2.3", "example.com"))).isEqualTo("10.1.2.3");
  }

  @Test
  void addressesAreCanonicalAndHostNamesAreNeverResolved() {
    assertThat(ClientAddress.canonical("::1")).contains("0:0:0:0:0:0:0:1");
    assertThat(ClientAddress.canonical("[2001:db8::1]")).contains("2001:db8:0:0:0:0:0:1");
    assertThat(ClientAddress.canonical("::ffff:192.0.2.1")).contains("192.0.2.1");
    assertThat(ClientAddress.canonical("192.0.2.1")).contains("192.0.2.1");
    assertThat(ClientAddress.canonical("localhost")).isEmpty();
    assertThat(ClientAddress.canonical("abc.def")).isEmpty();
    assertThat(ClientAddress.canonical("999.1.1.1")).isEmpty();
    assertThat(ClientAddress.canonical("1.2.3")).isEmpty();
    assertThat(ClientAddress.canonical(".:1")).isEmpty();
    assertThat(ClientAddress.canonical("1:2:zz")).isEmpty();
  }

  @Test
  void aHostNameIsRefusedAsATrustedProxy() {
    assertThatThrownBy(() -> new ClientAddress("proxy.internal"))
        .hasMessageContaining("trusted-proxies").hasMessageContaining("proxy.internal");
  }
}
