package io.holdfast.app.risk;

import io.holdfast.core.simulation.Simulation;
import io.holdfast.core.simulation.WorldParameters;
import java.util.ArrayList;
import java.util.List;

/** Simulated worlds turned into labelled feature samples. */
public final class RiskData {
  private RiskData() {}

  /** The samples of a world of {@code users} over {@code days} with {@code seed}. */
  public static List<FeaturePlatform.Sample> world(int users, int days, long seed) {
    WorldParameters p = WorldParameters.defaults().resized(users, days, seed);
    FeaturePlatform platform = new FeaturePlatform(p.start());
    new Simulation(p).run(platform, day -> { });
    return platform.samples();
  }

  /** Several worlds' samples, one seed after another. */
  public static List<FeaturePlatform.Sample> worlds(int users, int days, long[] seeds) {
    List<FeaturePlatform.Sample> all = new ArrayList<>();
    for (long seed : seeds) {
      all.addAll(world(users, days, seed));
    }
    return all;
  }
}
