package io.holdfast.server.support;

import java.util.UUID;

/**
 * Makes ids for objects Holdfast creates itself (holds, instructions). An adapter, so the core
 * receives ids instead of inventing them; tests can replace it with a predictable one.
 */
public class IdGenerator {
  public String next(String prefix) {
    return prefix + "_" + UUID.randomUUID().toString().replace("-", "");
  }
}
