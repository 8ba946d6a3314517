package io.holdfast.core.intel;

import java.io.IOException;
import java.io.Reader;

/**
 * Reads lines without ever holding more than a fixed number of characters: a file with one
 * enormous line must not exhaust memory. Longer lines are reported as overlong and skipped.
 */
final class BoundedLineReader {
  private final Reader reader;
  private final int maxChars;
  private final StringBuilder buffer;
  private boolean overlong;
  private boolean ended;
  private int pending = -1;

  BoundedLineReader(Reader reader, int maxChars) {
    this.reader = reader;
    this.maxChars = maxChars;
    this.buffer = new StringBuilder(Math.min(maxChars, 256));
  }

  /** The next line without its terminator, or null at the end of the input. */
  String next() throws IOException {
    if (ended) {
      return null;
    }
    buffer.setLength(0);
    overlong = false;
    // Each iteration consumes one character, so the loop ends with the input at the latest.
    while (true) {
      int c = pending >= 0 ? pending : reader.read();
      pending = -1;
      if (c < 0) {
        ended = true;
        return buffer.length() == 0 && !overlong ? null : buffer.toString();
      }
      if (c == '\n') {
        return buffer.toString();
      }
      if (c == '\r') {
        int following = reader.read();
        pending = following == '\n' ? -1 : following;
        ended = following < 0;
        return buffer.toString();
      }
      if (buffer.length() < maxChars) {
        buffer.append((char) c);
      } else {
        overlong = true;
      }
    }
  }

  /** True if the last line returned was cut because it exceeded the limit. */
  boolean wasOverlong() {
    return overlong;
  }
}
