package io.holdfast.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * {@code holdfast sweep} as an operator runs it: transfers imported into an embedded store with
 * {@code holdfast import transfers}, then a file of scammers swept to a victims CSV.
 */
class SweepCommandTest {
  @TempDir
  Path dir;

  @BeforeEach
  void useTempStore() {
    System.setProperty("holdfast.data-dir", dir.resolve("data").toString());
  }

  @AfterEach
  void clear() {
    System.clearProperty("holdfast.data-dir");
  }

  static int run(String... args) {
    return new CommandLine(new HoldfastCommand()).execute(args);
  }

  @Test
  void sweepsAnImportedFileToAVictimsCsv() throws IOException {
    LocalDate since = LocalDate.now(ZoneOffset.UTC).minusDays(30);
    Instant start = since.atStartOfDay(ZoneOffset.UTC).toInstant();
    String address = "0x01e2919679362dFBC9ee1644Ba9C6da6D6245BB1";
    Path transfers = dir.resolve("t.csv");
    Files.writeString(transfers, ImportCommandTest.HEADER
        + "s-1," + start + ",victim-a,scam-1,,,1000,USD\n"
        + "s-2," + start.plus(Duration.ofDays(2)) + ",victim-a,scam-1,,,500,USD\n"
        + "s-3," + start.minusSeconds(1) + ",victim-old,scam-1,,,700,USD\n"
        + "s-4," + start.plus(Duration.ofDays(3)) + ",scam-1,mule-1,,,1200,USD\n"
        + "s-5," + start.plus(Duration.ofDays(4)) + ",mule-1,cashout,,,1100,USD\n"
        + "s-6," + start.plus(Duration.ofDays(1)) + ",victim-m,mule-1,,,300,USD\n"
        + "s-7," + start.plus(Duration.ofDays(5)) + ",victim-x,,"
        + address.toLowerCase() + ",ETH,90000,USDT\n");
    assertThat(run("import", "transfers", transfers.toString())).isZero();
    Path scammers = dir.resolve("scammers.txt");
    Files.writeString(scammers, "# confirmed this week\nscam-1\nETH:" + address + "\n\n"
        + "not a key!\n" + address + "\n");
    Path out = dir.resolve("victims.csv");
    assertThat(run("sweep", "--scammers", scammers.toString(), "--since", since.toString(),
        "--out", out.toString())).as("a bare EVM address names no network; one line is no key").isEqualTo(3);
    List<String> lines = Files.readAllLines(out);
    assertThat(lines.get(0)).isEqualTo(SweepCommand.HEADER);
    assertThat(lines.subList(1, lines.size())).containsExactly(
        "victim-a,a:scam-1,1500,USD," + start + "," + start.plus(Duration.ofDays(2)) + ",0",
        "victim-m,a:scam-1,300,USD," + start.plus(Duration.ofDays(1)) + ","
            + start.plus(Duration.ofDays(1)) + ",1",
        "victim-x,x:ETH:" + address.toLowerCase() + ",90000,USDT," + start.plus(Duration.ofDays(5)) + ","
            + start.plus(Duration.ofDays(5)) + ",0");
  }

  @Test
  void directOnlyAndBadOptions() throws IOException {
    Path scammers = dir.resolve("s.txt");
    Files.writeString(scammers, "scam-1\n");
    Path out = dir.resolve("v.csv");
    assertThat(run("sweep", "--scammers", scammers.toString(), "--since", "yesterday", "--out",
        out.toString())).isEqualTo(2);
    assertThat(run("sweep", "--scammers", dir.resolve("missing").toString(), "--out",
        out.toString())).isEqualTo(2);
    assertThat(run("sweep", "--scammers", scammers.toString(), "--depth", "0", "--out",
        out.toString())).isZero();
    assertThat(Files.readAllLines(out)).containsExactly(SweepCommand.HEADER);
  }
}
