package io.holdfast.server.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class BodyBudgetTest {
  @Test
  void reservesWhatFitsAndRefusesWhatDoesNot() {
    BodyBudget budget = new BodyBudget(100);
    Optional<BodyBudget.Reservation> first = budget.reserve(60);
    assertThat(first).isPresent();
    assertThat(budget.reservedBytes()).isEqualTo(60);
    assertThat(budget.reserve(41)).as("41 more would be 101").isEmpty();
    assertThat(budget.reservedBytes()).as("a refusal reserves nothing").isEqualTo(60);
    Optional<BodyBudget.Reservation> rest = budget.reserve(40);
    assertThat(rest).isPresent();
    assertThat(budget.reservedBytes()).isEqualTo(100);
    assertThat(budget.reserve(1)).isEmpty();
  }

  @Test
  void closingGivesTheBytesBackOnce() {
    BodyBudget budget = new BodyBudget(100);
    BodyBudget.Reservation r = budget.reserve(70).orElseThrow();
    r.close();
    assertThat(budget.reservedBytes()).isZero();
    r.close();
    assertThat(budget.reservedBytes()).as("a second close gives nothing back").isZero();
    assertThat(budget.reserve(100)).isPresent();
  }

  @Test
  void aReservationGrowsWhileItFits() {
    BodyBudget budget = new BodyBudget(100);
    BodyBudget.Reservation r = budget.reserve(0).orElseThrow();
    assertThat(r.grow(50)).isTrue();
    assertThat(r.grow(50)).isTrue();
    assertThat(r.grow(1)).isFalse();
    assertThat(r.bytes()).isEqualTo(100);
    assertThat(budget.reservedBytes()).isEqualTo(100);
    r.close();
    assertThat(budget.reservedBytes()).isZero();
    assertThatThrownBy(() -> r.grow(1)).isInstanceOf(IllegalStateException.class);
  }

  @Test
  void refusesNonsense() {
    assertThatThrownBy(() -> new BodyBudget(0)).isInstanceOf(IllegalArgumentException.class);
    BodyBudget budget = new BodyBudget(10);
    assertThatThrownBy(() -> budget.reserve(-1)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void anUnmeteredBudgetTakesAnythingAndCountsNothing() {
    BodyBudget budget = BodyBudget.unmetered();
    assertThat(budget.reserve(Long.MAX_VALUE / 2)).isPresent();
    assertThat(budget.reserve(Long.MAX_VALUE)).isPresent();
    assertThat(budget.reservedBytes()).isZero();
  }

  /** Many threads racing for the same bytes never hold more than the capacity together. */
  @Test
  void concurrentReservationsNeverExceedTheCapacity() throws Exception {
    BodyBudget budget = new BodyBudget(1_000);
    int threads = 8;
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    CountDownLatch start = new CountDownLatch(1);
    List<Future<List<BodyBudget.Reservation>>> results = new ArrayList<>();
    for (int t = 0; t < threads; t++) {
      results.add(pool.submit(() -> {
        start.await();
        List<BodyBudget.Reservation> held = new ArrayList<>();
        for (int i = 0; i < 1_000; i++) {
          budget.reserve(7).ifPresent(held::add);
          assertThat(budget.reservedBytes()).isLessThanOrEqualTo(1_000);
        }
        return held;
      }));
    }
    start.countDown();
    long held = 0;
    List<BodyBudget.Reservation> all = new ArrayList<>();
    for (Future<List<BodyBudget.Reservation>> f : results) {
      all.addAll(f.get(30, TimeUnit.SECONDS));
    }
    pool.shutdown();
    for (BodyBudget.Reservation r : all) {
      held += r.bytes();
    }
    assertThat(held).isEqualTo(budget.reservedBytes()).isEqualTo(1_000 / 7 * 7);
    all.forEach(BodyBudget.Reservation::close);
    assertThat(budget.reservedBytes()).isZero();
  }
}
