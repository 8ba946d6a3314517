package io.holdfast.server;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.ConfigurableApplicationContext;

/** The Holdfast HTTP server: screening, rules, intel and data intake over one store. */
@SpringBootApplication
public class HoldfastServer {
  public static ConfigurableApplicationContext start(String... args) {
    return SpringApplication.run(HoldfastServer.class, args);
  }

  public static void main(String[] args) {
    start(args);
  }
}
