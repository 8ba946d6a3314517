package io.holdfast.server.security.signin;

import io.holdfast.server.security.signin.SignInLimits.Verdict;
import io.holdfast.server.security.signin.SignInLimits.Wait;
import io.holdfast.server.web.ProblemType;
import io.holdfast.server.web.Problems;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.http.HttpHeaders;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.authentication.www.BasicAuthenticationConverter;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses an HTTP Basic sign-in that {@link SignInThrottle} says must wait, with 429
 * {@code too-many-sign-ins} and {@code Retry-After}, before Spring's Basic filter checks the
 * password: a throttled attacker learns nothing from the answer (a right password is refused
 * the same way) and spends none of the server's bcrypt time. Requests without Basic
 * credentials (API keys, anonymous calls) pass untouched, after one look at the header.
 */
public class SignInThrottleFilter extends OncePerRequestFilter {
  private static final String BASIC = "Basic ";
  private final BasicAuthenticationConverter converter = new BasicAuthenticationConverter();
  private final SignInThrottle throttle;
  private final ClientAddress addresses;

  public SignInThrottleFilter(SignInThrottle throttle, ClientAddress addresses) {
    this.throttle = throttle;
    this.addresses = addresses;
  }

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    String header = request.getHeader(HttpHeaders.AUTHORIZATION);
    if (header == null || !header.regionMatches(true, 0, BASIC, 0, BASIC.length())) {
      chain.doFilter(request, response);
      return;
    }
    UsernamePasswordAuthenticationToken attempt;
    try {
      attempt = converter.convert(request);
    } catch (AuthenticationException e) {
      // A malformed header: the Basic filter answers it 401 without checking any password.
      chain.doFilter(request, response);
      return;
    }
    Verdict verdict = attempt == null ? null
        : throttle.check(attempt.getName(), addresses.of(request));
    if (verdict instanceof Wait wait) {
      response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(wait.retryAfterSeconds()));
      Problems.write(response, ProblemType.TOO_MANY_SIGN_INS, "too many failed sign-ins;"
          + " try again in " + wait.retryAfterSeconds() + " s (the password was not checked)");
      return;
    }
    chain.doFilter(request, response);
  }
}
