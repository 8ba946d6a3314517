package io.holdfast.server.people;

import io.holdfast.server.security.Actor;
import io.holdfast.server.web.ApiProblem;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The people who run the programme. These routes take no Idempotency-Key: a user is made once
 * by its username (a retry answers 409 with the username taken) and a change sets values (a
 * retry sets them again), and a stored request hash of a body with a password in it would be a
 * fast hash of that password.
 */
@RestController
@Tag(name = "People")
public class UsersController {
  private final UserDirectory users;

  public UsersController(UserDirectory users) {
    this.users = users;
  }

  @Operation(summary = "Add a person who can sign in, with their roles")
  @PostMapping(path = "/v1/users", consumes = MediaType.APPLICATION_JSON_VALUE,
      produces = MediaType.APPLICATION_JSON_VALUE)
  public ResponseEntity<UserView> create(@RequestBody NewUser body) {
    if (body == null) {
      throw ApiProblem.invalidField("body", "send username, password and roles");
    }
    UserView made = PeopleProblems.valueOrThrow(users.create(Actor.current(), body));
    return ResponseEntity.status(HttpStatus.CREATED).body(made);
  }

  @Operation(summary = "People, in username order")
  @GetMapping(path = "/v1/users", produces = MediaType.APPLICATION_JSON_VALUE)
  public UserPage list(@RequestParam(required = false) String after,
      @RequestParam(defaultValue = "100") int limit) {
    if (limit < 1 || limit > UserDirectory.PAGE_MAX) {
      throw ApiProblem.invalidField("limit", "limit is 1 to " + UserDirectory.PAGE_MAX);
    }
    return users.list(after, limit);
  }

  @Operation(summary = "One person")
  @GetMapping(path = "/v1/users/{username}", produces = MediaType.APPLICATION_JSON_VALUE)
  public UserView get(@PathVariable String username) {
    return users.find(username).orElseThrow(() -> ApiProblem.notFound("user " + username));
  }

  @Operation(summary = "Enable or disable a person, replace their roles or set a new password")
  @PatchMapping(path = "/v1/users/{username}", consumes = MediaType.APPLICATION_JSON_VALUE,
      produces = MediaType.APPLICATION_JSON_VALUE)
  public UserView update(@PathVariable String username, @RequestBody UserChange body) {
    return PeopleProblems.valueOrThrow(users.update(Actor.current(), username, body));
  }

  @Operation(summary = "The roles people can hold and the scopes API keys can have")
  @GetMapping(path = "/v1/roles", produces = MediaType.APPLICATION_JSON_VALUE)
  public RoleView roles() {
    return RoleView.all();
  }
}
