package io.holdfast.core.graph;

import static org.assertj.core.api.Assertions.assertThat;

import io.holdfast.core.graph.TraceResult.Amount;
import io.holdfast.core.graph.TraceResult.Stop;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;

class FundTraceTest {
  static final Instant UNTIL = Instant.parse("2026-03-01T00:00:00Z");
  static final Instant SINCE = UNTIL.minus(Duration.ofDays(180));
  static final Instant T = SINCE.plus(Duration.ofDays(1));
  final MemoryGraph graph = new MemoryGraph();

  TraceResult trace(TraceBounds bounds) {
    return new FundTrace(graph, bounds).run("scam", SINCE, UNTIL);
  }

  static long held(TraceResult r, String key) {
    return r.holdings().stream().filter(a -> a.key().equals(key))
        .mapToLong(Amount::tracedMinor).sum();
  }

  @Test
  void aChainLeavesTheMoneyWhereItStopped() {
    graph.pay("v1", "scam", 600, T);
    graph.pay("v2", "scam", 400, T.plusSeconds(1));
    graph.pay("scam", "a", 600, T.plusSeconds(10));
    graph.pay("a", "b", 500, T.plusSeconds(20));
    TraceResult r = trace(TraceBounds.defaults());
    assertThat(r.enteredMinor()).containsEntry("USD", 1000L);
    assertThat(held(r, "a:scam")).isEqualTo(400);
    assertThat(held(r, "a:a")).isEqualTo(100);
    assertThat(held(r, "a:b")).isEqualTo(500);
  }

  @Test
  void firstInFirstOutSpendsTheMuleSOwnEarlierMoneyFirst() {
    graph.pay("v1", "scam", 600, T);
    graph.pay("friend", "a", 300, T.plusSeconds(5));
    graph.pay("scam", "a", 600, T.plusSeconds(10));
    graph.pay("a", "rent", 300, T.plusSeconds(20));
    graph.pay("a", "b", 400, T.plusSeconds(30));
    TraceResult r = trace(TraceBounds.defaults());
    assertThat(held(r, "a:rent")).as("the friend's money paid the rent").isZero();
    assertThat(held(r, "a:b")).isEqualTo(400);
    assertThat(held(r, "a:a")).isEqualTo(200);
  }

  @Test
  void paymentsBeforeTheMoneyArrivedCarryNoneOfIt() {
    graph.pay("scam", "a", 50, T);
    graph.pay("v1", "scam", 100, T.plusSeconds(1));
    TraceResult r = trace(TraceBounds.defaults());
    assertThat(held(r, "a:a")).isZero();
    assertThat(held(r, "a:scam")).isEqualTo(100);
  }

  @Test
  void moneyPaidOffThePlatformIsAnExitAndComingBackIsNotCountedTwice() {
    graph.pay("v1", "scam", 100, T);
    graph.pay("scam", "x:ETH:0xabc", 30, "USD", T.plusSeconds(1));
    graph.pay("scam", "a", 70, T.plusSeconds(2));
    graph.pay("a", "scam", 20, T.plusSeconds(3));
    TraceResult r = trace(TraceBounds.defaults());
    assertThat(r.exits()).extracting(Amount::key, Amount::tracedMinor)
        .containsExactly(org.assertj.core.groups.Tuple.tuple("x:ETH:0xabc", 30L));
    assertThat(r.untraced()).extracting(Amount::stop).containsExactly(Stop.CYCLE);
  }

