package io.holdfast.server.screening;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.RecordComponent;
import org.junit.jupiter.api.Test;

/**
 * Every field of a screening request is part of its canonical form, so a retry that changes
 * any one of them, or clears it, is a different request; this holds for a field added to
 * {@link TransferBody} later too, since the test walks the record's components.
 */
class CanonicalTransferTest {
  private static final Object[] BASE = {"t-1", "a-1", "a-2", null, null, 150_000L, "USD", "p2p",
      "2026-11-25T10:00:00Z"};

  @Test
  void eachFieldChangesTheForm() throws Exception {
    RecordComponent[] components = TransferBody.class.getRecordComponents();
    assertThat(components).hasSize(BASE.length);
    String base = CanonicalTransfer.of(body(BASE));
    assertThat(CanonicalTransfer.of(body(BASE))).isEqualTo(base);
    for (int i = 0; i < components.length; i++) {
      Object[] changed = BASE.clone();
      changed[i] = components[i].getType() == Long.class ? (Object) 150_001L : "x";
      assertThat(CanonicalTransfer.of(body(changed))).as(components[i].getName())
          .isNotEqualTo(base);
      Object[] cleared = BASE.clone();
      cleared[i] = BASE[i] == null ? (components[i].getType() == Long.class ? 0L : "") : null;
      assertThat(CanonicalTransfer.of(body(cleared))).as(components[i].getName())
          .isNotEqualTo(base);
    }
  }

  @Test
  void aValueCannotPassForTwoFields() {
    Object[] one = BASE.clone();
    one[3] = "x\nnetwork=1:y";
    one[4] = null;
    Object[] two = BASE.clone();
    two[3] = "x";
    two[4] = "y";
    assertThat(CanonicalTransfer.of(body(one))).isNotEqualTo(CanonicalTransfer.of(body(two)));
  }

  private static TransferBody body(Object[] v) {
    try {
      Class<?>[] types = java.util.Arrays.stream(TransferBody.class.getRecordComponents())
          .map(RecordComponent::getType).toArray(Class<?>[]::new);
      return TransferBody.class.getDeclaredConstructor(types).newInstance(v);
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException(e);
    }
  }
}
