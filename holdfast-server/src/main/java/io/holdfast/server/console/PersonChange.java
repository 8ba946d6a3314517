package io.holdfast.server.console;

import io.holdfast.server.people.RoleView;
import io.holdfast.server.people.UserChange;
import io.holdfast.server.people.UserView;
import io.holdfast.server.security.Role;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * A change the console offers on a person, and what it will do, in words, before it is done:
 * the same change the users API makes ({@link UserChange}), through the same directory.
 */
enum PersonChange {
  DISABLE, ENABLE, ROLES, PASSWORD;

  /** The change a console path names ({@code disable}, {@code roles}, ...). */
  static Optional<PersonChange> of(String path) {
    for (PersonChange c : values()) {
      if (c.path().equals(path)) {
        return Optional.of(c);
      }
    }
    return Optional.empty();
  }

  String path() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }

  UserChange change(List<String> roles, String password) {
    return switch (this) {
      case DISABLE -> new UserChange(false, null, null);
      case ENABLE -> new UserChange(true, null, null);
      case ROLES -> new UserChange(null, ordered(roles), null);
      case PASSWORD -> new UserChange(null, null, password);
    };
  }

  /** True when the change would leave the person as they are (the roles they already hold). */
  boolean changesNothing(UserView person, UserChange change) {
    return switch (this) {
      case DISABLE -> !person.enabled();
      case ENABLE -> person.enabled();
      case ROLES -> person.roles().equals(change.roles());
      case PASSWORD -> false;
    };
  }

  AdminConfirmation confirmation(UserView person, UserChange change, boolean self) {
    String u = person.username();
    String action = ConsoleUsersController.personPath(u) + "/" + path();
    List<AdminConfirmation.Field> fields = new ArrayList<>();
    fields.add(new AdminConfirmation.Field("confirmed", "true"));
    String cancel = ConsoleUsersController.personPath(u);
    return switch (this) {
      case DISABLE -> new AdminConfirmation("Disable " + u + "?", self
          ? "You will be refused from your next page: this session ends, and you cannot sign"
              + " in again until another administrator enables you."
          : u + " will be refused from the next page they open: their open sessions end,"
              + " calls to the API with their password are refused, and they cannot sign in"
              + " until an administrator enables them again. Nothing they did is undone, and"
              + " the audit log keeps their name.", action, "Disable " + u, true, fields,
          cancel);
      case ENABLE -> new AdminConfirmation("Enable " + u + "?", u + " can sign in again with"
          + " their password, as " + String.join(", ", person.roles()) + ".", action,
          "Enable " + u, false, fields, cancel);
      case ROLES -> {
        change.roles().forEach(r -> fields.add(new AdminConfirmation.Field("roles", r)));
        yield new AdminConfirmation("Change the roles of " + u + "?", rolesConsequence(person,
            change.roles(), self), action, "Change the roles", false, fields, cancel);
      }
      case PASSWORD -> {
        fields.add(new AdminConfirmation.Field("password", change.password()));
        yield new AdminConfirmation("Set a new password for " + u + "?", "The password of "
            + u + " is replaced: the old one stops working at once, for signing in and for"
            + " the API. Pages " + (self ? "you have" : "they have") + " open now stay signed"
            + " in" + (self ? "." : "; disable them to end those. Holdfast tells them"
            + " nothing: give them the new password yourself, by a way you trust."), action,
            "Set the new password", false, fields, cancel);
      }
    };
  }

  /** What the flash says once the change is made. */
  String done(UserView after) {
    String u = after.username();
    return switch (this) {
      case DISABLE -> "Disabled " + u + ": they are refused from their next page.";
      case ENABLE -> "Enabled " + u + ": they can sign in again.";
      case ROLES -> "The roles of " + u + " are now " + String.join(", ", after.roles()) + ".";
      case PASSWORD -> "Set a new password for " + u + ".";
    };
  }

  /** What adding a person will do, before it is done. */
  static String addConsequence(String username, List<String> roles) {
    return username + " can sign in as soon as you confirm, with the password you typed, as "
        + described(roles) + ". Holdfast tells them nothing: give them their password"
        + " yourself, by a way you trust.";
  }

  private static String rolesConsequence(UserView person, List<String> roles, boolean self) {
    List<String> gained = roles.stream().filter(r -> !person.roles().contains(r)).toList();
    List<String> lost = person.roles().stream().filter(r -> !roles.contains(r)).toList();
    List<String> parts = new ArrayList<>();
    if (!gained.isEmpty()) {
      parts.add((self ? "gain " : "gains ") + described(gained));
    }
    if (!lost.isEmpty()) {
      parts.add((self ? "lose " : "loses ") + String.join(", ", lost));
    }
    return "From the next page " + (self ? "you open, you " : "they open, " + person.username()
        + " ") + String.join(" and ", parts) + ". " + (self ? "Your" : "Their") + " roles will"
        + " be " + String.join(", ", roles) + ".";
  }

  /** Roles with what each is for: "ANALYST (works holds, ...)". */
  private static String described(List<String> roles) {
    RoleView all = RoleView.all();
    return roles.stream().map(r -> r + " (" + all.describe(r) + ")")
        .collect(Collectors.joining(", "));
  }

  /**
   * The roles as the directory writes them: known names in upper case, each once, in the
   * order {@link Role} declares them; an unknown name is kept, for the directory to refuse.
   */
  static List<String> ordered(List<String> roles) {
    if (roles == null) {
      return List.of();
    }
    List<String> unknown = roles.stream().filter(r -> Role.parse(r).isEmpty()).toList();
    if (!unknown.isEmpty()) {
      return List.copyOf(roles);
    }
    return roles.stream().map(r -> Role.parse(r).orElseThrow()).distinct().sorted()
        .map(Role::name).toList();
  }
}
