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

/** Authenticates platforms by {@code Authorization: Bearer <api key>}. */
public class ApiKeyFilter extends OncePerRequestFilter {
  private final ApiKeys apiKeys;

  public ApiKeyFilter(ApiKeys apiKeys) {
    this.apiKeys = apiKeys;
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
