package io.holdfast.server.people;

import io.holdfast.server.web.ApiProblem;
import io.holdfast.server.web.ProblemType;
import java.util.Map;

/** How the web layer answers a refused change to people or keys. */
final class PeopleProblems {
  private PeopleProblems() {}

  /** The value of a change that was made; the problem of one that was refused. */
  static <T> T valueOrThrow(PeopleOutcome<T> outcome) {
    if (outcome instanceof PeopleOutcome.Done<T> done) {
      return done.value();
    }
    throw problem(((PeopleOutcome.Refused<T>) outcome).failure());
  }

  static ApiProblem problem(PeopleFailure failure) {
    if (failure instanceof PeopleFailure.Invalid invalid) {
      return ApiProblem.invalidField(invalid.field(), invalid.detail());
    }
    if (failure instanceof PeopleFailure.Duplicate duplicate) {
      return new ApiProblem(ProblemType.CONFLICT, duplicate.detail(),
          Map.of("field", duplicate.field()));
    }
    if (failure instanceof PeopleFailure.NotFound notFound) {
      return new ApiProblem(ProblemType.NOT_FOUND, notFound.detail());
    }
    return new ApiProblem(ProblemType.LAST_ADMIN, failure.detail());
  }
}
