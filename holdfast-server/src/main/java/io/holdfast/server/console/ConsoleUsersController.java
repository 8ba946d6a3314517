package io.holdfast.server.console;

import io.holdfast.server.people.NewUser;
import io.holdfast.server.people.PeopleFailure;
import io.holdfast.server.people.PeopleOutcome;
import io.holdfast.server.people.RoleView;
import io.holdfast.server.people.UserChange;
import io.holdfast.server.people.UserDirectory;
import io.holdfast.server.people.UserPage;
import io.holdfast.server.people.UserView;
import io.holdfast.server.security.Actor;
import jakarta.servlet.http.HttpServletRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.util.UriUtils;

/**
 * The people who can sign in, for administrators: listed by page, added, enabled or disabled,
 * given roles and new passwords. Every change is shown in words before it is made (the form
 * posts once to see it, and again with {@code confirmed=true} to make it), and is made by the
 * same {@link UserDirectory} as the users API, so the same rules refuse it and the same audit
 * rows record it. An auditor reads these pages; the forms are only an administrator's.
 */
@Controller
public class ConsoleUsersController {
  static final int PAGE_SIZE = 50;
  private static final String PEOPLE = "/console/admin/users";
  private final ConsoleContext context;
  private final UserDirectory users;

  public ConsoleUsersController(ConsoleContext context, UserDirectory users) {
    this.context = context;
    this.users = users;
  }

  static String personPath(String username) {
    return PEOPLE + "/" + UriUtils.encodePathSegment(username, "UTF-8");
  }

  @GetMapping(PEOPLE)
  public ModelAndView people(HttpServletRequest request,
      @RequestParam(required = false) String after) {
    String from = after == null || after.isBlank() ? null : after;
    UserPage page = users.list(from, PAGE_SIZE);
    return new ModelAndView("console/admin-users", Map.of("page", context.page(request,
        "People"), "people", page, "roles", RoleView.all(), "after", from == null ? "" : from));
  }

  @GetMapping(PEOPLE + "/{username}")
  public ModelAndView person(HttpServletRequest request, @PathVariable String username) {
    return new ModelAndView("console/admin-user", Map.of("page", context.page(request,
        username), "person", find(username), "roles", RoleView.all()));
  }

  @PostMapping(PEOPLE)
  public ModelAndView add(HttpServletRequest request,
      @RequestParam(defaultValue = "") String username,
      @RequestParam(defaultValue = "") String password,
      @RequestParam(required = false) List<String> roles,
      @RequestParam(defaultValue = "false") boolean confirmed) {
    NewUser wanted = new NewUser(username.strip(), password, PersonChange.ordered(roles));
    Optional<PeopleFailure> refused = users.refusal(wanted);
    if (refused.isPresent()) {
      return back(request, PEOPLE, "Not added: " + refused.get().detail()
          + ". Nobody was added.");
    }
    if (!confirmed) {
      List<AdminConfirmation.Field> fields = new ArrayList<>(List.of(
          new AdminConfirmation.Field("confirmed", "true"),
          new AdminConfirmation.Field("username", wanted.username()),
          // The password goes back only to the browser that typed it, in a page that is
          // never cached (no-store): it is not kept in the session or anywhere else.
          new AdminConfirmation.Field("password", wanted.password())));
      wanted.roles().forEach(r -> fields.add(new AdminConfirmation.Field("roles", r)));
      return confirm(request, new AdminConfirmation("Add " + wanted.username() + "?",
          PersonChange.addConsequence(wanted.username(), wanted.roles()), PEOPLE,
          "Add " + wanted.username(), false, fields, PEOPLE));
    }
    PeopleOutcome<UserView> made = users.create(Actor.current(), wanted);
    if (made instanceof PeopleOutcome.Done<UserView> done) {
      context.flash(request, true, "Added " + done.value().username() + " as "
          + String.join(", ", done.value().roles()) + ": they can sign in now.");
      return new ModelAndView("redirect:" + personPath(done.value().username()));
    }
    return back(request, PEOPLE, "Not added: " + failure(made).detail()
        + ". Nobody was added.");
  }

  @PostMapping(PEOPLE + "/{username}/{change}")
  public ModelAndView change(HttpServletRequest request, @PathVariable String username,
      @PathVariable("change") String path, @RequestParam(required = false) List<String> roles,
      @RequestParam(required = false) String password,
      @RequestParam(defaultValue = "false") boolean confirmed) {
    PersonChange kind = PersonChange.of(path).orElseThrow(() ->
        new ResponseStatusException(HttpStatus.NOT_FOUND));
    UserView person = find(username);
    UserChange change = kind.change(roles, password == null ? "" : password);
    String back = personPath(username);
    if (kind.changesNothing(person, change)) {
      context.flash(request, true, "Nothing to change: " + username + " is already so.");
      return new ModelAndView("redirect:" + back);
    }
    Optional<PeopleFailure> refused = users.refusal(username, change);
    if (refused.isPresent()) {
      return back(request, back, "Not done: " + refused.get().detail()
          + ". Nothing was changed.");
    }
    boolean self = Actor.current().equals(Actor.forUser(username));
    if (!confirmed) {
      return confirm(request, kind.confirmation(person, change, self));
    }
    PeopleOutcome<UserView> made = users.update(Actor.current(), username, change);
    if (made instanceof PeopleOutcome.Done<UserView> done) {
      context.flash(request, true, kind.done(done.value()));
      return new ModelAndView("redirect:" + back);
    }
    return back(request, back, "Not done: " + failure(made).detail()
        + ". Nothing was changed.");
  }

  private ModelAndView confirm(HttpServletRequest request, AdminConfirmation confirmation) {
    return new ModelAndView("console/admin-confirm", Map.of("page", context.page(request,
        confirmation.heading()), "confirm", confirmation));
  }

  private ModelAndView back(HttpServletRequest request, String to, String refusal) {
    context.flash(request, false, refusal);
    return new ModelAndView("redirect:" + to);
  }

  private static PeopleFailure failure(PeopleOutcome<?> outcome) {
    return ((PeopleOutcome.Refused<?>) outcome).failure();
  }

  private UserView find(String username) {
    return users.find(username).orElseThrow(() ->
        new ResponseStatusException(HttpStatus.NOT_FOUND));
  }
}
