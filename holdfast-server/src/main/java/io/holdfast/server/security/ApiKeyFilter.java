package io.holdfast.server.security;

import io.holdfast.server.web.ProblemType;
import io.holdfast.server.web.Problems;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import java.util.Optional;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Authenticates platforms by {@code Authorization: Bearer <api key>}. A bearer credential with
 * a JWT's shape is no key ({@link BearerTokens}): it is left to the single sign-on token
 * filter when that is on, and refused here when it is off.
 */
public class ApiKeyFilter extends OncePerRequestFilter {
  private final ApiKeys apiKeys;
  private final boolean tokensAccepted;

  public ApiKeyFilter(ApiKeys apiKeys, boolean tokensAccepted) {
    this.apiKeys = apiKeys;
    this.tokensAccepted = tokensAccepted;
  }

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    Optional<String> secret = ApiKeys.bearerSecret(request.getHeader("Authorization"));
    if (secret.isEmpty()) {
      chain.doFilter(request, response);
      return;
    }
    if (BearerTokens.isJwt(secret.get())) {
      if (tokensAccepted) {
        chain.doFilter(request, response);
      } else {
        Problems.write(response, ProblemType.UNAUTHENTICATED, "the bearer credential is a JSON"
            + " Web Token, and single sign-on is not configured on this server");
      }
      return;
    }
    Optional<ApiKeys.ApiKey> key = apiKeys.resolveBearer(secret.get());
    if (key.isEmpty()) {
      Problems.write(response, ProblemType.UNAUTHENTICATED, "the API key is not valid");
      return;
    }
    List<SimpleGrantedAuthority> authorities = key.get().scopes().stream()
        .map(scope -> new SimpleGrantedAuthority("SCOPE_" + scope))
        .toList();
    var authentication = UsernamePasswordAuthenticationToken.authenticated(
        Actor.forKey(key.get().keyId()), null, authorities);
    SecurityContextHolder.getContext().setAuthentication(authentication);
    try {
      chain.doFilter(request, response);
    } finally {
      SecurityContextHolder.clearContext();
    }
  }
}
