package io.holdfast.core.intel;

/**
 * A line of an intel file that was not loaded, or that was loaded with a caveat (a notice).
 *
 * @param line 1-based line number
 * @param reason what was wrong and how to fix it, as a sentence
 */
public record LineRejection(int line, String reason) {}
