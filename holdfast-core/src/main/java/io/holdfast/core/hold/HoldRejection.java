package io.holdfast.core.hold;

/**
 * Why a command on a hold was refused. Each is a value, not an exception: the caller turns it
 * into a typed 409 (already resolved) or 422 (not allowed now).
 */
public sealed interface HoldRejection {
  String explanation();

  /** The hold already ended; it ends exactly once. */
  record AlreadyResolved(String holdId, Resolution resolution) implements HoldRejection {
    @Override
    public String explanation() {
      return "hold " + holdId + " was already resolved: " + resolution.wire();
    }
  }

  /** The command would break a limit, such as extending past the legal deadline. */
  record NotAllowed(String holdId, String why) implements HoldRejection {
    @Override
    public String explanation() {
      return why;
    }
  }
}
