package io.holdfast.server.console;

import io.holdfast.server.security.RouteRules;
import io.holdfast.server.security.oidc.OidcLogin;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import io.holdfast.server.security.signin.ClientAddress;
import io.holdfast.server.security.signin.SignInThrottle;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.UsernamePasswordAuthenticationFilter;
import org.springframework.security.web.context.SecurityContextHolderFilter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;

/**
 * The console's own filter chain: people sign in with a form and keep a session (the API stays
 * stateless), every change carries a CSRF token, pages carry a strict content security policy
 * (scripts and styles from the server only, nothing from a CDN), and a session ends on the next
 * request once its user is disabled ({@link ConsoleSessionCheck}). With single sign-on
 * configured, the sign-in page also offers the issuer's ({@link OidcLogin}). Who may open which page is
 * the same route table as the API's ({@link RouteRules}).
 */
@Configuration(proxyBeanMethods = false)
public class ConsoleSecurityConfig {
  static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self';"
      + " style-src 'self'; img-src 'self' data:; form-action 'self'; frame-ancestors 'none';"
      + " base-uri 'self'; object-src 'none'";

  @Bean
  @Order(1)
  SecurityFilterChain console(HttpSecurity http, JdbcClient jdbc,
      ObjectProvider<OidcLogin> singleSignOn, SignInThrottle signIns,
      ClientAddress clientAddress) throws Exception {
    OidcLogin sso = singleSignOn.getIfAvailable();
    if (sso != null) {
      sso.configure(http);
    }
    http.securityMatcher("/console", "/console/**")
        .formLogin(form -> form.loginPage("/console/login").loginProcessingUrl("/console/login")
            .defaultSuccessUrl("/console", false).failureUrl("/console/login?error")
            .authenticationDetailsSource(clientAddress))
        .addFilterBefore(new ConsoleSignInThrottle(signIns, clientAddress),
            UsernamePasswordAuthenticationFilter.class)
        .logout(logout -> logout.logoutUrl("/console/logout")
            .logoutSuccessUrl("/console/login?signed-out"))
        .sessionManagement(s -> s.sessionFixation(f -> f.changeSessionId()))
        .headers(h -> h.contentSecurityPolicy(c -> c.policyDirectives(CONTENT_SECURITY_POLICY))
            .frameOptions(f -> f.deny())
            .referrerPolicy(r -> r.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.SAME_ORIGIN)))
        .addFilterAfter(new ConsoleSessionCheck(jdbc), SecurityContextHolderFilter.class)
        .exceptionHandling(e -> e.accessDeniedHandler(new ConsoleDenied()))
        .authorizeHttpRequests(RouteRules::authorize);
    return http.build();
  }
}
