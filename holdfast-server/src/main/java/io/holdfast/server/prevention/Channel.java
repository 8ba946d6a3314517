package io.holdfast.server.prevention;

import java.util.Locale;
import java.util.Optional;

/** Where the platform shows a proactive alert. */
public enum Channel {
  IN_APP,
  PUSH,
  EMAIL,
  SMS;

  public String wire() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static Optional<Channel> byWire(String text) {
    for (Channel c : values()) {
      if (c.wire().equals(text)) {
        return Optional.of(c);
      }
    }
    return Optional.empty();
  }
}
