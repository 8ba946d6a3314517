package io.holdfast.core.freeze;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class FrozenSubjectsTest {
  @Test
  void reconcilingWithAnOlderSnapshotKeepsAFreezeAddedSince() {
    FrozenSubjects frozen = new FrozenSubjects();
    frozen.add("a:old");
    long snapshot = frozen.beginSnapshot();
    // A freeze commits locally after the snapshot was read; the snapshot does not hold it.
    frozen.add("a:new");
    frozen.reconcile(List.of("x:EVM:0xabc"), snapshot);
    assertThat(frozen.contains("a:new")).as("added after the snapshot").isTrue();
    assertThat(frozen.contains("a:old")).as("lifted elsewhere").isFalse();
    assertThat(frozen.contains("x:EVM:0xabc")).as("frozen elsewhere").isTrue();
  }

  @Test
  void aLaterSnapshotRemovesWhatItNoLongerHolds() {
    FrozenSubjects frozen = new FrozenSubjects();
    frozen.add("a:new");
    frozen.reconcile(List.of(), frozen.beginSnapshot());
    assertThat(frozen.isEmpty()).isTrue();
  }
}
