package io.holdfast.app.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * docs/benchmarks.md is shared by every benchmark: each owns the section between its own
 * begin and end markers and replaces only that, so one run never erases another's numbers.
 */
final class BenchSections {
  private BenchSections() {}

  /** Replaces (or appends) the section between {@code begin} and {@code end} in {@code file}. */
  static void write(Path file, String begin, String end, String body, String newFileIntro)
      throws IOException {
    String existing = Files.exists(file) ? Files.readString(file) : newFileIntro;
    String section = begin + "\n" + body + end;
    int b = existing.indexOf(begin);
    int e = existing.indexOf(end);
    String updated = b >= 0 && e > b
        ? existing.substring(0, b) + section + existing.substring(e + end.length())
        : existing.stripTrailing() + "\n\n" + section + "\n";
    if (file.toAbsolutePath().getParent() != null) {
      Files.createDirectories(file.toAbsolutePath().getParent());
    }
    Files.writeString(file, updated, StandardCharsets.UTF_8);
  }
}
