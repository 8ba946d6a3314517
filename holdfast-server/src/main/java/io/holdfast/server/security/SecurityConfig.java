package io.holdfast.server.security;

import io.holdfast.server.security.oidc.SsoBearer;
import io.holdfast.server.security.signin.ClientAddress;
import io.holdfast.server.security.signin.SignInThrottle;
import io.holdfast.server.security.signin.SignInThrottleFilter;
import io.holdfast.server.web.ProblemType;
import io.holdfast.server.web.Problems;
import java.nio.file.Path;
import java.util.Arrays;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.hierarchicalroles.RoleHierarchy;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import org.springframework.security.web.firewall.RequestRejectedHandler;

/**
 * Platforms authenticate with API keys, people with a username and password (HTTP Basic for
 * now) or, when single sign-on is configured, a JWT from its issuer ({@link SsoBearer});
 * passwords are throttled by {@link SignInThrottle} before they are checked. Authorisation
 * comes from {@link RouteRules} alone; anything not listed is denied.
 */
@Configuration
public class SecurityConfig {

  /** The API's chain: every request the console's chain (order 1) does not take. */
  @Bean
  @org.springframework.core.annotation.Order(2)
  SecurityFilterChain api(HttpSecurity http, ApiKeys apiKeys, ObjectProvider<SsoBearer> sso,
      SignInThrottle signIns, ClientAddress clientAddress) throws Exception {
    SsoBearer tokens = sso.getIfAvailable();
    if (tokens != null) {
      tokens.configure(http);
    }
    http.csrf(csrf -> csrf.disable())
        .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
        .httpBasic(basic -> basic
            .authenticationDetailsSource(clientAddress)
            .authenticationEntryPoint((req, res, ex) ->
                Problems.write(res, ProblemType.UNAUTHENTICATED,
                    "the username or password is not valid")))
        .addFilterBefore(new SignInThrottleFilter(signIns, clientAddress),
            BasicAuthenticationFilter.class)
        .addFilterBefore(new ApiKeyFilter(apiKeys, tokens != null),
            BasicAuthenticationFilter.class)
        .exceptionHandling(e -> e
            .authenticationEntryPoint((req, res, ex) ->
                Problems.write(res, ProblemType.UNAUTHENTICATED,
                    "send an API key as 'Authorization: Bearer <key>' or a user's credentials"))
            .accessDeniedHandler((req, res, ex) ->
                Problems.write(res, ProblemType.FORBIDDEN,
                    "this key or user may not call " + req.getMethod() + " "
                        + req.getRequestURI())))
        .authorizeHttpRequests(RouteRules::authorize);
    return http.build();
  }

  /**
   * The roles' hierarchy, defined once in {@link RouteRules}; Spring Security applies it to
   * every row of the table.
   */
  @Bean
  static RoleHierarchy roleHierarchy() {
    return RouteRules.hierarchy();
  }

  /**
   * Requests the firewall refuses (a path with {@code //}, {@code ;}, {@code %2F}, {@code %00}
   * or {@code ..}, a header with control characters) are the client's mistake: 400, as a
   * problem, like any other.
   */
  @Bean
  RequestRejectedHandler requestRejected() {
    return (req, res, ex) -> Problems.write(res, ProblemType.BAD_REQUEST,
        "the request was refused: its path or a header holds a character or sequence that is"
            + " not allowed (such as //, ;, %2F, %5C, %00 or ..)");
  }

  /**
   * No Micrometer observation around every security filter: on the screening path those
   * observations cost more CPU than the decision itself, and they measure nothing we act on.
   */
  @Bean
  SecurityObservationSettings noSecurityObservations() {
    return SecurityObservationSettings.noObservations();
  }

  /**
   * Passwords are bcrypt (new ones) or argon2, nothing else: a row stored as {@code {noop}},
   * {@code {sha256}} or any other id matches no password, and {@link #users} refuses it before
   * that with a log line naming the user.
   */
  @Bean
  PasswordEncoder passwordEncoder() {
    return new VerifiedPasswords(StrongPasswords.encoder());
  }

  /** The server secret API keys are hashed with ({@link KeyPepper}: where it lives and why). */
  @Bean
  KeyPepper keyPepper(@Value("${holdfast.key-pepper:}") String configured,
      @Value("${holdfast.key-pepper-file:./holdfast-data/key-pepper}") String file) {
    return KeyPepper.resolve(configured, Path.of(file));
  }

  /**
   * A person, read on every call (there is no user cache), so a disabled user is refused from
   * their next request on.
   */
  @Bean
  UserDetailsService users(JdbcClient jdbc) {
    return username -> jdbc.sql("""
            SELECT username, password_hash, roles, enabled FROM users WHERE username = :u""")
        .param("u", username)
        .query((rs, n) -> User.withUsername(rs.getString(1))
            .password(StrongPasswords.require(rs.getString(1), rs.getString(2)))
            .authorities(Arrays.stream(rs.getString(3).split(","))
                .map(role -> new SimpleGrantedAuthority("ROLE_" + role))
                .toList())
            .disabled(!rs.getBoolean(4))
            .build())
        .optional()
        .orElseThrow(() -> new UsernameNotFoundException("no such user"));
  }
}
