package io.holdfast.app.bench;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** Benchmarks; {@code ./holdfast bench engine} (JMH) is handled by the launcher script. */
@Command(name = "bench", mixinStandardHelpOptions = true,
    description = "Benchmarks: 'screen' drives the HTTP API against PostgreSQL.",
    subcommands = {ScreenBenchCommand.class, HoldsBenchCommand.class,
        ReportsBenchCommand.class, DemoBenchCommand.class, SweepsBenchCommand.class,
        AssessBenchCommand.class, CrashBenchCommand.class, ConsoleBenchCommand.class})
public class BenchCommand implements Runnable {
  @CommandLine.Spec
  CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(System.out);
  }
}
