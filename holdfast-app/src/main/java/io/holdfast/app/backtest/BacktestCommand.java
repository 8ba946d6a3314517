package io.holdfast.app.backtest;

import io.holdfast.core.feature.FeatureStore;
import io.holdfast.core.freeze.FrozenSubjects;
import io.holdfast.core.intel.IntelIndex;
import io.holdfast.core.rule.DefaultRules;
import io.holdfast.core.rule.Rule;
import io.holdfast.core.rule.RuleSet;
import io.holdfast.core.rule.RuleStatus;
import io.holdfast.core.screening.Decision;
import io.holdfast.core.screening.Outcome;
import io.holdfast.core.screening.RuleHit;
import io.holdfast.core.screening.ScoringPolicy;
import io.holdfast.core.screening.ScreeningEngine;
import io.holdfast.core.support.ManualClock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Replays labelled transfers (a world written by `holdfast simulate`) through a draft ruleset
 * beside the live one (the default rules), on the same features as the server computes, and
 * reports per draft rule and overall: hits, precision, recall and hold rate.
 */
@Command(name = "backtest", mixinStandardHelpOptions = true,
    description = "Replay labelled transfers through a draft ruleset beside the live one.")
public class BacktestCommand implements Callable<Integer> {
  @Option(names = "--rules", required = true,
      description = "the draft rules: a JSON array of rules as POST /v1/rules takes them")
  Path rules;

  @Option(names = "--transfers", required = true,
      description = "transfers.csv of a simulated world (accounts.csv, events.csv and truth.csv"
          + " beside it)")
  Path transfers;

  /** One ruleset's totals. */
  static final class Totals {
    long scamMinor;
    long scamStoppedMinor;
    long honest;
    long honestHeld;
    long honestWarned;
  }

  /** One draft rule's hits. */
  static final class RuleStats {
    long hits;
    long scamHits;
  }

  @Override
  public Integer call() throws Exception {
    List<Rule> drafted = readRules(rules);
    // Refused here as POST /v1/rules would refuse it, so a backtest never vouches for a rule
    // the server will not take, nor runs one for hours.
    drafted.forEach(RuleSet::validate);
    RuleSet draft = RuleSet.compile(2, drafted);
    RuleSet live = RuleSet.compile(1, DefaultRules.all());
    Path dir = transfers.toAbsolutePath().getParent();
    FeatureStore features = new FeatureStore(1 << 16);
    WorldFiles.accounts(dir.resolve("accounts.csv"), features);
    ManualClock clock = new ManualClock(Instant.EPOCH);
    ScreeningEngine liveEngine = engine(features, live, clock);
    ScreeningEngine draftEngine = engine(features, draft, clock);
    Totals liveTotals = new Totals();
    Totals draftTotals = new Totals();
    Map<String, RuleStats> perRule = new TreeMap<>();
    long[] scamCount = {0};
    long n = WorldFiles.replay(dir.resolve("events.csv"), transfers,
        WorldFiles.truth(dir.resolve("truth.csv")), features, t -> {
          clock.set(t.transfer().createdAt());
          count(liveTotals, t, liveEngine.screen(t.transfer()));
          Decision d = draftEngine.screen(t.transfer());
          count(draftTotals, t, d);
          scamCount[0] += t.scam() ? 1 : 0;
          for (RuleHit hit : d.ruleHits()) {
            if (!hit.matched()) {
              continue; // a shadow rule that could not be evaluated did not hit
            }
            RuleStats s = perRule.computeIfAbsent(hit.ruleName(), k -> new RuleStats());
            s.hits++;
            s.scamHits += t.scam() ? 1 : 0;
          }
        });
    System.out.print(report(n, scamCount[0], liveTotals, draftTotals, perRule));
    return 0;
  }

  private static ScreeningEngine engine(FeatureStore features, RuleSet rules, ManualClock clock) {
    return new ScreeningEngine(features, new IntelIndex(), () -> rules, ScoringPolicy.defaults(),
        clock, new FrozenSubjects(), null);
  }

  private static void count(Totals totals, WorldFiles.Labelled t, Decision d) {
    boolean stops = d.outcome().compareTo(Outcome.HOLD) >= 0;
    if (t.scam()) {
      totals.scamMinor += t.transfer().amount().amountMinor();
      totals.scamStoppedMinor += stops ? t.transfer().amount().amountMinor() : 0;
    } else if (t.honest()) {
      totals.honest++;
      totals.honestHeld += stops ? 1 : 0;
      totals.honestWarned += d.outcome() == Outcome.WARN ? 1 : 0;
    }
  }

  static List<Rule> readRules(Path file) throws Exception {
    JsonNode array = JsonMapper.builder().build().readTree(Files.readString(file));
    if (!array.isArray()) {
      throw new IllegalArgumentException(file + " must hold a JSON array of rules");
    }
    List<Rule> out = new ArrayList<>();
    for (JsonNode r : array) {
      String outcome = r.path("outcome").asString(null);
      String status = r.path("status").asString("active");
      out.add(new Rule(r.path("name").asString(), r.path("expression").asString(),
          outcome == null ? null : Outcome.valueOf(outcome), r.path("score").asDouble(0),
          r.path("reason_code").asString(), r.path("description").asString(""),
          RuleStatus.valueOf(status.toUpperCase(Locale.ROOT)), 1));
    }
    return out;
  }

  static String report(long transfers, long scams, Totals live, Totals draft,
      Map<String, RuleStats> perRule) {
    StringBuilder md = new StringBuilder(String.format(Locale.ROOT, "%,d transfers replayed,"
        + " %,d of them scam payments.%n%n| ruleset | scam money held or blocked | honest held |"
        + " honest warned |%n|---|---:|---:|---:|%n", transfers, scams));
    line(md, "live (default rules)", live);
    line(md, "draft", draft);
    md.append(String.format(Locale.ROOT, "%n| draft rule | hits | scam hits | precision |"
        + " recall | hit rate |%n|---|---:|---:|---:|---:|---:|%n"));
    perRule.forEach((name, s) -> md.append(String.format(Locale.ROOT,
        "| %s | %,d | %,d | %.3f | %.3f | %.3f%% |%n", name, s.hits, s.scamHits,
        ratio(s.scamHits, s.hits), ratio(s.scamHits, scams), 100 * ratio(s.hits, transfers))));
    return md.toString();
  }

  private static void line(StringBuilder md, String name, Totals t) {
    md.append(String.format(Locale.ROOT, "| %s | %.1f%% | %.3f%% | %.2f%% |%n", name,
        100 * ratio(t.scamStoppedMinor, t.scamMinor), 100 * ratio(t.honestHeld, t.honest),
        100 * ratio(t.honestWarned, t.honest)));
  }

  private static double ratio(long a, long b) {
    return b == 0 ? 0 : (double) a / b;
  }
}
