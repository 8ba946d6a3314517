package io.holdfast.app.people;

import io.holdfast.server.people.NewUser;
import io.holdfast.server.people.PeopleOutcome;
import io.holdfast.server.people.UserChange;
import io.holdfast.server.people.UserPage;
import io.holdfast.server.people.UserView;
import java.io.IOException;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code holdfast users}: the people who sign in, managed on the store directly (the same rules
 * and audit log as {@code /v1/users}), for the first administrator, for scripts, and to
 * recover when no administrator can sign in.
 */
@Command(name = "users", mixinStandardHelpOptions = true,
    description = {"Manage the people who sign in, on the store directly (works with or without"
        + " a running server). Passwords are read from the terminal, or the first line of"
        + " standard input; never from the command line.",
        "Exit codes: 0 done, 2 refused (weak password, unknown role, name taken, last"
            + " administrator), 3 no such user, 1 store error."},
    subcommands = {UsersCommand.Add.class, UsersCommand.ListUsers.class, UsersCommand.Show.class,
        UsersCommand.Disable.class, UsersCommand.Enable.class, UsersCommand.Roles.class,
        UsersCommand.Passwd.class})
public class UsersCommand implements Runnable {
  @Override
  public void run() {
    System.err.println("holdfast users: give a subcommand (add, list, show, disable, enable,"
        + " roles, passwd); see --help");
  }

  static void print(UserView u) {
    System.out.printf("%-32s %-40s %-8s created %s by %s%n", u.username(),
        String.join(",", u.roles()), u.enabled() ? "enabled" : "disabled", u.createdAt(),
        u.createdBy());
  }

  static int change(String username, UserChange change) {
    try (PeopleStore people = PeopleStore.open()) {
      PeopleOutcome<UserView> outcome = people.users.update(people.actor, username, change);
      PeopleStore.value(outcome).ifPresent(UsersCommand::print);
      return PeopleStore.exitFor(outcome);
    }
  }

  @Command(name = "add", description = "Add a user with one or more roles (ADMIN, SUPERVISOR,"
      + " ANALYST, AGENT, AUDITOR).")
  static class Add implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "USERNAME")
    String username;

    @Option(names = "--role", required = true, paramLabel = "ROLE",
        description = "a role; repeat for several")
    List<String> roles;

    @Override
    public Integer call() throws IOException {
      Optional<String> password = Passwords.read(username);
      if (password.isEmpty()) {
        return PeopleStore.EXIT_REFUSED;
      }
      try (PeopleStore people = PeopleStore.open()) {
        PeopleOutcome<UserView> outcome = people.users.create(people.actor,
            new NewUser(username, password.get(), roles));
        PeopleStore.value(outcome).ifPresent(UsersCommand::print);
        return PeopleStore.exitFor(outcome);
      }
    }
  }

  @Command(name = "list", description = "Every user, in username order.")
  static class ListUsers implements Callable<Integer> {
    @Override
    public Integer call() {
      try (PeopleStore people = PeopleStore.open()) {
        String after = null;
        // Bounded: at most a million users, a page at a time.
        for (int page = 0; page < 2_000; page++) {
          UserPage users = people.users.list(after, 500);
          users.users().forEach(UsersCommand::print);
          after = users.nextAfter();
          if (after == null) {
            break;
          }
        }
        return 0;
      }
    }
  }

  @Command(name = "show", description = "One user.")
  static class Show implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "USERNAME")
    String username;

    @Override
    public Integer call() {
      try (PeopleStore people = PeopleStore.open()) {
        Optional<UserView> user = people.users.find(username);
        user.ifPresentOrElse(UsersCommand::print,
            () -> System.err.println("holdfast: no user " + username));
        return user.isPresent() ? 0 : PeopleStore.EXIT_NOT_FOUND;
      }
    }
  }

  @Command(name = "disable", description = "Refuse the user from their next call on.")
  static class Disable implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "USERNAME")
    String username;

    @Override
    public Integer call() {
      return change(username, new UserChange(false, null, null));
    }
  }

  @Command(name = "enable", description = "Let a disabled user sign in again.")
  static class Enable implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "USERNAME")
    String username;

    @Override
    public Integer call() {
      return change(username, new UserChange(true, null, null));
    }
  }

  @Command(name = "roles", description = "Replace the user's roles.")
  static class Roles implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "USERNAME")
    String username;

    @Option(names = "--role", required = true, paramLabel = "ROLE",
        description = "a role; repeat for several")
    List<String> roles;

    @Override
    public Integer call() {
      return change(username, new UserChange(null, roles, null));
    }
  }

  @Command(name = "passwd", description = "Set a new password (for a user who lost theirs).")
  static class Passwd implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "USERNAME")
    String username;

    @Override
    public Integer call() throws IOException {
      Optional<String> password = Passwords.read(username);
      return password.isEmpty() ? PeopleStore.EXIT_REFUSED
          : change(username, new UserChange(null, null, password.get()));
    }
  }
}
