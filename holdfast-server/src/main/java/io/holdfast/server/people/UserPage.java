package io.holdfast.server.people;

import java.util.List;

/** Users in username order; {@code nextAfter} continues the list, null at its end. */
public record UserPage(List<UserView> users, String nextAfter) {}
