package io.holdfast.server.console;

import io.holdfast.server.security.oidc.OidcLogin;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.beans.factory.ObjectProvider;
import java.util.HashMap;
import java.util.Map;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.servlet.ModelAndView;

/** The sign-in form; Spring Security's form login handles the POST. */
@Controller
public class ConsoleLoginController {
  private final boolean singleSignOn;

  public ConsoleLoginController(ObjectProvider<OidcLogin> sso) {
    this.singleSignOn = sso.getIfAvailable() != null;
  }

  @GetMapping("/console/login")
  public ModelAndView login(HttpServletRequest request) {
    CsrfToken csrf = (CsrfToken) request.getAttribute(CsrfToken.class.getName());
    Map<String, Object> model = new HashMap<>();
    model.put("message", message(request));
    model.put("csrfParameter", csrf.getParameterName());
    model.put("csrfToken", csrf.getToken());
    model.put("singleSignOn", singleSignOn ? OidcLogin.LOGIN_PATH : null);
    return new ModelAndView("console/login", model);
  }

  private static String message(HttpServletRequest request) {
    if (request.getParameter("error") != null) {
      return "The username or password is not right, or the account is disabled.";
    }
    String throttled = request.getParameter("throttled");
    if (throttled != null && throttled.matches("[0-9]{1,6}")) {
      return "Too many failed sign-ins for this name from here: try again in " + throttled
          + " seconds.";
    }
    if (request.getParameter("disabled") != null) {
      return "Your account was disabled; you were signed out.";
    }
    if (request.getParameter("signed-out") != null) {
      return "You are signed out.";
    }
    return null;
  }
}
