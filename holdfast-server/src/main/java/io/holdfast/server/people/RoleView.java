package io.holdfast.server.people;

import io.holdfast.server.security.KeyScope;
import io.holdfast.server.security.Role;
import java.util.Arrays;
import java.util.List;

/** The roles and API-key scopes Holdfast knows, with what each is for. */
public record RoleView(List<Entry> roles, List<Entry> scopes) {
  /** A role or scope and its meaning. */
  public record Entry(String name, String description) {}

  /** Every role and scope, in the order the code declares them. */
  public static RoleView all() {
    return new RoleView(
        Arrays.stream(Role.values()).map(r -> new Entry(r.name(), r.description())).toList(),
        Arrays.stream(KeyScope.values()).map(s -> new Entry(s.wire(), s.description()))
            .toList());
  }

  /** What {@code name} (a role or scope as listed here) is for; empty for one not listed. */
  public String describe(String name) {
    return java.util.stream.Stream.concat(roles.stream(), scopes.stream())
        .filter(e -> e.name().equals(name)).map(Entry::description).findFirst().orElse("");
  }
}
