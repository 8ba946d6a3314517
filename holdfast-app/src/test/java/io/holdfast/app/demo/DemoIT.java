package io.holdfast.app.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * `holdfast demo` end to end on a small world: the real server on a fresh embedded store, the
 * simulated platform over HTTP. The same seed gives the same impact report, the recovered money
 * equals what the sandbox ledger credited to victims, and the HTML report is written.
 */
class DemoIT {
  @TempDir
  Path temp;

  private DemoCommand run(String name) {
    DemoCommand demo = new DemoCommand();
    int code = new CommandLine(demo).execute("--users", "1500", "--days", "8", "--seed", "11",
        "--port", "0", "--exit", "--data-dir", temp.resolve(name + "-store").toString(),
        "--report-dir", temp.resolve(name + "-report").toString());
    assertThat(code).isZero();
    return demo;
  }

  @Test
  void theSameSeedGivesTheSameReportAndItReconcilesWithTheLedger() throws Exception {
    Impact first = run("first").lastImpact;
    Impact second = run("second").lastImpact;
    assertThat(first.total.attempted).as("scams were attempted").isPositive();
    assertThat(first.honest.transfers).isPositive();
    assertThat(second.total.attempted).isEqualTo(first.total.attempted);
    assertThat(second.total.lost).isEqualTo(first.total.lost);
    assertThat(second.total.protectedMinor()).isEqualTo(first.total.protectedMinor());
    assertThat(second.honest.held).isEqualTo(first.honest.held);
    assertThat(second.honest.warned).isEqualTo(first.honest.warned);
    assertThat(second.programme).isEqualTo(first.programme);
    assertThat(second.prevention).as("alerts, campaigns and their holdouts repeat with the seed")
        .isEqualTo(first.prevention);
    assertThat(first.prevention.get("daily risk assessments run")).isEqualTo(8L);
    assertThat(first.prevention.get("account assessments (all days)")).isPositive();
    assertThat(first.total.recovered).as("refunds equal the ledger's credits to victims")
        .isEqualTo(first.ledgerRefundsMinor);
    long accounted = first.total.stoppedByWarning + first.total.blocked
        + first.total.heldAndReturned + first.total.lost + first.total.stillHeld;
    assertThat(accounted).as("every scam payment has exactly one fate")
        .isEqualTo(first.total.attempted);
    assertThat(first.total.lostAllowed + first.total.lostWarned + first.total.lostReleased)
        .as("lost money went through exactly one path").isEqualTo(first.total.lost);
    assertThat(first.paymentsHome.transfers).as("families send money home").isPositive()
        .isLessThan(first.honest.transfers);
    assertThat(first.paymentsHome.held).isLessThanOrEqualTo(first.honest.held);
    assertThat(second.paymentsHome.held).isEqualTo(first.paymentsHome.held);
    String html = Files.readString(temp.resolve("first-report").resolve("index.html"));
    assertThat(html).contains("<svg").contains("Holdfast impact report")
        .contains("How the lost scam money went through");
  }
}
