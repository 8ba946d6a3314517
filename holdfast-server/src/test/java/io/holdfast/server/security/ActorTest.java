package io.holdfast.server.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;

/** An actor's kind comes from how they authenticated, so no name passes for another kind. */
class ActorTest {
  @AfterEach
  void clear() {
    SecurityContextHolder.clearContext();
  }

  private static String actorOf(Authentication authentication) {
    SecurityContextHolder.getContext().setAuthentication(authentication);
    return Actor.current();
  }

  private static Authentication localUser(String name) {
    User user = new User(name, "x", List.of(new SimpleGrantedAuthority("ROLE_ANALYST")));
    return UsernamePasswordAuthenticationToken.authenticated(user, null, user.getAuthorities());
  }

  private static Authentication ssoPerson(String name) {
    Jwt jwt = Jwt.withTokenValue("t").header("alg", "RS256").subject(name)
        .issuedAt(Instant.EPOCH).expiresAt(Instant.EPOCH.plusSeconds(60)).build();
    return new JwtAuthenticationToken(jwt, List.of(), name);
  }

  @Test
  void eachKindHasItsOwnPrefix() {
    assertThat(actorOf(localUser("ann"))).isEqualTo("user:ann");
    assertThat(actorOf(ssoPerson("ann"))).isEqualTo("oidc:ann");
    assertThat(actorOf(UsernamePasswordAuthenticationToken.authenticated(
        Actor.forKey("bootstrap"), null, List.of()))).isEqualTo("key:bootstrap");
  }

  @Test
  void aLocalUsersNameCannotClaimAnotherKind() {
    assertThat(actorOf(localUser("oidc:ann"))).isEqualTo("user:oidc:ann");
    assertThat(actorOf(localUser("key:bootstrap"))).isEqualTo("user:key:bootstrap");
    assertThat(actorOf(ssoPerson("user:admin"))).isEqualTo("oidc:user:admin");
  }
}
