package io.holdfast.core.prevention;

/** How an agent reaches the person: a phone call, or a conversation in the platform's chat. */
public enum InterventionKind {
  CALL,
  CHAT
}
