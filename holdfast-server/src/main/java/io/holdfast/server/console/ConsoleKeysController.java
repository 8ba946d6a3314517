package io.holdfast.server.console;

import io.holdfast.server.people.ApiKeyDirectory;
import io.holdfast.server.people.ApiKeyView;
import io.holdfast.server.people.CreatedApiKey;
import io.holdfast.server.people.NewApiKey;
import io.holdfast.server.people.PeopleFailure;
import io.holdfast.server.people.PeopleOutcome;
import io.holdfast.server.people.RoleView;
import io.holdfast.server.security.Actor;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.util.UriUtils;

/**
 * Platforms' API keys, for administrators: listed, made and revoked through the same
 * {@link ApiKeyDirectory} as the keys API, each change shown in words before it is made. A new
 * key's secret is shown on the one page after it is made: it waits in the session only until
 * that page is shown, which takes it out, so a reload or the back button never shows it again.
 */
@Controller
public class ConsoleKeysController {
  static final String CREATED = ConsoleKeysController.class.getName() + ".created";
  private static final String KEYS = "/console/admin/keys";
  private final ConsoleContext context;
  private final ApiKeyDirectory keys;

  public ConsoleKeysController(ConsoleContext context, ApiKeyDirectory keys) {
    this.context = context;
    this.keys = keys;
  }

  @GetMapping(KEYS)
  public ModelAndView list(HttpServletRequest request) {
    return new ModelAndView("console/admin-keys", Map.of("page", context.page(request,
        "API keys"), "keys", keys.list(), "roles", RoleView.all()));
  }

  /**
   * Makes a key once confirmed. The form gives the expiry as a date (the key is refused from
   * the start of that day in the viewer's time zone); the confirmation carries it on as the
   * exact time it showed.
   */
  @PostMapping(KEYS)
  public ModelAndView make(HttpServletRequest request,
      @RequestParam(defaultValue = "") String name,
      @RequestParam(required = false) List<String> scopes,
      @RequestParam(required = false) String expiresOn,
      @RequestParam(required = false) String expiresAt,
      @RequestParam(defaultValue = "false") boolean confirmed) {
    ConsolePage page = context.page(request, "Make a key");
    Optional<String> expiry = confirmed ? Optional.ofNullable(blankToNull(expiresAt))
        : startOf(expiresOn, page.viewer().zone());
    if (!confirmed && blankToNull(expiresOn) != null && expiry.isEmpty()) {
      return back(request, "Not made: the expiry date must be a date such as 2026-12-31."
          + " No key was made.");
    }
    NewApiKey wanted = new NewApiKey(name.strip(), scopes == null ? List.of() : scopes,
        expiry.orElse(null));
    Optional<PeopleFailure> refused = keys.refusal(wanted);
    if (refused.isPresent()) {
      return back(request, "Not made: " + refused.get().detail() + ". No key was made.");
    }
    if (!confirmed) {
      return confirm(page, makeConfirmation(wanted, page.format()));
    }
    PeopleOutcome<CreatedApiKey> made = keys.create(Actor.current(), wanted);
    if (made instanceof PeopleOutcome.Done<CreatedApiKey> done) {
      request.getSession(true).setAttribute(CREATED, done.value());
      return new ModelAndView("redirect:" + KEYS + "/created");
    }
    return back(request, "Not made: " + ((PeopleOutcome.Refused<CreatedApiKey>) made)
        .failure().detail() + ". No key was made.");
  }

  /** The new key's secret, this once: the page takes it out of the session as it shows it. */
  @GetMapping(KEYS + "/created")
  public ModelAndView created(HttpServletRequest request, HttpServletResponse response) {
    HttpSession session = request.getSession(false);
    Object made = session == null ? null : session.getAttribute(CREATED);
    if (session != null) {
      session.removeAttribute(CREATED);
    }
    if (!(made instanceof CreatedApiKey key)) {
      context.flash(request, true, "A key's secret is shown once, right after it is made, and"
          + " Holdfast does not keep it: if it was lost, make a new key and revoke the old one.");
      return new ModelAndView("redirect:" + KEYS);
    }
    response.setHeader("Cache-Control", "no-store");
    return new ModelAndView("console/admin-key-created", Map.of("page", context.page(request,
        "Key made"), "key", key));
  }

