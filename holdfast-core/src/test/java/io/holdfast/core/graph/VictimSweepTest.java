package io.holdfast.core.graph;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class VictimSweepTest {
  static final Instant UNTIL = Instant.parse("2026-03-01T00:00:00Z");
  static final Instant SINCE = UNTIL.minus(Duration.ofDays(180));
  final MemoryGraph graph = new MemoryGraph();

  SweepResult sweep(SweepBounds bounds) {
    return new VictimSweep(graph, bounds).run("a:scam", SINCE, UNTIL);
  }

  @Test
  void findsExactlyThePayersInsideTheWindowWithTheirSumsAndDates() {
    graph.pay("v1", "scam", 100, SINCE);
    graph.pay("v1", "scam", 50, UNTIL.minusMillis(1));
    graph.pay("early", "scam", 70, SINCE.minusMillis(1));
    graph.pay("late", "scam", 70, UNTIL);
    graph.pay("v2", "scam", 30, SINCE.plus(Duration.ofDays(3)));
    graph.pay("v1", "someone-else", 999, SINCE.plus(Duration.ofDays(1)));
    List<Victim> victims = sweep(SweepBounds.defaults()).victims();
    assertThat(victims).extracting(Victim::victimAccount).containsExactly("v1", "v2");
    Victim v1 = victims.get(0);
    assertThat(v1.amountMinor()).isEqualTo(150);
    assertThat(v1.transfers()).isEqualTo(2);
    assertThat(v1.firstPaidAt()).isEqualTo(SINCE);
    assertThat(v1.lastPaidAt()).isEqualTo(UNTIL.minusMillis(1));
    assertThat(v1.hops()).isZero();
    assertThat(v1.viaKey()).isEqualTo("a:scam");
  }

  @Test
  void eachCurrencyIsItsOwnLoss() {
    graph.pay("v1", "a:scam", 100, "USD", SINCE.plusSeconds(10));
    graph.pay("v1", "a:scam", 7, "USDT", SINCE.plusSeconds(20));
    assertThat(sweep(SweepBounds.defaults()).victims()).extracting(Victim::currency)
        .containsExactly("USD", "USDT");
  }

  @Test
  void muleVictimsAreSweptAndAVictimOfBothCountsOnceAtTheClosestHop() {
    Instant t = SINCE.plus(Duration.ofDays(10));
    graph.pay("v1", "scam", 100, t);
    graph.pay("scam", "mule", 90, t.plusSeconds(60));
    graph.pay("mule", "cashout", 85, t.plusSeconds(120));
    graph.pay("v2", "mule", 40, t.plusSeconds(30));
    graph.pay("v1", "mule", 5, t.plusSeconds(40));
    graph.pay("scam", "landlord", 20, t.plusSeconds(60));
    graph.pay("tenant", "landlord", 500, t.plusSeconds(60));
    SweepResult r = sweep(SweepBounds.defaults());
    assertThat(r.cluster()).extracting(ClusterMember::key)
        .contains("a:scam", "a:mule").doesNotContain("a:landlord");
    assertThat(r.cluster()).filteredOn(m -> m.key().equals("a:mule"))
        .extracting(ClusterMember::relation).containsExactly(Relation.MULE);
    assertThat(r.victims()).extracting(Victim::victimAccount, Victim::amountMinor, Victim::hops)
        .containsExactly(org.assertj.core.groups.Tuple.tuple("v1", 105L, 0),
            org.assertj.core.groups.Tuple.tuple("v2", 40L, 1));
  }

  @Test
  void sharedDevicesLinkAccountsButAWidelySharedIpLinksNobody() {
    graph.device("scam", "dev-1");
    graph.device("alias", "dev-1");
    for (int i = 0; i < 30; i++) {
      graph.ip("user" + i, "10.0.0.1");
    }
    graph.ip("scam", "10.0.0.1");
    graph.pay("v3", "alias", 12, SINCE.plusSeconds(5));
    graph.pay("user7", "someone", 12, SINCE.plusSeconds(5));
    SweepResult r = sweep(SweepBounds.defaults());
    assertThat(r.cluster()).extracting(ClusterMember::key).containsExactly("a:scam", "a:alias");
    assertThat(r.victims()).extracting(Victim::victimAccount).containsExactly("v3");
  }

  @Test
  void paymentsBetweenClusterMembersAreNotLosses() {
    graph.device("scam", "dev-1");
    graph.device("alias", "dev-1");
    graph.pay("alias", "scam", 500, SINCE.plusSeconds(5));
    assertThat(sweep(SweepBounds.defaults()).victims()).isEmpty();
  }

  @Test
  void boundsStopARunawayClusterAndSayWhat() {
    Instant t = SINCE.plusSeconds(100);
    for (int i = 0; i < 50; i++) {
      graph.pay("scam", "m" + i, 100 + i, t);
      graph.pay("m" + i, "out" + i, 10, t.plusSeconds(1));
      for (int j = 0; j < 5; j++) {
        graph.pay("m" + i, "n" + i + "_" + j, 10, t.plusSeconds(2));
        graph.pay("n" + i + "_" + j, "x", 1, t.plusSeconds(3));
      }
    }
    SweepResult r = sweep(new SweepBounds(3, 10, 25, 10, 1000, 1000));
    assertThat(r.cluster()).hasSize(25);
    assertThat(r.truncations()).anyMatch(s -> s.contains("more than 10 accounts"))
        .anyMatch(s -> s.contains("bound of 25 accounts"));
    assertThat(new VictimSweep(graph, SweepBounds.defaults().directOnly()).run("a:scam", SINCE,
        UNTIL).cluster()).hasSize(1);
  }

  @Test
  void theVictimBoundCutsAndSaysSo() {
    for (int i = 0; i < 20; i++) {
      graph.pay("v" + i, "scam", 10, SINCE.plusSeconds(i));
    }
    SweepResult r = sweep(new SweepBounds(0, 10, 10, 10, 1000, 5));
    assertThat(r.victims()).hasSize(5);
    assertThat(r.truncations()).anyMatch(s -> s.contains("bound of 5 victims"));
  }

  @Test
  void anAddressHasPayersButNothingToFollow() {
    graph.pay("v1", "x:ETH:0xabc", 10, "USDT", SINCE.plusSeconds(1));
    SweepResult r = new VictimSweep(graph, SweepBounds.defaults()).run("x:ETH:0xabc", SINCE,
        UNTIL);
    assertThat(r.victims()).extracting(Victim::victimAccount).containsExactly("v1");
    assertThat(r.cluster()).hasSize(1);
  }
}
