package io.holdfast.server.rules;

import java.util.List;

/** Drafts, newest first, at most {@code limit} of them. */
public record RuleDraftList(List<RuleDraftView> drafts, int limit) {}
