package io.holdfast.server.console;

import java.time.Instant;

/**
 * What every console page's frame needs: the title, who is looking (for the menu and for
 * formatting), the form token every change must carry, and a message left by the last action.
 */
public record ConsolePage(String title, Viewer viewer, Formats format, String csrfParameter,
    String csrfToken, Flash flash, Instant now) {

  /** A message from the action that led here: done, or refused and why. */
  public record Flash(boolean ok, String text) {}

  public boolean hasFlash() {
    return flash != null;
  }
}
