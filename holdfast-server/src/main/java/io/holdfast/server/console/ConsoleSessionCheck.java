package io.holdfast.server.console;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * A signed-in person's session is only as good as their user row: on every console request the
 * row is read again (one indexed query), so a user disabled since they signed in is signed out
 * at once, and changed roles apply from the next page on.
 */
final class ConsoleSessionCheck extends OncePerRequestFilter {
  private final JdbcClient jdbc;

  ConsoleSessionCheck(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  private record Row(boolean enabled, String roles) {}

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response,
      FilterChain chain) throws ServletException, IOException {
    Authentication auth = SecurityContextHolder.getContext().getAuthentication();
    if (auth instanceof UsernamePasswordAuthenticationToken token
        && token.getPrincipal() instanceof UserDetails person) {
      Optional<Row> row = jdbc.sql("SELECT enabled, roles FROM users WHERE username = :u")
          .param("u", person.getUsername())
          .query((rs, n) -> new Row(rs.getBoolean(1), rs.getString(2)))
          .optional();
      if (row.isEmpty() || !row.get().enabled()) {
        HttpSession session = request.getSession(false);
        if (session != null) {
          session.invalidate();
        }
        SecurityContextHolder.clearContext();
        response.sendRedirect("/console/login?disabled");
        return;
      }
      List<GrantedAuthority> roles = Arrays.stream(row.get().roles().split(","))
          .map(r -> (GrantedAuthority) new SimpleGrantedAuthority("ROLE_" + r)).toList();
      if (!roles.containsAll(token.getAuthorities())
          || !token.getAuthorities().containsAll(roles)) {
        var refreshed = UsernamePasswordAuthenticationToken.authenticated(person, null, roles);
        SecurityContextHolder.getContext().setAuthentication(refreshed);
      }
    }
    chain.doFilter(request, response);
  }
}
