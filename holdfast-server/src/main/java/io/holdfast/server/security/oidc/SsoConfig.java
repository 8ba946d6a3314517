package io.holdfast.server.security.oidc;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;

/**
 * The single sign-on beans, present only while {@link SsoEnabled}: the API's stateless chain
 * takes {@link SsoBearer} when there is one, and a console chain takes {@link OidcLogin}.
 */
@Configuration(proxyBeanMethods = false)
@Conditional(SsoEnabled.class)
@EnableConfigurationProperties(OidcProperties.class)
class SsoConfig {

  @Bean
  SsoClaims ssoClaims(OidcProperties properties) {
    properties.check();
    return new SsoClaims(properties);
  }

  @Bean
  SsoBearer ssoBearer(OidcProperties properties, SsoClaims claims) {
    return new SsoBearer(properties, claims);
  }

  @Bean
  @Conditional(SsoEnabled.ConsoleLogin.class)
  OidcLogin oidcLogin(OidcProperties properties, SsoClaims claims) {
    return new OidcLogin(properties, claims);
  }
}
