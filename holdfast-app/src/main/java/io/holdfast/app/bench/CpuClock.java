package io.holdfast.app.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * CPU time used by this JVM and by the PostgreSQL processes, read before and after a phase. On
 * a machine other jobs share, throughput depends on how much CPU the run was given; CPU time per
 * decision does not, and two cores divided by it bounds what the machine could do alone.
 */
final class CpuClock {
  private static final long CLOCK_TICKS_PER_SECOND = 100;
  private static final int MAX_PROCESSES = 100_000;

  private CpuClock() {}

  /** CPU nanoseconds of this process so far, or -1 if the JVM does not tell. */
  static long jvmNanos() {
    if (ManagementFactory.getOperatingSystemMXBean()
        instanceof com.sun.management.OperatingSystemMXBean os) {
      return os.getProcessCpuTime();
    }
    return -1;
  }

  /** CPU nanoseconds of every live process named postgres, from /proc; -1 off Linux. */
  static long postgresNanos() {
    long ticks = 0;
    int seen = 0;
    try (DirectoryStream<Path> processes = Files.newDirectoryStream(Path.of("/proc"), "[0-9]*")) {
      for (Path process : processes) {
        if (++seen > MAX_PROCESSES) {
          break;
        }
        ticks += postgresTicks(process.resolve("stat"));
      }
    } catch (IOException | RuntimeException e) {
      return -1;
    }
    return ticks * (1_000_000_000L / CLOCK_TICKS_PER_SECOND);
  }

  private static long postgresTicks(Path stat) {
    try {
      String line = Files.readString(stat);
      int open = line.indexOf('(');
      int close = line.lastIndexOf(')');
      if (open < 0 || close < 0 || !line.substring(open + 1, close).equals("postgres")) {
        return 0;
      }
      String[] fields = line.substring(close + 2).split(" ");
      // After the name come state (index 0) ... utime (11) and stime (12), per proc(5).
      return Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
    } catch (IOException | RuntimeException e) {
      // A process that ended between listing and reading used no CPU we can still count.
      return 0;
    }
  }
}
