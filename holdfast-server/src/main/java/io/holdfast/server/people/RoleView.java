package io.holdfast.server.people;

import java.util.List;

/** The roles and API-key scopes Holdfast knows, with what each is for. */
public record RoleView(List<Entry> roles, List<Entry> scopes) {
  /** A role or scope and its meaning. */
  public record Entry(String name, String description) {}
}
