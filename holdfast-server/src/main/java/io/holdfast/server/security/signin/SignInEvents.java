package io.holdfast.server.security.signin;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.authentication.event.AuthenticationFailureBadCredentialsEvent;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.stereotype.Component;

/**
 * Reports password sign-ins to the {@link SignInThrottle} from Spring Security's
 * authentication events, which its authentication manager publishes for every username and
 * password it checks (HTTP Basic today, form login later). Only username-and-password
 * authentications with web details count: API keys never reach the manager, and a token of
 * another kind is not a password guess.
 */
@Component
class SignInEvents {
  private static final Logger LOG = LoggerFactory.getLogger(SignInEvents.class);
  private final SignInThrottle throttle;

  SignInEvents(SignInThrottle throttle) {
    this.throttle = throttle;
  }

  @EventListener
  void failed(AuthenticationFailureBadCredentialsEvent event) {
    Authentication auth = event.getAuthentication();
    String address = address(auth);
    if (address != null) {
      throttle.failed(auth.getName(), address);
    }
  }

  @EventListener
  void succeeded(AuthenticationSuccessEvent event) {
    Authentication auth = event.getAuthentication();
    String address = address(auth);
    if (address != null) {
      throttle.succeeded(auth.getName(), address);
    }
  }

  /** The client's address of a password sign-in; null for any other authentication. */
  private static String address(Authentication auth) {
    if (!(auth instanceof UsernamePasswordAuthenticationToken)
        || !(auth.getDetails() instanceof WebAuthenticationDetails details)
        || details.getRemoteAddress() == null || auth.getName() == null) {
      LOG.debug("not a password sign-in over HTTP, not throttled: {}", auth.getClass());
      return null;
    }
    return details.getRemoteAddress();
  }
}
