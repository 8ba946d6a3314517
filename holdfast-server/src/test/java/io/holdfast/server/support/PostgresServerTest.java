package io.holdfast.server.support;

import io.holdfast.server.HoldfastServer;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.core.env.Environment;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Base of the integration suite: the real server on a random port, over a real PostgreSQL
 * database of its own. All subclasses share one application context (and database), so tests
 * use ids of their own and never assume an empty store.
 */
@SpringBootTest(classes = HoldfastServer.class,
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {
        "holdfast.api-key=" + PostgresServerTest.PLATFORM_KEY,
        "holdfast.admin-password=" + PostgresServerTest.ADMIN_PASSWORD,
        "holdfast.rules.refresh-millis=600000"
    })
public abstract class PostgresServerTest {
  public static final String PLATFORM_KEY = "test-platform-key-0123456789";
  public static final String ADMIN_PASSWORD = "test-admin-password";

  @Autowired
  protected Environment environment;

  @DynamicPropertySource
  static void database(DynamicPropertyRegistry registry) {
    registry.add("spring.datasource.url", TestDatabase::url);
    registry.add("spring.datasource.username", TestDatabase::user);
    registry.add("spring.datasource.password", () -> "");
  }

  protected int port() {
    return environment.getRequiredProperty("local.server.port", Integer.class);
  }

  protected Api platform() {
    return Api.withKey(port(), PLATFORM_KEY);
  }

  protected Api admin() {
    return Api.withUser(port(), "admin", ADMIN_PASSWORD);
  }

  protected Api anonymous() {
    return Api.withKey(port(), null);
  }

  /** A unique id for this test's objects, so tests sharing the database never collide. */
  protected static String id(String prefix) {
    return prefix + "-" + Long.toString(System.nanoTime(), 36)
        + Integer.toString(java.util.concurrent.ThreadLocalRandom.current().nextInt(1 << 20), 36);
  }
}
