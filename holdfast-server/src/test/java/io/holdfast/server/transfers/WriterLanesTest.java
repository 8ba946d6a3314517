package io.holdfast.server.transfers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * The writer lanes: chunks go to the lanes in turn, each lane writes one chunk at a time and in
 * the order given, every stored count is added up exactly once, a lane's failure surfaces at
 * the next hand-off to it, and closing waits for a chunk in flight before closing its writer.
 */
class WriterLanesTest {
  /** Records what it was given; stores every transfer unless told to fail. */
  static final class RecordingWriter implements ChunkWriter {
    final List<String> chunks = Collections.synchronizedList(new ArrayList<>());
    final AtomicInteger inFlight = new AtomicInteger();
    volatile int mostInFlight;
    volatile boolean closed;
    volatile String failOn;
    volatile CountDownLatch gate;

    @Override
    public long write(Chunk chunk) throws SQLException {
      int now = inFlight.incrementAndGet();
      mostInFlight = Math.max(mostInFlight, now);
      try {
        if (gate != null) {
          gate.await(10, TimeUnit.SECONDS);
        }
        if (chunk.entityId().equals(failOn)) {
          throw new SQLException("disk full");
        }
        chunks.add(chunk.entityId());
        return chunk.rejected();
      } catch (InterruptedException e) {
        throw new SQLException("interrupted", e);
      } finally {
        inFlight.decrementAndGet();
      }
    }

    @Override
    public void close() {
      Assertions.notInFlight(this);
      closed = true;
    }
  }

  static final class Assertions {
    static void notInFlight(RecordingWriter w) {
      if (w.inFlight.get() != 0) {
        throw new AssertionError("closed while a chunk was being written");
      }
    }
  }

  /** A chunk whose "stored" count is its number, so sums show each was counted once. */
  static ChunkWriter.Chunk chunk(int n) {
    return new ChunkWriter.Chunk("c" + n, List.of(), n);
  }

  @Test
  void chunksGoToTheLanesInTurnAndEveryCountIsAddedOnce() throws Exception {
    List<RecordingWriter> writers = new ArrayList<>();
    long stored = 0;
    try (WriterLanes lanes = new WriterLanes(2, () -> {
      RecordingWriter w = new RecordingWriter();
      writers.add(w);
      return w;
    })) {
      for (int n = 1; n <= 7; n++) {
        stored += lanes.submit(chunk(n));
      }
      stored += lanes.drain();
      assertThat(lanes.drain()).as("nothing is counted twice").isZero();
    }
    assertThat(stored).isEqualTo(1 + 2 + 3 + 4 + 5 + 6 + 7);
    assertThat(writers.get(0).chunks).containsExactly("c1", "c3", "c5", "c7");
    assertThat(writers.get(1).chunks).containsExactly("c2", "c4", "c6");
    assertThat(writers).allSatisfy(w -> {
      assertThat(w.mostInFlight).isEqualTo(1);
      assertThat(w.closed).isTrue();
    });
  }

  @Test
  void aLaneThatFailedStopsTheImportAtTheNextHandOffToIt() throws Exception {
    List<RecordingWriter> writers = new ArrayList<>();
    try (WriterLanes lanes = new WriterLanes(2, () -> {
      RecordingWriter w = new RecordingWriter();
      w.failOn = "c3";
      writers.add(w);
      return w;
    })) {
      lanes.submit(chunk(1));
      lanes.submit(chunk(2));
      lanes.submit(chunk(3));
      lanes.submit(chunk(4));
      assertThatThrownBy(() -> lanes.submit(chunk(5))).isInstanceOf(SQLException.class)
          .hasMessageContaining("disk full");
    }
    assertThat(writers.get(0).chunks).containsExactly("c1");
    assertThat(writers).allSatisfy(w -> assertThat(w.closed).isTrue());
  }

  @Test
  void closingStopsAndWaitsForTheChunkInFlightBeforeClosingItsWriter() throws Exception {
    RecordingWriter writer = new RecordingWriter();
    writer.gate = new CountDownLatch(1);
    WriterLanes lanes = new WriterLanes(1, () -> writer);
    lanes.submit(chunk(1));
    // The chunk is blocked in its write; close interrupts it and waits for it to end, and the
    // writer's close asserts that nothing is in flight any more.
    lanes.close();
    assertThat(writer.closed).isTrue();
    assertThat(writer.chunks).isEmpty();
  }

  @Test
  void theLaneCountIsBounded() {
    assertThatThrownBy(() -> new WriterLanes(0, RecordingWriter::new))
        .isInstanceOf(IllegalStateException.class);
    assertThatThrownBy(() -> new WriterLanes(WriterLanes.LANES_MAX + 1, RecordingWriter::new))
        .isInstanceOf(IllegalStateException.class);
  }
}
