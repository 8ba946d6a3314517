package io.holdfast.server.people;

/** A change to people or keys: what it made, or why it was refused. */
public sealed interface PeopleOutcome<T> {
  record Done<T>(T value) implements PeopleOutcome<T> {}

  record Refused<T>(PeopleFailure failure) implements PeopleOutcome<T> {}

  static <T> PeopleOutcome<T> done(T value) {
    return new Done<>(value);
  }

  static <T> PeopleOutcome<T> refused(PeopleFailure failure) {
    return new Refused<>(failure);
  }
}
