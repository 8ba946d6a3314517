package io.holdfast.core.rule;

import static org.assertj.core.api.Assertions.assertThat;

import io.holdfast.core.feature.Feature;
import io.holdfast.core.feature.FeatureVector;
import io.holdfast.core.screening.Outcome;
import io.holdfast.core.transfer.Transfer;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Guards are an optimisation only: with or without them, every transfer must produce exactly the
 * same hits and failures. Values are drawn near the thresholds the rules use, because that is
 * where a wrong operator or an int-versus-double slip would show.
 */
class GuardEquivalenceTest {
  private static final int CASES = 20_000;

  /** Extra rules for the guard forms the default rules do not use. */
  private static List<Rule> rules() {
    List<Rule> rules = new ArrayList<>(DefaultRules.all());
    String[] extra = {
      "features.sender_count_1h == 3.0 && !features.sender_known",
      "features.sender_count_24h != 2.0 && features.amount_usd_minor <= 100000",
      "transfer.amount_minor > 500000 && transfer.amount_minor <= 5000000",
      "transfer.amount_minor == 1000000 || features.sender_count_1h < 1",
      "features.recipient_age_days > -1 && features.recipient_age_days < 30.5",
      "features.amount_usd_minor / features.sender_count_1h > 100.0 && features.sender_known",
      "features.sender_count_1h >= 9007199254740993 && features.recipient_known",
    };
    for (int i = 0; i < extra.length; i++) {
      rules.add(new Rule("extra_" + i, extra[i], Outcome.WARN, 0.1, "EXTRA", "Extra.",
          RuleStatus.ACTIVE, 1));
    }
    return rules;
  }

  @Test
  void guardsNeverChangeTheResult() {
    RuleSet set = RuleSet.compile(1, rules());
    Random random = new Random(20_250_301L);
    int hits = 0;
    for (int i = 0; i < CASES; i++) {
      Transfer transfer = randomTransfer(random);
      FeatureVector features = randomFeatures(random);
      RuleEvaluation guarded = set.evaluate(transfer, features, true);
      RuleEvaluation plain = set.evaluate(transfer, features, false);
      int index = i;
      assertThat(guarded)
          .as(() -> "case " + index + ": " + features.asMap())
          .isEqualTo(plain);
      hits += plain.hits().size();
    }
    // The generator must exercise matches, not only misses, for the property to mean anything.
    assertThat(hits).isGreaterThan(CASES);
  }

  private static final double[] PALETTE = {
    0, -0.0, 1, 2, 3, 4, 5, 7, 9, 10, 12, 14, 15, 20, 29.9, 30, 0.5, 0.6, 0.8, 0.9, 1.1, 1.2,
    600, 3_600, 7_200, 10_800, 21_600, 86_400, 172_800, 20_000, 50_000, 100_000, 200_000,
    300_000, 500_000, 1_000_000, Feature.NEVER_SECONDS, Double.POSITIVE_INFINITY, Double.NaN
  };

  private static FeatureVector randomFeatures(Random random) {
    FeatureVector f = Scenario.ordinaryFeatures();
    int changes = random.nextInt(12);
    for (int c = 0; c < changes; c++) {
      Feature feature = Feature.at(random.nextInt(Feature.count()));
      if (feature.isFlag()) {
        f.set(feature, random.nextBoolean());
      } else if (random.nextInt(4) == 0) {
        f.set(feature, random.nextDouble() * 2_000_000);
      } else {
        f.set(feature, PALETTE[random.nextInt(PALETTE.length)]);
      }
    }
    return f;
  }

  private static Transfer randomTransfer(Random random) {
    long[] amounts = {1, 5_000, 500_000, 500_001, 1_000_000, 5_000_000, 9_000_000_000L};
    long amount = amounts[random.nextInt(amounts.length)];
    String currency = random.nextBoolean() ? "USDT" : "ETH";
    return random.nextBoolean()
        ? Scenario.toAddress(currency, amount)
        : Scenario.toAccount("USD", amount);
  }
}
