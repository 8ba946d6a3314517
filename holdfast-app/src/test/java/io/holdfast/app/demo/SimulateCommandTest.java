package io.holdfast.app.demo;

import static org.assertj.core.api.Assertions.assertThat;

import io.holdfast.app.HoldfastCommand;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * `holdfast simulate` writes a world's files: transfers in the import format with a ground
 * truth row for each, reports the verdict command reads, and the same seed writes the same
 * bytes.
 */
class SimulateCommandTest {
  @TempDir
  Path temp;

  private Path simulate(String name, String seed) {
    Path out = temp.resolve(name);
    int code = new CommandLine(new HoldfastCommand()).execute("simulate", "--users", "1000",
        "--days", "6", "--seed", seed, "--out", out.toString());
    assertThat(code).isZero();
    return out;
  }

  @Test
  void writesTheWorldsFilesAndTheSameSeedWritesTheSameBytes() throws Exception {
    Path a = simulate("a", "3");
    Path b = simulate("b", "3");
    for (String file : List.of("accounts.csv", "transfers.csv", "events.csv", "reports.jsonl", "truth.csv",
        "report_truth.csv")) {
      assertThat(Files.readAllBytes(b.resolve(file))).as(file)
          .isEqualTo(Files.readAllBytes(a.resolve(file)));
    }
    List<String> transfers = Files.readAllLines(a.resolve("transfers.csv"));
    List<String> truth = Files.readAllLines(a.resolve("truth.csv"));
    assertThat(transfers.get(0)).isEqualTo("transfer_id,created_at,sender_account,"
        + "recipient_account,recipient_address,network,amount_minor,currency,channel");
    assertThat(truth).hasSameSizeAs(transfers);
    assertThat(truth.stream().filter(l -> l.contains(",investment,")).count()).isPositive();
    List<String> reports = Files.readAllLines(a.resolve("reports.jsonl"));
    assertThat(reports).isNotEmpty().allSatisfy(l -> assertThat(l).startsWith("{\"id\":"));
    Path verdicts = temp.resolve("verdicts.jsonl");
    int code = new CommandLine(new HoldfastCommand()).execute("verdict", "--in",
        a.resolve("reports.jsonl").toString(), "--out", verdicts.toString());
    assertThat(code).as("the verdict command reads the reports as they are").isZero();
    assertThat(Files.readAllLines(verdicts)).hasSameSizeAs(reports);
  }
}
