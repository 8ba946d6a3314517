package io.holdfast.app;

import io.holdfast.server.HoldfastServer;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** Runs the HTTP server until stopped. */
@Command(name = "serve", mixinStandardHelpOptions = true,
    description = "Run the Holdfast server (embedded PostgreSQL store unless HOLDFAST_DB_URL is set).")
public class ServeCommand implements Callable<Integer> {
  private static volatile boolean serving;

  @Option(names = "--port", description = "HTTP port (default: HOLDFAST_PORT or 8080)")
  Integer port;

  static boolean serving() {
    return serving;
  }

  @Override
  public Integer call() {
    if (port != null) {
      System.setProperty("server.port", Integer.toString(port));
    }
    serving = true;
    HoldfastServer.start();
    return 0;
  }
}
