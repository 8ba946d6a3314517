package io.holdfast.server.console;

import io.holdfast.server.security.signin.ClientAddress;
import io.holdfast.server.security.signin.SignInLimits;
import io.holdfast.server.security.signin.SignInThrottle;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The console's sign-in form under the same throttle as the API's passwords: a throttled
 * attempt goes back to the form with how long to wait, before the password is checked (a right
 * one is refused the same way, and no bcrypt time is spent). Failures and successes are
 * counted by the throttle's authentication events, as for the API.
 */
final class ConsoleSignInThrottle extends OncePerRequestFilter {
  private final SignInThrottle throttle;
  private final ClientAddress addresses;

  ConsoleSignInThrottle(SignInThrottle throttle, ClientAddress addresses) {
    this.throttle = throttle;
    this.addresses = addresses;
  }

  @Override
  protected boolean shouldNotFilter(HttpServletRequest request) {
    return !("POST".equals(request.getMethod())
        && "/console/login".equals(request.getRequestURI()));
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response,
      FilterChain chain) throws ServletException, IOException {
    String username = request.getParameter("username");
    if (username != null && throttle.check(username, addresses.of(request))
        instanceof SignInLimits.Wait wait) {
      response.setHeader("Retry-After", Long.toString(wait.retryAfterSeconds()));
      response.sendRedirect("/console/login?throttled=" + wait.retryAfterSeconds());
      return;
    }
    chain.doFilter(request, response);
  }
}
