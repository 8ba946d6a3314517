package io.holdfast.server.people;

import java.util.List;

/** Every key, newest first. */
public record ApiKeyList(List<ApiKeyView> keys) {}
