package io.holdfast.server.people;

import java.time.Instant;
import java.util.List;

/**
 * A person who can sign in, as the users API and the console show them: never their password
 * or its hash.
 */
public record UserView(String username, List<String> roles, boolean enabled, Instant createdAt,
    String createdBy, Instant updatedAt, Instant passwordChangedAt) {}
