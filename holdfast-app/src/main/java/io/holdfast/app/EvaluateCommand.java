package io.holdfast.app;

import io.holdfast.app.risk.FeaturePlatform;
import io.holdfast.app.risk.RiskData;
import io.holdfast.app.risk.RiskEvaluation;
import io.holdfast.core.risk.RiskModel;
import io.holdfast.core.risk.RiskModelFile;
import io.holdfast.core.risk.RiskModels;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * `holdfast evaluate`: rules alone, the risk model alone and both, on a fresh simulated world,
 * as scam money stopped against honest transfers held, at the configured thresholds and as a
 * curve.
 */
@Command(name = "evaluate", mixinStandardHelpOptions = true,
    description = "Compare rules, the risk model and both on a fresh simulated world.")
public class EvaluateCommand implements Callable<Integer> {
  @Option(names = "--seed", description = "a seed the model never saw (default: ${DEFAULT-VALUE})")
  long seed = 7_777;

  @Option(names = "--users", description = "users (default: ${DEFAULT-VALUE})")
  int users = 20_000;

  @Option(names = "--days", description = "days (default: ${DEFAULT-VALUE})")
  int days = 30;

  @Option(names = "--model", description = "a risk model file (default: the shipped one)")
  Path model;

  @Override
  public Integer call() throws Exception {
    RiskModel m;
    if (model != null) {
      try (Reader r = Files.newBufferedReader(model)) {
        m = RiskModelFile.read(r);
      }
    } else {
      m = RiskModels.loadDefault().orElseThrow(() -> new IllegalStateException("no shipped risk"
          + " model; run ./holdfast train risk"));
    }
    List<FeaturePlatform.Sample> rows = RiskData.world(users, days, seed);
    System.out.printf(Locale.ROOT, "Model %s on a fresh world (%,d users, %d days, seed %d,"
        + " %,d transfers)%n%n", m.version(), users, days, seed, rows.size());
    System.out.print(RiskEvaluation.table(RiskEvaluation.compare(m, rows)));
    System.out.println();
    System.out.print(RiskEvaluation.curve(m, rows));
    return 0;
  }
}
