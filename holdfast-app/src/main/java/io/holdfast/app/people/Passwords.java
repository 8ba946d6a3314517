package io.holdfast.app.people;

import java.io.BufferedReader;
import java.io.Console;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Optional;

/**
 * A new password read from the terminal (twice, not echoed) or, for scripts, the first line of
 * standard input. Never from the command line, where every other user of the machine could
 * read it in the process list.
 */
final class Passwords {
  private Passwords() {}

  static Optional<String> read(String username) throws IOException {
    Console console = System.console();
    if (console != null) {
      char[] first = console.readPassword("new password for %s: ", username);
      char[] again = console.readPassword("the same again: ");
      try {
        if (first == null || again == null || !Arrays.equals(first, again)) {
          System.err.println("holdfast: the two passwords differ; nothing was changed");
          return Optional.empty();
        }
        return Optional.of(new String(first));
      } finally {
        Arrays.fill(first == null ? new char[0] : first, ' ');
        Arrays.fill(again == null ? new char[0] : again, ' ');
      }
    }
    BufferedReader in = new BufferedReader(new InputStreamReader(System.in,
        StandardCharsets.UTF_8));
    String line = in.readLine();
    if (line == null || line.isEmpty()) {
      System.err.println("holdfast: give the password on standard input (one line)");
      return Optional.empty();
    }
    return Optional.of(line);
  }
}
