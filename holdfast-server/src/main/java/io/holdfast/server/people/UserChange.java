package io.holdfast.server.people;

import java.util.List;

/** The body of {@code PATCH /v1/users/{username}}: any of the three; absent means unchanged. */
public record UserChange(Boolean enabled, List<String> roles, String password) {
  boolean empty() {
    return enabled == null && roles == null && password == null;
  }
}
