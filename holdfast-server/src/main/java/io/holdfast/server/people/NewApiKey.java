package io.holdfast.server.people;

import java.util.List;

/** The body of {@code POST /v1/api-keys}; {@code expiresAt} is an ISO time, or absent. */
public record NewApiKey(String name, List<String> scopes, String expiresAt) {}
