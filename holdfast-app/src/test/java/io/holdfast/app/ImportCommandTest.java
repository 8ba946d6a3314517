package io.holdfast.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.holdfast.server.store.StoreConnection;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The command lines as an operator runs them, in-process, against an embedded store in a
 * temporary directory (the data-dir system property stands in for HOLDFAST_DATA_DIR).
 */
class ImportCommandTest {
  static final String HEADER = "transfer_id,created_at,sender_account,recipient_account,"
      + "recipient_address,network,amount_minor,currency\n";

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

  long count(String sql) {
    try (StoreConnection store = StoreConnection.open()) {
      return JdbcClient.create(store.dataSource()).sql(sql).query(Long.class).single();
    }
  }

  @Test
  void importTransfersReportsRejectionsWithExitCode3AndIsIdempotent() throws IOException {
    Path file = dir.resolve("t.csv");
    Files.writeString(file, HEADER + "c-1,2026-01-01T00:00:00Z,s,r,,,5,USD\n"
        + "c-2,2026-01-01T00:00:00Z,s,r,,,-5,USD\n"
        + "c-3,2026-01-01T00:00:00Z,s,,0x01e2919679362dfbc9ee1644ba9c6da6d6245bb1,BSC,5,USD\n");
    assertThat(run("import", "transfers", file.toString())).isEqualTo(3);
    assertThat(count("SELECT COUNT(*) FROM transfers")).isEqualTo(2);
    assertThat(run("import", "transfers", file.toString())).isEqualTo(3);
    assertThat(count("SELECT COUNT(*) FROM transfers")).isEqualTo(2);
  }

  @Test
  void aBadHeaderExitsWith2AndWritesNothing() throws IOException {
    Path file = dir.resolve("bad.csv");
    Files.writeString(file, "id,when\n1,2\n");
    assertThat(run("import", "transfers", file.toString())).isEqualTo(2);
    assertThat(count("SELECT COUNT(*) FROM transfers")).isZero();
  }

  @Test
  void generatedFilesImportCleanly() throws IOException {
    Path file = dir.resolve("gen.csv");
    assertThat(run("generate", "transfers", "--rows", "2000", "--out", file.toString(),
        "--seed", "3")).isEqualTo(0);
    assertThat(run("import", "transfers", file.toString())).isEqualTo(0);
    assertThat(count("SELECT COUNT(*) FROM transfers")).isEqualTo(2000);
  }

  @Test
  void intelImportCreatesAListAndRejectsBadLines() throws IOException {
    Path file = dir.resolve("list.txt");
    Files.writeString(file, "# test list\n0x01e2919679362dFBC9ee1644Ba9C6da6D6245BB1\n"
        + "not-an-address\n  0x03893A7C7463AE47D46BC7F091665F1893656003  \n");
    assertThat(run("intel", "import", "--source", "sanctions-test", "--network", "ETH",
        file.toString())).isEqualTo(3);
    assertThat(count("SELECT COUNT(*) FROM intel_entries")).isEqualTo(2);
    assertThat(count("SELECT COUNT(*) FROM intel_lists WHERE action = 'BLOCK'")).isEqualTo(1);
    assertThat(run("intel", "import", "--source", "sanctions-test", "--network", "ETH",
        file.toString())).isEqualTo(3);
    assertThat(count("SELECT COUNT(*) FROM intel_entries")).isEqualTo(2);
    assertThat(count("SELECT COUNT(*) FROM audit_log WHERE action = 'intel.imported'"))
        .isEqualTo(2);
  }
}
