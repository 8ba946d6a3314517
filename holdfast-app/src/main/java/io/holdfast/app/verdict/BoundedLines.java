package io.holdfast.app.verdict;

import java.io.IOException;
import java.io.Reader;

/**
 * Reads lines without ever holding more than a fixed number of characters, so that one enormous
 * line in an input file cannot exhaust memory; a longer line is consumed, cut, and flagged.
 */
public final class BoundedLines {
  private final Reader reader;
  private final int maxChars;
  private final StringBuilder buffer = new StringBuilder(256);
  private boolean overlong;
  private boolean ended;

  public BoundedLines(Reader reader, int maxChars) {
    this.reader = reader;
    this.maxChars = maxChars;
  }

  /** The next line without its terminator (a trailing CR is dropped), or null at the end. */
  public String next() throws IOException {
    if (ended) {
      return null;
    }
    buffer.setLength(0);
    overlong = false;
    int c = reader.read();
    if (c < 0) {
      ended = true;
      return null;
    }
    // Each iteration consumes one character, so the loop ends with the input at the latest.
    while (c >= 0 && c != '\n') {
      if (buffer.length() < maxChars) {
        buffer.append((char) c);
      } else {
        overlong = true;
      }
      c = reader.read();
    }
    ended = c < 0;
    int length = buffer.length();
    if (length > 0 && buffer.charAt(length - 1) == '\r') {
      buffer.setLength(length - 1);
    }
    return buffer.toString();
  }

  /** True if the last line returned was cut because it exceeded the limit. */
  public boolean wasOverlong() {
    return overlong;
  }
}
