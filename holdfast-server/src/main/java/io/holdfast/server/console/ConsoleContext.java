package io.holdfast.server.console;

import io.holdfast.core.money.CurrencyCatalog;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Locale;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.stereotype.Component;

/**
 * Builds each page's frame from the request: the signed-in person, their language (the
 * browser's Accept-Language) and time zone (the browser reports it in the {@code hf_tz} cookie,
 * set by console.js; UTC until it does), the CSRF token, and the flash an action left.
 */
@Component
public class ConsoleContext {
  static final String ZONE_COOKIE = "hf_tz";
  private static final String FLASH = ConsoleContext.class.getName() + ".flash";
  private final CurrencyCatalog currencies;
  private final Clock clock;

  public ConsoleContext(CurrencyCatalog currencies, Clock clock) {
    this.currencies = currencies;
    this.clock = clock;
  }

  public ConsolePage page(HttpServletRequest request, String title) {
    Viewer viewer = Viewer.of(SecurityContextHolder.getContext().getAuthentication(),
        locale(request), zone(request));
    CsrfToken csrf = (CsrfToken) request.getAttribute(CsrfToken.class.getName());
    HttpSession session = request.getSession(false);
    ConsolePage.Flash flash = null;
    if (session != null && session.getAttribute(FLASH) instanceof ConsolePage.Flash f) {
      flash = f;
      session.removeAttribute(FLASH);
    }
    return new ConsolePage(title, viewer, new Formats(viewer, currencies),
        csrf == null ? "_csrf" : csrf.getParameterName(), csrf == null ? "" : csrf.getToken(),
        flash, clock.instant());
  }

  /** Leaves a message for the next page the person sees (after a redirect). */
  public void flash(HttpServletRequest request, boolean ok, String text) {
    request.getSession(true).setAttribute(FLASH, new ConsolePage.Flash(ok, text));
  }

  private static Locale locale(HttpServletRequest request) {
    Locale l = request.getLocale();
    return l == null || l.getLanguage().isEmpty() ? Locale.UK : l;
  }

  private static ZoneId zone(HttpServletRequest request) {
    if (request.getCookies() != null) {
      for (Cookie c : request.getCookies()) {
        if (ZONE_COOKIE.equals(c.getName()) && c.getValue().length() <= 64) {
          try {
            return ZoneId.of(c.getValue());
          } catch (DateTimeException e) {
            return ZoneOffset.UTC;
          }
        }
      }
    }
    return ZoneOffset.UTC;
  }
}
