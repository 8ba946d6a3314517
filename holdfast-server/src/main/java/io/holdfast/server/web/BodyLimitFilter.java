package io.holdfast.server.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Reads each request body once through {@link RequestBodies}, refusing it with 413 past its
 * route's limit and with 503 when the server holds as many large bodies as it allows. It is
 * registered right after the security chain, so a request that may not call its route is
 * refused from its headers alone and its body is never read (the connection is then closed
 * rather than drained, by {@link ProblemReportValve}).
 */
public class BodyLimitFilter extends OncePerRequestFilter {
  /**
   * Set by a filter that already tried to read the body before the security chain (the
   * screening fast path) and was refused, so the refusal is rendered here, once, after
   * authorisation, like any other.
   */
  public static final String REFUSAL_ATTRIBUTE = BodyLimitFilter.class.getName() + ".refusal";

  private final RequestBodies bodies;

  public BodyLimitFilter(RequestBodies bodies) {
    this.bodies = bodies;
  }

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    if (!RequestBodies.hasBody(request)
        || request.getAttribute(RequestBodies.BODY_ATTRIBUTE) != null) {
      chain.doFilter(request, response);
      return;
    }
    RequestBodies.Outcome outcome =
        request.getAttribute(REFUSAL_ATTRIBUTE) instanceof RequestBodies.Refused earlier
            ? earlier : bodies.read(request);
    if (outcome instanceof RequestBodies.Refused refused) {
      refuse(response, refused);
      return;
    }
    RequestBodies.Read read = (RequestBodies.Read) outcome;
    try (BodyBudget.Reservation held = read.reservation()) {
      chain.doFilter(read.request(), response);
    }
  }

  private static void refuse(HttpServletResponse response, RequestBodies.Refused refused)
      throws IOException {
    if (refused.retryAfterSeconds() > 0) {
      response.setHeader("Retry-After", Integer.toString(refused.retryAfterSeconds()));
    }
    Problems.write(response, refused.type(), refused.detail());
  }
}
