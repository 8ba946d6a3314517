package io.holdfast.core.screening;

/** A part of the engine that could not do its work for one decision, and why. */
public record EngineFailure(String component, String message) {}
