package io.holdfast.app;

import io.holdfast.app.bench.BenchCommand;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code holdfast} command line; each capability adds a subcommand. */
@Command(name = "holdfast", mixinStandardHelpOptions = true, version = "holdfast 0.1.0",
    description = "Anti-scam safety net for platforms that move money.",
    subcommands = {
        ServeCommand.class,
        ImportCommand.class,
        SweepCommand.class,
        AssessCommand.class,
        IntelCommand.class,
        io.holdfast.app.people.UsersCommand.class,
        io.holdfast.app.people.KeysCommand.class,
        GenerateCommand.class,
        io.holdfast.app.demo.DemoCommand.class,
        io.holdfast.app.demo.SimulateCommand.class,
        EvaluateCommand.class,
        io.holdfast.app.backtest.BacktestCommand.class,
        BenchCommand.class,
        TrainCommand.class,
        VerdictCommand.class,
        CommandLine.HelpCommand.class
    })
public class HoldfastCommand implements Runnable {
  @CommandLine.Spec
  CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(System.out);
  }

  public static void main(String[] args) {
    int code = new CommandLine(new HoldfastCommand()).execute(args);
    if (code != 0 || !ServeCommand.serving()) {
      System.exit(code);
    }
  }
}
