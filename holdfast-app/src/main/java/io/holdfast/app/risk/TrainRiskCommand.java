package io.holdfast.app.risk;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** `holdfast train risk`: trains the screening risk model on simulated worlds. */
@Command(name = "risk", mixinStandardHelpOptions = true,
    description = "Train the screening risk model on simulated worlds and evaluate it on a"
        + " world it never saw.")
public class TrainRiskCommand implements Callable<Integer> {
  public static final String DEFAULT_MODEL = "holdfast-core/src/main/resources/models/risk.model";
  public static final String DEFAULT_REPORT = "docs/risk-model.md";
  static final long[] TRAINING_SEEDS = {1001, 1002, 1003};
  static final long EVALUATION_SEED = 2024;

  @Option(names = "--users", description = "users per world (default: ${DEFAULT-VALUE})")
  int users = 20_000;

  @Option(names = "--days", description = "days per world (default: ${DEFAULT-VALUE})")
  int days = 30;

  @Option(names = "--seed", description = "training seed (default: ${DEFAULT-VALUE})")
  long seed = 1;

  @Option(names = "--out", description = "the model file (default: ${DEFAULT-VALUE})")
  Path out = Path.of(DEFAULT_MODEL);

  @Option(names = "--report", description = "the report (default: ${DEFAULT-VALUE})")
  Path report = Path.of(DEFAULT_REPORT);

  @Override
  public Integer call() throws Exception {
    long started = System.nanoTime();
    List<FeaturePlatform.Sample> samples = RiskData.worlds(users, days, TRAINING_SEEDS);
    String command = String.format(Locale.ROOT, "./holdfast train risk --users %d --days %d"
        + " --seed %d", users, days, seed);
    RiskTrainer.Result trained = RiskTrainer.train(samples, seed, command);
    List<FeaturePlatform.Sample> eval = RiskData.world(users, days, EVALUATION_SEED);
    String world = String.format(Locale.ROOT, "%,d users, %d days, seed %d", users, days,
        EVALUATION_SEED);
    Files.createDirectories(out.toAbsolutePath().getParent());
    Files.writeString(out, trained.file(), StandardCharsets.UTF_8);
    String md = RiskReport.markdown(trained, command, world, eval);
    Files.writeString(report, md, StandardCharsets.UTF_8);
    System.out.print(md);
    System.err.printf(Locale.ROOT, "trained %s in %.1f s; wrote %s and %s%n",
        trained.model().version(), (System.nanoTime() - started) / 1e9, out, report);
    return 0;
  }
}
