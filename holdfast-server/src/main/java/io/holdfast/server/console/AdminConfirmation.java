package io.holdfast.server.console;

import java.util.List;

/**
 * A change to people or keys as the console shows it before it is made: what it will do, in
 * words, and the form that makes it. The form carries the fields the person gave as hidden
 * inputs, and {@code confirmed=true}; nothing is kept in the session between the two steps.
 */
public record AdminConfirmation(String heading, String consequence, String action,
    String button, boolean danger, List<Field> fields, String cancel) {

  /** One field the confirming form sends again as it was given. */
  public record Field(String name, String value) {}

  public AdminConfirmation {
    fields = List.copyOf(fields);
  }
}
