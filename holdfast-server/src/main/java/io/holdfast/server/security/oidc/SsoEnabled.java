package io.holdfast.server.security.oidc;

import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.type.AnnotatedTypeMetadata;

/**
 * Single sign-on is on when {@code holdfast.oidc.issuer-uri} is set and not blank (the
 * properties file defaults it to the empty value of HOLDFAST_OIDC_ISSUER_URI, which a plain
 * property condition would count as set).
 */
final class SsoEnabled implements Condition {
  static final String ISSUER = "holdfast.oidc.issuer-uri";
  static final String CLIENT = "holdfast.oidc.client-id";

  @Override
  public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
    return set(context, ISSUER);
  }

  static boolean set(ConditionContext context, String property) {
    return !context.getEnvironment().getProperty(property, "").isBlank();
  }

  /** Console login, besides, needs the console's client at the issuer. */
  static final class ConsoleLogin implements Condition {
    @Override
    public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
      return set(context, ISSUER) && set(context, CLIENT);
    }
  }
}
