package io.holdfast.core.screening;

/**
 * Why a decision came out as it did, for the platform and, in plain language, for its user.
 *
 * @param source where the reason comes from: a rule name, an intel list, or the engine
 */
public record Reason(String code, String source, String explanation) {}
