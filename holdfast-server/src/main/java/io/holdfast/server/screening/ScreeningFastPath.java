package io.holdfast.server.screening;

import io.holdfast.server.idempotency.Idempotency;
import io.holdfast.server.security.Actor;
import io.holdfast.server.security.ApiKeys;
import io.holdfast.server.security.RouteRule;
import io.holdfast.server.security.RouteRules;
import io.holdfast.server.web.BodyBudget;
import io.holdfast.server.web.BodyLimitFilter;
import io.holdfast.server.web.RequestBodies;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import java.util.Optional;
import org.springframework.http.HttpMethod;
import org.springframework.http.ResponseEntity;
import org.springframework.web.filter.OncePerRequestFilter;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * Answers well-formed screening requests from platforms without the generic pipeline (the
 * security filter chain, the dispatcher, argument resolution and message converters). On two
 * cores that pipeline cost more CPU than the decision itself, and screening is the one route
 * whose throughput is a product goal. The fast path only ever answers a request the generic
 * pipeline would have answered 200 in the same way: it authenticates the API key the way
 * {@code ApiKeyFilter} does and authorises it from the same {@link RouteRules} row, parses the
 * body with the application's own JSON mapper and calls the same {@link ScreeningService}.
 * Anything else (no key, a user, a missing scope, an Idempotency-Key, a body the mapper
 * refuses, a refusal from the service) is handed to the generic pipeline unchanged, so every
 * error and every authorisation answer keeps exactly one implementation.
 *
 * <p>It runs before the security chain, so it reads the body itself, and only once the key
 * has been found valid for the route: an unauthenticated request is handed on unread and
 * refused from its headers. A body it could not read (too large, cut short) is handed on with
 * the refusal, which {@link BodyLimitFilter} renders after the security chain.
 */
public final class ScreeningFastPath extends OncePerRequestFilter {
  static final String PATH = "/v1/transfers/screen";

  private final ApiKeys apiKeys;
  private final RequestBodies bodies;
  private final ScreeningService screening;
  private final JsonMapper json;
  private final List<String> authorities;
  private final Counter answered;
  private final Counter handedOn;

  public ScreeningFastPath(ApiKeys apiKeys, RequestBodies bodies, ScreeningService screening,
      JsonMapper json, MeterRegistry meters) {
    this.apiKeys = apiKeys;
    this.bodies = bodies;
    this.screening = screening;
    this.json = json;
    this.authorities = RouteRules.all().stream()
        .filter(r -> r.method() == HttpMethod.POST && r.pattern().equals(PATH))
        .findFirst().map(RouteRule::authorities)
        .orElseThrow(() -> new IllegalStateException("no route rule for POST " + PATH));
    this.answered = answeredBy("fast", meters);
    this.handedOn = answeredBy("generic", meters);
  }

  private static Counter answeredBy(String path, MeterRegistry meters) {
    return Counter.builder("holdfast.screening.fast_path")
        .description("screening requests by the path that answered them")
        .tag("path", path).register(meters);
  }

  @Override
  protected boolean shouldNotFilter(HttpServletRequest request) {
    return !"POST".equals(request.getMethod()) || !PATH.equals(request.getRequestURI());
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response,
      FilterChain chain) throws ServletException, IOException {
    Optional<String> actor = authorisedActor(request.getHeader("Authorization"));
    if (actor.isEmpty() || !json(request.getContentType())
        || request.getHeader(Idempotency.HEADER) != null) {
      handOn(request, response, chain);
      return;
    }
    RequestBodies.Outcome outcome = bodies.read(request);
    if (outcome instanceof RequestBodies.Refused refused) {
      request.setAttribute(BodyLimitFilter.REFUSAL_ATTRIBUTE, refused);
      handOn(request, response, chain);
      return;
    }
    RequestBodies.Read read = (RequestBodies.Read) outcome;
    try (BodyBudget.Reservation held = read.reservation()) {
      Optional<ResponseEntity<byte[]>> answer = answer(read.request(), actor.get());
      if (answer.isEmpty()) {
        handOn(read.request(), response, chain);
        return;
      }
      answered.increment();
      write(answer.get(), response);
    }
  }

  private void handOn(HttpServletRequest request, HttpServletResponse response,
      FilterChain chain) throws ServletException, IOException {
    handedOn.increment();
    chain.doFilter(request, response);
  }

  /** The answer of the fast path, or empty when the generic pipeline must answer. */
  private Optional<ResponseEntity<byte[]>> answer(HttpServletRequest request, String actor) {
    byte[] body = (byte[]) request.getAttribute(RequestBodies.BODY_ATTRIBUTE);
    TransferBody transfer;
    try {
      transfer = json.readValue(body, TransferBody.class);
    } catch (JacksonException e) {
      return Optional.empty();
    }
    if (transfer == null) {
      return Optional.empty();
    }
    try {
      return Optional.of(screening.screen(transfer,
          CanonicalTransfer.requestHash(request, transfer), actor, null));
    } catch (RuntimeException e) {
      // The service refused or failed before anything was committed, or committed nothing
      // that a retry of the same transfer would not replay; the generic pipeline runs the
      // request again and renders its answer, so refusals have one rendering.
      return Optional.empty();
    }
  }

  /** The key's actor when it is valid and grants what the route's rule asks for. */
  private Optional<String> authorisedActor(String header) {
    return ApiKeys.bearerSecret(header).flatMap(apiKeys::resolveBearer)
        .filter(key -> key.scopes().stream().anyMatch(s -> authorities.contains("SCOPE_" + s)))
        .map(key -> Actor.forKey(key.keyId()));
  }

  private static boolean json(String contentType) {
    return contentType != null && (contentType.equals("application/json")
        || contentType.startsWith("application/json;"));
  }

  /** Writes the answer with the headers the security chain adds to every other answer. */
  private static void write(ResponseEntity<byte[]> answer, HttpServletResponse response)
      throws IOException {
    response.setStatus(answer.getStatusCode().value());
    answer.getHeaders().forEach((name, values) -> values.forEach(v -> response.addHeader(name, v)));
    response.setHeader("X-Content-Type-Options", "nosniff");
    response.setHeader("X-XSS-Protection", "0");
    response.setHeader("Cache-Control", "no-cache, no-store, max-age=0, must-revalidate");
    response.setHeader("Pragma", "no-cache");
    response.setHeader("Expires", "0");
    response.setHeader("X-Frame-Options", "DENY");
    byte[] body = answer.getBody();
    response.setContentLength(body.length);
    response.getOutputStream().write(body);
  }
}
