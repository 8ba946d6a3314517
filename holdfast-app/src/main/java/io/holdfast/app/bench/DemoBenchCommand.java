package io.holdfast.app.bench;

import io.holdfast.app.demo.DemoCommand;
import io.holdfast.app.demo.SimulateCommand;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * The demo's wall time on the default world, and the simulator's own speed with no server
 * (`holdfast simulate`), written to docs/benchmarks.md.
 */
@Command(name = "demo", mixinStandardHelpOptions = true,
    description = "Time `holdfast demo` and `holdfast simulate` on the default world.")
public class DemoBenchCommand implements Callable<Integer> {
  static final String BEGIN = "<!-- bench demo: begin -->";
  static final String END = "<!-- bench demo: end -->";

  @Option(names = "--out", description = "Markdown file to update (default: ${DEFAULT-VALUE})")
  Path out = Path.of("docs/benchmarks.md");

  @Override
  public Integer call() throws Exception {
    Path temp = Files.createTempDirectory("holdfast-bench-demo");
    long simStart = System.nanoTime();
    int simCode = new CommandLine(new SimulateCommand()).execute("--out",
        temp.resolve("world").toString());
    double simSeconds = (System.nanoTime() - simStart) / 1e9;
    long demoStart = System.nanoTime();
    DemoCommand demo = new DemoCommand();
    int demoCode = new CommandLine(demo).execute("--exit", "--port", "0", "--data-dir",
        temp.resolve("store").toString(), "--report-dir", temp.resolve("report").toString());
    double demoSeconds = (System.nanoTime() - demoStart) / 1e9;
    String line = String.format(Locale.ROOT, "`holdfast demo` on the default world (20,000"
        + " users, 30 days, seed 42): %.0f s wall time, server start and report included;"
        + " %s. `holdfast simulate` of the same world with no server: %.1f s wall time"
        + " including the JVM's own start-up work in this process.", demoSeconds,
        demo.summary(), simSeconds);
    System.err.println("[bench] " + line);
    write(line, demo.preventionNumbers());
    return simCode == 0 && demoCode == 0 ? 0 : 1;
  }

  private void write(String line, Map<String, Long> prevention) throws Exception {
    StringBuilder table = new StringBuilder();
    prevention.forEach((name, value) -> table.append(String.format(Locale.ROOT,
        "| %s | %,d |%n", name.strip(), value)));
    String body = "## The demo and the simulator: `./holdfast bench demo`\n\n"
        + "Date: " + ZonedDateTime.now(ZoneOffset.UTC).toString().substring(0, 16) + " UTC  \n"
        + "Machine: " + Machine.describe() + ", embedded H2 store.\n\n"
        + "Result: " + line + "\n\n"
        + "The share of scam money blocked or recovered rests on about 300 scam payments, a few"
        + " large investment payments among them, so it moves by several points when any"
        + " change shifts the world's random draws: judge a change over several seeds, not one"
        + " run (the notes below this section keep the history).\n\n"
        + "Prevention in the same run (the impact report's section; victims are the world's"
        + " ground truth):\n\n| | |\n|---|---:|\n" + table;
    BenchSections.write(out, BEGIN, END, body, "# Benchmarks\n");
  }
}
