package io.holdfast.server.people;

/**
 * Why a change to people or keys was refused, as a value; the web layer turns each into its
 * problem and the command line into its message. Nothing was written.
 */
public sealed interface PeopleFailure {
  String detail();

  /** A field's value is not acceptable (a weak password, an unknown role or scope). */
  record Invalid(String field, String detail) implements PeopleFailure {}

  /** The name is taken. */
  record Duplicate(String field, String detail) implements PeopleFailure {}

  /** No such user or key. */
  record NotFound(String detail) implements PeopleFailure {}

  /** The change would leave no enabled administrator, so nobody could manage people. */
  record LastAdmin(String detail) implements PeopleFailure {}
}
