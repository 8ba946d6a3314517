package io.holdfast.app.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** A one-line description of the machine a benchmark ran on, from /proc where Linux has it. */
final class Machine {
  private Machine() {}

  static String describe() {
    String cpu = firstValue(Path.of("/proc/cpuinfo"), "model name");
    String memory = firstValue(Path.of("/proc/meminfo"), "MemTotal");
    String gib = memory == null ? "?" : String.format("%.0f GiB",
        Long.parseLong(memory.replaceAll("[^0-9]", "")) / 1048576.0);
    return Runtime.getRuntime().availableProcessors() + " CPUs"
        + (cpu == null ? "" : " (" + cpu + ")") + ", " + gib + " RAM, Java "
        + System.getProperty("java.runtime.version") + " (" + System.getProperty("java.vm.name")
        + "), max heap " + (Runtime.getRuntime().maxMemory() >> 20) + " MiB";
  }

  private static String firstValue(Path file, String key) {
    try {
      List<String> lines = Files.readAllLines(file);
      for (String line : lines) {
        if (line.startsWith(key)) {
          return line.substring(line.indexOf(':') + 1).trim();
        }
      }
    } catch (IOException | RuntimeException e) {
      // Not Linux, or not readable: the description simply leaves the value out.
    }
    return null;
  }
}
