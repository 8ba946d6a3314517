package io.holdfast.app;

import io.holdfast.app.verdict.TrainingConfig;
import io.holdfast.app.verdict.VerdictEvaluation;
import io.holdfast.app.verdict.VerdictReport;
import io.holdfast.app.verdict.VerdictTrainer;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** Trains Holdfast's models from the data shipped in the repository. */
@Command(name = "train", mixinStandardHelpOptions = true,
    description = "Train models from the data shipped in the repository.",
    subcommands = {TrainCommand.Verdict.class, io.holdfast.app.risk.TrainRiskCommand.class})
public class TrainCommand implements Runnable {
  /** Where the core loads the shipped model from, relative to the repository root. */
  public static final String DEFAULT_MODEL =
      "holdfast-core/src/main/resources/models/verdict.model";
  public static final String DEFAULT_REPORT = "docs/models.md";

  @picocli.CommandLine.Spec
  picocli.CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(System.err);
  }

  @Command(name = "verdict", mixinStandardHelpOptions = true,
      description = {"Train the Scam Verdict Model (logistic regression, Tribuo) on the SMS Spam"
          + " Collection and generated reports, write the model file and the evaluation report.",
          "The same options always write the same bytes."})
  static class Verdict implements Callable<Integer> {
    @Option(names = "--out", defaultValue = DEFAULT_MODEL,
        description = "the model file to write (default: ${DEFAULT-VALUE}, the shipped model)")
    Path out;

    @Option(names = "--seed", defaultValue = "" + TrainingConfig.DEFAULT_SEED,
        description = "seed of the generator, the split and the trainer (default ${DEFAULT-VALUE})")
    long seed;

    @Option(names = "--report", defaultValue = DEFAULT_REPORT,
        description = "the Markdown evaluation report to write (default: ${DEFAULT-VALUE})")
    Path report;

    @Option(names = "--generated", defaultValue = "" + TrainingConfig.DEFAULT_GENERATED_REPORTS,
        description = "how many labelled reports to generate (default ${DEFAULT-VALUE})")
    int generated;

    @Override
    public Integer call() throws IOException {
      TrainingConfig config = TrainingConfig.defaults(seed, generated);
      long started = System.nanoTime();
      VerdictTrainer.Result trained = VerdictTrainer.train(config);
      double seconds = (System.nanoTime() - started) / 1e9;
      byte[] model = trained.modelFile().getBytes(StandardCharsets.UTF_8);
      write(out, model);
      VerdictEvaluation.Result evaluation =
          VerdictEvaluation.evaluate(trained.model(), trained.splits().test());
      String markdown = VerdictReport.markdown(trained, evaluation, config, config.command(),
          model.length);
      write(report, markdown.getBytes(StandardCharsets.UTF_8));
      System.out.print(markdown);
      System.err.printf("trained %s in %.1f s; wrote %s (%,d bytes) and %s%n",
          trained.model().version(), seconds, out, model.length, report);
      return 0;
    }

    private static void write(Path path, byte[] bytes) throws IOException {
      Path parent = path.toAbsolutePath().getParent();
      if (parent != null) {
        Files.createDirectories(parent);
      }
      Files.write(path, bytes);
    }
  }
}
