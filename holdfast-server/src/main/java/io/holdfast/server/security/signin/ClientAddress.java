package io.holdfast.server.security.signin;

import jakarta.servlet.http.HttpServletRequest;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.authentication.AuthenticationDetailsSource;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.security.web.util.matcher.IpAddressMatcher;
import org.springframework.stereotype.Component;

/**
 * The address a sign-in comes from, as the throttle and the audit log see it.
 *
 * <p>It is the TCP peer ({@code request.getRemoteAddr()}) unless that peer is one of the
 * configured trusted proxies ({@code holdfast.security.trusted-proxies}: addresses or CIDR
 * ranges, default none). Only then is {@code X-Forwarded-For} read, from the right, skipping
 * trusted proxies: the first address that is not one is the client. Anything left of it was
 * written by the client and is ignored, so a client cannot pick the address it is counted
 * under by sending the header itself. (Spring Boot would otherwise turn on Tomcat's
 * RemoteIpValve on a detected cloud platform, trusting every private address; the server sets
 * {@code server.forward-headers-strategy=none} so that only this setting decides.) A hop
 * that is not an IP address, such as {@code unknown}, ends the walk at the last address known,
 * which is stricter (everyone behind it shares a counter) but never looser.
 *
 * <p>It is also the {@link AuthenticationDetailsSource} of HTTP Basic (and of the console's
 * form login), so Spring Security's authentication events carry this address.
 */
@Component
public class ClientAddress
    implements AuthenticationDetailsSource<HttpServletRequest, WebAuthenticationDetails> {
  private static final String FORWARDED_FOR = "X-Forwarded-For";
  /** More hops than any real chain of proxies; the rest of a longer header is not read. */
  private static final int HOPS_MAX = 20;

  private final List<IpAddressMatcher> trusted;

  public ClientAddress(@Value("${holdfast.security.trusted-proxies:}") String trustedProxies) {
    this.trusted = parse(trustedProxies);
  }

  /** The client's address, in canonical form (IPv6 written out in full, IPv4 dotted). */
  public String of(HttpServletRequest request) {
    String peer = canonical(request.getRemoteAddr()).orElse(request.getRemoteAddr());
    if (trusted.isEmpty() || !isTrusted(peer)) {
      return peer;
    }
    List<String> hops = forwardedFor(request);
    String last = peer;
    for (int i = hops.size() - 1; i >= 0 && i >= hops.size() - HOPS_MAX; i--) {
      Optional<String> hop = canonical(hops.get(i));
      if (hop.isEmpty()) {
        return last;
      }
      if (!isTrusted(hop.get())) {
        return hop.get();
      }
      last = hop.get();
    }
    return last;
  }

  @Override
  public WebAuthenticationDetails buildDetails(HttpServletRequest request) {
    return new WebAuthenticationDetails(of(request), null);
  }

  private boolean isTrusted(String address) {
    for (IpAddressMatcher matcher : trusted) {
      if (matcher.matches(address)) {
        return true;
      }
    }
    return false;
  }

  private static List<String> forwardedFor(HttpServletRequest request) {
    List<String> hops = new ArrayList<>();
    for (String header : Collections.list(request.getHeaders(FORWARDED_FOR))) {
      for (String hop : header.split(",")) {
        if (!hop.isBlank()) {
          hops.add(hop.trim());
        }
      }
    }
    return hops;
  }

  private static List<IpAddressMatcher> parse(String trustedProxies) {
    List<IpAddressMatcher> matchers = new ArrayList<>();
    for (String entry : trustedProxies.split(",")) {
      String range = entry.trim();
      if (range.isEmpty()) {
        continue;
      }
      int slash = range.indexOf('/');
      String address = slash < 0 ? range : range.substring(0, slash);
      if (canonical(address).isEmpty()) {
        throw new IllegalArgumentException("holdfast.security.trusted-proxies: '" + range
            + "' is not an IP address or a CIDR range such as 10.0.0.0/8 (host names are not"
            + " accepted)");
      }
      matchers.add(new IpAddressMatcher(range));
    }
    return List.copyOf(matchers);
  }

  /**
   * The address in canonical form when {@code text} is an IPv4 or IPv6 literal; empty for
   * anything else. Nothing here resolves a host name: an IPv4 address is parsed by hand, and
   * Java parses a text with a colon as an IPv6 literal or refuses it without a lookup.
   */
  static Optional<String> canonical(String text) {
    if (text == null || text.isEmpty() || text.length() > 64) {
      return Optional.empty();
    }
    String t = text.startsWith("[") && text.endsWith("]")
        ? text.substring(1, text.length() - 1) : text;
    try {
      if (t.indexOf(':') >= 0) {
        boolean literal = (hex(t.charAt(0)) || t.charAt(0) == ':')
            && t.chars().allMatch(ch -> hex(ch) || ch == ':' || ch == '.');
        return literal ? Optional.of(InetAddress.getByName(t).getHostAddress())
            : Optional.empty();
      }
      byte[] v4 = ipv4(t);
      return v4 == null ? Optional.empty()
          : Optional.of(InetAddress.getByAddress(v4).getHostAddress());
    } catch (UnknownHostException e) {
      return Optional.empty();
    }
  }

  private static boolean hex(int ch) {
    return ch >= '0' && ch <= '9' || ch >= 'a' && ch <= 'f' || ch >= 'A' && ch <= 'F';
  }

  private static byte[] ipv4(String text) {
    String[] parts = text.split("\\.", -1);
    if (parts.length != 4) {
      return null;
    }
    byte[] bytes = new byte[4];
    for (int i = 0; i < 4; i++) {
      String p = parts[i];
      if (p.isEmpty() || p.length() > 3 || !p.chars().allMatch(ch -> ch >= '0' && ch <= '9')) {
        return null;
      }
      int value = Integer.parseInt(p);
      if (value > 255) {
        return null;
      }
      bytes[i] = (byte) value;
    }
    return bytes;
  }
}
