package io.holdfast.server.console;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.web.util.HtmlUtils;

/**
 * A person's browser is told in words, with a way back, that the page is not theirs (or that
 * the form's CSRF token was missing): a 403 page, not the API's problem+json.
 */
final class ConsoleDenied implements AccessDeniedHandler {
  @Override
  public void handle(HttpServletRequest request, HttpServletResponse response,
      AccessDeniedException denied) throws IOException {
    boolean csrf = denied instanceof org.springframework.security.web.csrf.CsrfException;
    response.setStatus(HttpServletResponse.SC_FORBIDDEN);
    response.setContentType("text/html;charset=UTF-8");
    String why = csrf ? "The form had expired or did not come from this console, so nothing"
        + " was changed. Go back, reload the page and try again."
        : "Your roles do not include this page. Ask an administrator if you need it.";
    response.getOutputStream().write(("<!doctype html><html lang=\"en\"><head><meta"
        + " charset=\"utf-8\"><title>Not allowed - Holdfast</title><link rel=\"stylesheet\""
        + " href=\"/console/assets/console.css\"></head><body><main class=\"narrow\"><h1>Not"
        + " allowed</h1><p id=\"denied\">" + HtmlUtils.htmlEscape(why) + "</p><p><a"
        + " href=\"/console\">Back to the console</a></p></main></body></html>")
        .getBytes(StandardCharsets.UTF_8));
  }
}
