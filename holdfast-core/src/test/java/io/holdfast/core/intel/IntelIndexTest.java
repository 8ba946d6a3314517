package io.holdfast.core.intel;

import static org.assertj.core.api.Assertions.assertThat;

import io.holdfast.core.screening.Outcome;
import io.holdfast.core.transfer.Counterparty;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

class IntelIndexTest {
  private static final String ADDRESS = "0x4f47bc496083c727c5fbe3ce9cdf2b0f6496270c";

  @Test
  void findsAddressesAcrossEvmChainsAndAccountsById() {
    IntelIndex index = new IntelIndex();
    index.putList(new IntelList("ofac", Outcome.BLOCK, "OFAC SDN"));
    index.putList(new IntelList("scams", Outcome.HOLD, "reported scams"));

    assertThat(index.addAddress("ofac", evm("ETH", ADDRESS))).isTrue();
    assertThat(index.addAddress("ofac", evm("ETH", ADDRESS))).isFalse();
    assertThat(index.addAddress("scams", evm("BSC", ADDRESS))).isTrue();
    assertThat(index.addAccount("scams", "acct-7")).isTrue();

    List<String> found = index.lookup(new Counterparty.ExternalAddress("ARB", ADDRESS));
    assertThat(found).containsExactlyInAnyOrder("ofac", "scams");
    assertThat(index.strongestAction(found)).isEqualTo(Outcome.BLOCK);
    assertThat(index.lookup(new Counterparty.PlatformAccount("acct-7"))).containsExactly("scams");
    assertThat(index.size()).isEqualTo(3);
  }

  @Test
  void missesShareOneEmptyList() {
    IntelIndex index = new IntelIndex();

    List<String> miss = index.lookup(new Counterparty.ExternalAddress("ETH", ADDRESS));
    assertThat(miss).isEmpty();
    assertThat(miss).isSameAs(index.lookup(new Counterparty.PlatformAccount("nobody")));
    assertThat(index.strongestAction(miss)).isEqualTo(Outcome.ALLOW);
  }

  @Test
  void removeAndClearDropEntries() {
    IntelIndex index = new IntelIndex();
    index.putList(new IntelList("ofac", Outcome.BLOCK, ""));
    index.addAddress("ofac", evm("ETH", ADDRESS));
    index.addAccount("ofac", "acct-1");
    index.addAccount("ofac", "acct-2");

    assertThat(index.removeAccount("ofac", "acct-1")).isTrue();
    assertThat(index.removeAccount("ofac", "acct-1")).isFalse();
    index.clearList("ofac");

    assertThat(index.size()).isZero();
    assertThat(index.lookup(new Counterparty.ExternalAddress("ETH", ADDRESS))).isEmpty();
    assertThat(index.list("ofac")).isPresent();
  }

  @Test
  void concurrentAddsAreAllFound() throws Exception {
    IntelIndex index = new IntelIndex();
    int threads = 8;
    int perThread = 2_000;
    for (int t = 0; t < threads; t++) {
      index.putList(new IntelList("list" + t, Outcome.HOLD, ""));
    }
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      List<Future<?>> done = new ArrayList<>();
      for (int t = 0; t < threads; t++) {
        int thread = t;
        done.add(pool.submit(() -> {
          for (int i = 0; i < perThread; i++) {
            // Every thread adds every address, each to its own list, so keys collide.
            index.addAddress("list" + thread, evm("ETH", address(i)));
            index.addAccount("list" + thread, "acct-" + i);
          }
        }));
      }
      for (Future<?> future : done) {
        future.get();
      }
    } finally {
      pool.shutdown();
    }

    assertThat(index.size()).isEqualTo(threads * perThread * 2);
    for (int i = 0; i < perThread; i++) {
      assertThat(index.lookup(new Counterparty.ExternalAddress("BSC", address(i))))
          .hasSize(threads);
      assertThat(index.lookup(new Counterparty.PlatformAccount("acct-" + i))).hasSize(threads);
    }
  }

  private static String address(int i) {
    return String.format("0x%040x", i);
  }

  private static AddressCheck.Valid evm(String network, String address) {
    return (AddressCheck.Valid) AddressNormalizer.normalize(network, address);
  }
}