  @PostMapping(KEYS + "/{keyId}/revoke")
  public ModelAndView revoke(HttpServletRequest request, @PathVariable String keyId,
      @RequestParam(defaultValue = "false") boolean confirmed) {
    Optional<ApiKeyView> key = keys.find(keyId);
    if (key.isEmpty() || ApiKeyView.REVOKED.equals(key.get().state())) {
      return back(request, key.isEmpty() ? "Not done: API key " + keyId + " was not found."
          : "Not done: " + key.get().name() + " was already revoked.");
    }
    ApiKeyView k = key.get();
    if (!confirmed) {
      String path = KEYS + "/" + UriUtils.encodePathSegment(keyId, "UTF-8") + "/revoke";
      return confirm(context.page(request, "Revoke " + k.name()), new AdminConfirmation(
          "Revoke the key " + k.name() + "?", "Every call with " + k.name() + " (" + k.id()
          + ") is refused from the moment you confirm, on every Holdfast server within a"
          + " second, and the key can never be used again: a platform still using it stops"
          + " until it moves to another key. This cannot be undone.", path, "Revoke "
          + k.name(), true, List.of(new AdminConfirmation.Field("confirmed", "true")), KEYS));
    }
    PeopleOutcome<ApiKeyView> revoked = keys.revoke(Actor.current(), keyId);
    if (revoked instanceof PeopleOutcome.Done<ApiKeyView> done) {
      context.flash(request, true, "Revoked " + done.value().name()
          + ": every call with it is refused from now on.");
      return new ModelAndView("redirect:" + KEYS);
    }
    return back(request, "Not done: " + ((PeopleOutcome.Refused<ApiKeyView>) revoked)
        .failure().detail() + ".");
  }

  private static AdminConfirmation makeConfirmation(NewApiKey key, Formats format) {
    List<AdminConfirmation.Field> fields = new ArrayList<>(List.of(
        new AdminConfirmation.Field("confirmed", "true"),
        new AdminConfirmation.Field("name", key.name())));
    key.scopes().forEach(s -> fields.add(new AdminConfirmation.Field("scopes", s)));
    if (key.expiresAt() != null) {
      fields.add(new AdminConfirmation.Field("expiresAt", key.expiresAt()));
    }
    RoleView all = RoleView.all();
    String may = key.scopes().stream().distinct().map(s -> s + " (" + all.describe(s) + ")")
        .collect(Collectors.joining(", "));
    String expiry = key.expiresAt() == null ? "It does not expire: revoke it when the platform"
        + " no longer uses it." : "It is refused from " + format.time(Instant.parse(
        key.expiresAt())) + " on.";
    return new AdminConfirmation("Make the key " + key.name() + "?", "The key may " + may
        + ". " + expiry + " Its secret is shown once, on the next page, and Holdfast keeps"
        + " only a hash of it: have the platform's configuration ready to paste it into.",
        KEYS, "Make the key", false, fields, KEYS);
  }

  /** The start of {@code date} (as a date input sends it) in {@code zone}, as an ISO time. */
  static Optional<String> startOf(String date, ZoneId zone) {
    if (blankToNull(date) == null) {
      return Optional.empty();
    }
    try {
      return Optional.of(LocalDate.parse(date.strip()).atStartOfDay(zone).toInstant()
          .toString());
    } catch (DateTimeException e) {
      return Optional.empty();
    }
  }

  private static String blankToNull(String text) {
    return text == null || text.isBlank() ? null : text;
  }

  private ModelAndView confirm(ConsolePage page, AdminConfirmation confirmation) {
    return new ModelAndView("console/admin-confirm", Map.of("page", page, "confirm",
        confirmation));
  }

  private ModelAndView back(HttpServletRequest request, String refusal) {
    context.flash(request, false, refusal);
    return new ModelAndView("redirect:" + KEYS);
  }
}
