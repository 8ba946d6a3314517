package io.holdfast.server.people;

import java.util.List;

/** The body of {@code POST /v1/users}. */
public record NewUser(String username, String password, List<String> roles) {}