  @Test
  void boundsStopARunawayTrace() {
    graph.pay("v1", "scam", 1_000_000, T);
    String from = "scam";
    for (int hop = 0; hop < 10; hop++) {
      String to = "chain" + hop;
      graph.pay(from, to, 1_000_000 - hop, T.plusSeconds(hop + 1));
      from = to;
    }
    for (int i = 0; i < 40; i++) {
      graph.pay("chain0", "fan" + i, 1, T.plusSeconds(1));
    }
    TraceResult r = trace(new TraceBounds(3, 5, 50, 1000, 10_000));
    assertThat(r.nodes()).allSatisfy(n -> assertThat(n.hops()).isLessThanOrEqualTo(3));
    assertThat(r.untraced()).extracting(Amount::stop).contains(Stop.HOPS);
    assertThat(graph.reads).isLessThanOrEqualTo(50);
    TraceResult few = trace(new TraceBounds(6, 1000, 8, 1000, 10_000));
    assertThat(few.nodes()).hasSize(8);
    assertThat(few.untraced()).extracting(Amount::stop).contains(Stop.NODES);
    TraceResult reads = trace(new TraceBounds(6, 1000, 1000, 2, 2));
    assertThat(reads.transfersRead()).isLessThanOrEqualTo(2);
    assertThat(reads.untraced()).extracting(Amount::stop).contains(Stop.READ);
  }

  @Test
  void theFanOutBoundFollowsTheLargestPayments() {
    graph.pay("v1", "scam", 1000, T);
    for (int i = 1; i <= 10; i++) {
      graph.pay("scam", "p" + i, i * 10, T.plusSeconds(i));
    }
    TraceResult r = trace(TraceBounds.defaults().withFanOut(3));
    assertThat(r.nodes()).extracting(TraceResult.Node::key)
        .containsExactly("a:scam", "a:p10", "a:p9", "a:p8");
    assertThat(r.untraced()).filteredOn(a -> a.stop() == Stop.FAN_OUT).hasSize(7);
  }

  @RepeatedTest(100)
  void randomGraphsConserveTracedMoneyAtEveryHop() {
    SplittableRandom random = new SplittableRandom();
    int accounts = random.nextInt(3, 30);
    int transfers = random.nextInt(1, 300);
    for (int i = 0; i < random.nextInt(1, 10); i++) {
      graph.pay("victim" + i, "scam", random.nextLong(1, 10_000), T.plusSeconds(i));
    }
    for (int i = 0; i < transfers; i++) {
      int from = random.nextInt(accounts);
      int to = random.nextInt(accounts);
      String fromId = from == 0 ? "scam" : "n" + from;
      String toKey = random.nextInt(20) == 0 ? "x:ETH:0x" + to
          : to == 0 ? "a:scam" : "a:n" + to;
      if (!toKey.equals("a:" + fromId)) {
        graph.pay(fromId, toKey, random.nextLong(1, 5_000), random.nextBoolean() ? "USD" : "EUR",
            T.plusSeconds(random.nextInt(0, 100_000)));
      }
    }
    TraceBounds bounds = new TraceBounds(random.nextInt(0, 5), random.nextInt(1, 6),
        random.nextInt(1, 40), 1000, random.nextInt(1000, 5000));
    TraceResult r = trace(bounds);
    for (TraceResult.Flow f : r.flows()) {
      assertThat(f.tracedMinor()).isPositive().isLessThanOrEqualTo(f.amountMinor());
    }
    for (TraceResult.Node n : r.nodes()) {
      n.tracedOutMinor().forEach((currency, out) -> assertThat(out)
          .as("no account passes on more than entered it").isLessThanOrEqualTo(
              n.tracedInMinor().getOrDefault(currency, 0L)));
    }
    Map<String, Long> accounted = new HashMap<>();
    for (List<Amount> list : List.of(r.holdings(), r.exits(), r.untraced())) {
      list.forEach(a -> accounted.merge(a.currency(), a.tracedMinor(), Long::sum));
    }
    accounted.values().removeIf(v -> v == 0);
    assertThat(accounted).isEqualTo(r.enteredMinor());
    for (int hop = 0; hop <= bounds.hops(); hop++) {
      int h = hop;
      long in = r.nodes().stream().filter(n -> n.hops() == h)
          .mapToLong(n -> n.tracedInMinor().values().stream().mapToLong(x -> x).sum()).sum();
      long out = r.nodes().stream().filter(n -> n.hops() == h)
          .mapToLong(n -> n.tracedOutMinor().values().stream().mapToLong(x -> x).sum()).sum();
      assertThat(out).as("hop %d passes on no more than entered it", h).isLessThanOrEqualTo(in);
    }
  }
}
