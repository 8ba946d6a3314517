package io.holdfast.bench;

import static org.assertj.core.api.Assertions.assertThat;

import io.holdfast.core.account.AccountEventType;
import io.holdfast.core.account.AccountProfile;
import io.holdfast.core.transfer.Transfer;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The benchmark population is the same for the same seed, so runs measure the same work. */
class SyntheticHistoryTest {
  private static final Instant NOW = Instant.parse("2026-11-25T12:00:00Z");

  private static List<String> rows(long seed) {
    List<String> rows = new ArrayList<>();
    new SyntheticHistory(2_000, seed, NOW).generate(new SyntheticHistory.Sink() {
      @Override
      public void profile(AccountProfile p) {
        rows.add(p.toString());
      }

      @Override
      public void event(String account, AccountEventType type, long second, long amount) {
        rows.add(account + type + second + ":" + amount);
      }

      @Override
      public void transfer(String sender, String recipient, long second, long amount) {
        rows.add(sender + ">" + recipient + "@" + second + ":" + amount);
      }
    });
    return rows;
  }

  @Test
  void theSameSeedGivesTheSameHistory() {
    assertThat(rows(7)).isEqualTo(rows(7)).hasSizeGreaterThan(24_000);
    assertThat(rows(7)).isNotEqualTo(rows(8));
  }

  @Test
  void historyIsInTimeOrderAndAddressesWereFirstPaidBeforeTheThirtyDays() {
    long previous = Long.MIN_VALUE;
    long windowStart = NOW.getEpochSecond() - 30 * 86_400L;
    java.util.Set<String> early = new java.util.HashSet<>();
    java.util.Set<String> addresses = new java.util.HashSet<>();
    for (String row : rows(7)) {
      int at = row.indexOf('@');
      if (at > 0) {
        long second = Long.parseLong(row.substring(at + 1, row.indexOf(':', at)));
        assertThat(second).isGreaterThanOrEqualTo(previous)
            .isBetween(windowStart - SyntheticHistory.ADDRESS_AGE_DAYS * 86_400L,
                NOW.getEpochSecond());
        String recipient = row.substring(row.indexOf('>') + 1, at);
        if (second < windowStart) {
          assertThat(recipient).as("only pool addresses are paid before the window")
              .startsWith("x:");
          early.add(recipient);
        } else if (recipient.startsWith("x:")) {
          addresses.add(recipient);
        }
        previous = second;
      }
    }
    assertThat(early).hasSize(200).containsAll(addresses);
  }

  @Test
  void screeningTransfersAreDeterministicAndNeverToOneself() {
    SyntheticHistory history = new SyntheticHistory(2_000, 7, NOW);
    Transfer[] a = history.screeningTransfers(5_000, 1);
    Transfer[] b = history.screeningTransfers(5_000, 1);
    assertThat(a).containsExactly(b);
  }
}
