package io.holdfast.app;

import io.holdfast.server.transfers.TransferCsvGenerator;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** Synthetic data for measurements and demos; hidden because operators never need it. */
@Command(name = "generate", hidden = true, mixinStandardHelpOptions = true,
    description = "Generate synthetic data files.",
    subcommands = GenerateCommand.Transfers.class)
public class GenerateCommand implements Runnable {
  @picocli.CommandLine.Spec
  picocli.CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(System.err);
  }

  @Command(name = "transfers", mixinStandardHelpOptions = true,
      description = "Write a transfers CSV for `holdfast import transfers`.")
  static class Transfers implements Callable<Integer> {
    @Option(names = "--rows", required = true, description = "number of rows")
    long rows;

    @Option(names = "--out", required = true, description = "the file to write")
    Path out;

    @Option(names = "--seed", defaultValue = "1", description = "random seed (default 1)")
    long seed;

    @Override
    public Integer call() throws IOException {
      try (Writer writer = Files.newBufferedWriter(out, StandardCharsets.UTF_8)) {
        TransferCsvGenerator.write(writer, rows, seed);
      }
      System.err.println("wrote " + rows + " transfers to " + out);
      return 0;
    }
  }
}
