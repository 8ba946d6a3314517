package io.holdfast.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.holdfast.core.verdict.VerdictModels;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** `holdfast train verdict` and `holdfast verdict` as an operator runs them, in-process. */
class VerdictCommandTest {
  static final JsonMapper JSON = JsonMapper.builder().build();

  @TempDir
  Path dir;

  /** Runs the command line and returns its exit code; stderr goes to {@code errors}. */
  static int run(ByteArrayOutputStream errors, String... args) {
    PrintStream saved = System.err;
    PrintStream savedOut = System.out;
    System.setErr(new PrintStream(errors, true, StandardCharsets.UTF_8));
    System.setOut(new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
    try {
      return new CommandLine(new HoldfastCommand()).execute(args);
    } finally {
      System.setErr(saved);
      System.setOut(savedOut);
    }
  }

  @Test
  void judgesGoodLinesReportsBadOnesAndCarriesOn() throws IOException {
    Path in = dir.resolve("reports.jsonl");
    Files.writeString(in, String.join("\n",
        "{\"id\": \"r-1\", \"text\": \"I met Anna on Telegram and she showed me a trading "
            + "site. I deposited $5,000 and when I tried to withdraw they said I had to pay a 20% "
            + "tax first. Now the website is gone and she blocked me.\", \"other_reporters\": 6,"
            + " \"recipient_age_days\": 8, \"recipient_fan_in_30d\": 90,"
            + " \"mule_turnaround_hours\": 1.5, \"reporter_paid_recipient\": true,"
            + " \"amount_usd_minor\": 500000, \"recipient_on_intel_list\": true}",
        "{\"id\": 2, \"text\": \"ok see you at home later\"}",
        "not json",
        "{\"id\": \"r-4\", \"text\": \"x\", \"otherReporters\": 1}",
        "",
        "{\"id\": \"r-6\", \"text\": \"x\", \"recipient_age_days\": -3}",
        "{\"id\": \"r-7\", \"text\": \"Please freeze him\", \"reporter_paid_recipient\": false,"
            + " \"other_reporters\": null}",
        "{\"text\": \"no id\"}") + "\n");
    Path out = dir.resolve("verdicts.jsonl");
    ByteArrayOutputStream errors = new ByteArrayOutputStream();
    assertThat(run(errors, "verdict", "--in", in.toString(), "--out", out.toString()))
        .isEqualTo(VerdictCommand.EXIT_BAD_LINES);
    List<String> lines = Files.readAllLines(out);
    assertThat(lines).hasSize(3);
    JsonNode scam = JSON.readTree(lines.get(0));
    assertThat(scam.get("id").asString()).isEqualTo("r-1");
    assertThat(scam.get("verdict").asString()).isEqualTo("SCAM");
    assertThat(scam.get("probability").doubleValue()).isGreaterThan(0.85);
    assertThat(scam.get("reasons").toString()).contains("6 other people reported this recipient");
    assertThat(scam.get("model_version").asString())
        .isEqualTo(VerdictModels.loadDefault().version());
    JsonNode chat = JSON.readTree(lines.get(1));
    assertThat(chat.get("id").intValue()).isEqualTo(2);
    assertThat(chat.get("verdict").asString()).isEqualTo("NOT_SCAM");
    assertThat(chat.get("reasons").toString()).contains("judged on the text alone");
    assertThat(JSON.readTree(lines.get(2)).get("id").asString()).isEqualTo("r-7");
    String stderr = errors.toString(StandardCharsets.UTF_8);
    assertThat(stderr).contains("line 3: not JSON", "line 4: unknown field 'otherReporters'",
        "line 6: 'recipient_age_days' must be a whole number >= 0", "line 8: 'id' must be",
        "judged 3 reports", "4 bad lines");
    assertThat(stderr).doesNotContain("line 5");
  }

  @Test
  void aCleanFileExitsZeroAndAnUnreadableModelExitsTwo() throws IOException {
    Path in = dir.resolve("ok.jsonl");
    Files.writeString(in, "{\"id\": \"a\", \"text\": \"\"}\r\n{\"id\": \"b\", \"text\": \"hi\"}");
    Path out = dir.resolve("out.jsonl");
    ByteArrayOutputStream errors = new ByteArrayOutputStream();
    assertThat(run(errors, "verdict", "--in", in.toString(), "--out", out.toString()))
        .isZero();
    assertThat(Files.readAllLines(out)).hasSize(2);
    Path badModel = dir.resolve("bad.model");
    Files.writeString(badModel, "not a model\n");
    assertThat(run(errors, "verdict", "--in", in.toString(), "--out", out.toString(),
        "--model", badModel.toString())).isEqualTo(VerdictCommand.EXIT_BAD_FILE);
    assertThat(errors.toString(StandardCharsets.UTF_8)).contains("cannot load the model");
  }

  @Test
  void trainWritesAModelTheVerdictCommandUses() throws IOException {
    Path model = dir.resolve("small.model");
    Path report = dir.resolve("models.md");
    ByteArrayOutputStream errors = new ByteArrayOutputStream();
    assertThat(run(errors, "train", "verdict", "--out", model.toString(), "--report",
        report.toString(), "--seed", "4", "--generated", "600")).isZero();
    String markdown = Files.readString(report);
    assertThat(markdown).contains("# Scam Verdict Model",
        "`./holdfast train verdict --seed 4 --generated 600`", "| SCAM outcome",
        "Weaponised false reports", "Brier score", "| 0.9-1.0 |", "optimistic");
    String version = VerdictModels.read(Files.newBufferedReader(model)).version();
    assertThat(markdown).contains(version);

    Path in = dir.resolve("one.jsonl");
    Files.writeString(in, "{\"id\": \"x\", \"text\": \"You have WON a prize, call now\"}\n");
    Path out = dir.resolve("one-out.jsonl");
    assertThat(run(errors, "verdict", "--in", in.toString(), "--out", out.toString(), "--model",
        model.toString())).isZero();
    assertThat(JSON.readTree(Files.readString(out)).get("model_version").asString())
        .isEqualTo(version);
  }
}
