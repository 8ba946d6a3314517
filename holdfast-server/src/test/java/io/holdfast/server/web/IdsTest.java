package io.holdfast.server.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The hand-written id check accepts exactly what the documented pattern does. */
class IdsTest {
  @Test
  void theHandWrittenCheckAgreesWithThePattern() {
    String alphabet = "aZ09._:@-/ !é";
    SplittableRandom random = new SplittableRandom(42);
    for (int n = 0; n < 200_000; n++) {
      int length = random.nextInt(4) == 0 ? 120 + random.nextInt(12) : random.nextInt(6);
      StringBuilder id = new StringBuilder();
      for (int i = 0; i < length; i++) {
        id.append(alphabet.charAt(random.nextInt(alphabet.length())));
      }
      String s = id.toString();
      assertThat(Ids.valid(s)).as(s).isEqualTo(Ids.matchesPattern(s));
    }
    assertThat(Ids.valid("a-1")).isTrue();
    assertThat(Ids.valid("-a")).isFalse();
    assertThat(Ids.valid(null)).isFalse();
  }
}
