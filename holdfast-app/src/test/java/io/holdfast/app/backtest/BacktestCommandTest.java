package io.holdfast.app.backtest;

import static org.assertj.core.api.Assertions.assertThat;

import io.holdfast.app.HoldfastCommand;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * A draft rule that matches every transfer hits each one once, catches every scam payment
 * (recall 1) and holds every honest transfer; one that matches none hits nothing.
 */
class BacktestCommandTest {
  @TempDir
  Path temp;

  @Test
  void aDraftRulesetIsReplayedBesideTheLiveOne() throws Exception {
    Path world = temp.resolve("world");
    assertThat(new CommandLine(new HoldfastCommand()).execute("simulate", "--users", "1000",
        "--days", "8", "--seed", "4", "--out", world.toString())).isZero();
    Path rules = temp.resolve("rules.json");
    Files.writeString(rules, """
        [{"name":"everything","expression":"transfer.amount_minor > 0","outcome":"HOLD",
          "score":0.1,"reason_code":"ALL","description":"Every transfer."},
         {"name":"nothing","expression":"transfer.amount_minor < 0","score":0.1,
          "reason_code":"NONE","description":"No transfer."}]""");
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    PrintStream previous = System.out;
    System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
    int code;
    try {
      code = new CommandLine(new HoldfastCommand()).execute("backtest", "--rules",
          rules.toString(), "--transfers", world.resolve("transfers.csv").toString());
    } finally {
      System.setOut(previous);
    }
    assertThat(code).isZero();
    String report = out.toString(StandardCharsets.UTF_8);
    long transfers = Files.lines(world.resolve("transfers.csv")).count() - 1;
    assertThat(report).contains(String.format(java.util.Locale.ROOT, "%,d transfers replayed",
        transfers));
    assertThat(report).containsPattern("\\| draft \\| 100\\.0% \\| 100\\.000% \\|");
    assertThat(report).containsPattern(String.format(java.util.Locale.ROOT,
        "\\| everything \\| %,d \\| [0-9,]+ \\| [0-9.]+ \\| 1\\.000 \\| 100\\.000%% \\|",
        transfers));
    assertThat(report).doesNotContain("| nothing |");
  }

  @Test
  void aDraftRuleOverTheRuleLimitsIsRefusedBeforeAnythingIsReplayed() throws Exception {
    String list = "[0,1,2,3,4,5,6,7,8,9,10,11,12,13,14,15,16,17,18,19,20,21,22,23,24,25,26,27,"
        + "28,29]";
    String nested = "transfer.amount_minor > 0";
    for (int d = 0; d < 5; d++) {
      nested = list + ".all(v" + d + ", " + nested + ")";
    }
    Path rules = temp.resolve("costly.json");
    Files.writeString(rules, "[{\"name\":\"costly\",\"expression\":\"" + nested + "\","
        + "\"score\":0.1,\"reason_code\":\"COSTLY\",\"description\":\"Costly.\"}]");
    java.io.StringWriter err = new java.io.StringWriter();
    CommandLine command = new CommandLine(new HoldfastCommand());
    command.setErr(new java.io.PrintWriter(err, true));
    int code = command.execute("backtest", "--rules", rules.toString(), "--transfers",
        temp.resolve("no-world/transfers.csv").toString());
    assertThat(code).isNotZero();
    assertThat(err.toString()).contains("rule costly: expression may take up to 25,137,930"
        + " comprehension iterations");
  }
}
